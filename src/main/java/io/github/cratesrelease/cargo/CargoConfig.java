package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The names of cargo's configuration file in a {@code .cargo} directory, the one it prefers first. */
    public static final List<String> FILE_NAMES = List.of("config.toml", "config");

    public static CargoConfig load(Path workspaceRoot, Map<String, String> env) {
        Map<String, Registry> found = new LinkedHashMap<>();
        for (Path dir : directories(workspaceRoot, env)) {
            readInto(dir, found);
        }
        return new CargoConfig(found, env);
    }

    /**
     * Where cargo looks for its configuration, in order: the {@code .cargo} directory of the workspace root and of
     * each of its parents, then {@code CARGO_HOME} (else {@code ~/.cargo}).
     */
    public static List<Path> directories(Path workspaceRoot, Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        for (Path dir = workspaceRoot.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            dirs.add(dir.resolve(".cargo"));
        }
        String cargoHome = env.get("CARGO_HOME");
        Path home = cargoHome != null ? Paths.get(cargoHome)
                : env.get("HOME") != null ? Paths.get(env.get("HOME"), ".cargo") : null;
        if (home != null) {
            dirs.add(home);
        }
        return dirs;
    }

    /**
     * The registries of {@code cargoDir/config.toml} (or {@code config}), read as cargo reads them: a file that is
     * not UTF-8, not TOML, or has a value of the wrong type under {@code [registries]} is a located error, as cargo
     * refuses such a file too.
     */
    private static void readInto(Path cargoDir, Map<String, Registry> found) {
        for (String name : FILE_NAMES) {
            Path f = cargoDir.resolve(name);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            Diagnostics diags = new Diagnostics();
            String text = TextFiles.read(f);
            TomlParseResult toml = TomlAccess.parse(f, text, diags);
            diags.throwIfErrors("cargo's configuration " + f + " is not valid TOML");
            TomlAccess in = new TomlAccess(f, text, diags);
            TomlTable regs = in.table(toml, "registries", "registries");
            for (String reg : regs == null ? List.<String>of() : regs.keySet()) {
                TomlTable t = in.table(regs, reg, "registries." + reg);
                String index = t == null ? null : in.string(t, "index", "registries." + reg + ".index");
                if (index != null) {
                    found.putIfAbsent(reg, new Registry(reg, index,
                            TomlEditor.location(f, toml.inputPositionOf(List.of("registries", reg)))));
                }
            }
            diags.throwIfErrors("cargo's configuration " + f + " has errors");
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
