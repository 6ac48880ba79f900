package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.registry.RegistryNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The registries cargo knows from its configuration: {@code .cargo/config.toml} in the workspace and its
 * parents, {@code $CARGO_HOME/config.toml}, and {@code CARGO_REGISTRIES_<NAME>_INDEX} variables.
 */
public final class CargoConfig {

    /** A registry known to cargo, with where it was defined. */
    public record Registry(String name, String index, Location definedAt) {
    }

    private final Map<String, Registry> registries;
    private final Map<String, String> env;

    private CargoConfig(Map<String, Registry> registries, Map<String, String> env) {
        this.registries = registries;
        this.env = env;
    }

    public static CargoConfig load(Path workspaceRoot, Map<String, String> env) {
        Map<String, Registry> found = new LinkedHashMap<>();
        for (Path dir = workspaceRoot.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            readInto(dir.resolve(".cargo"), found);
        }
        String cargoHome = env.get("CARGO_HOME");
        Path home = cargoHome != null ? Paths.get(cargoHome)
                : env.get("HOME") != null ? Paths.get(env.get("HOME"), ".cargo") : null;
        if (home != null) {
            readInto(home, found);
        }
        return new CargoConfig(found, env);
    }

    private static void readInto(Path cargoDir, Map<String, Registry> found) {
        for (String name : List.of("config.toml", "config")) {
            Path f = cargoDir.resolve(name);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            TomlParseResult toml;
            try {
                toml = Toml.parse(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TomlTable regs = toml.getTable("registries");
            if (regs == null) {
                return;
            }
            for (String reg : regs.keySet()) {
                if (regs.get(List.of(reg)) instanceof TomlTable t && t.getString("index") != null) {
                    found.putIfAbsent(reg, new Registry(reg, t.getString("index"),
                            TomlEditor.location(f, toml.inputPositionOf(List.of("registries", reg)))));
                }
            }
            return; // cargo reads config.toml in preference to config
        }
    }

    /** The registry by name from config files or the environment, or null. */
    public Registry registry(String name) {
        String fromEnv = env.get(RegistryNames.variable(name, "INDEX"));
        if (fromEnv != null) {
            return new Registry(name, fromEnv, null);
        }
        return registries.get(name);
    }

    public Map<String, Registry> registries() {
        return registries;
    }
}
