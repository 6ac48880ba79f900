package io.github.cratesrelease.testing;

import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real cargo binary with an isolated CARGO_HOME whose config names an embedded registry {@code embedded}.
 * HOME is kept so the rustup proxy finds its toolchain.
 */
public final class CargoSandbox {
    private final Path cargoHome;
    private final Map<String, String> env = new HashMap<>();

    public CargoSandbox(Path cargoHome, EmbeddedRegistry registry, String token) {
        this.cargoHome = cargoHome;
        Fixtures.write(cargoHome.resolve("config.toml"), """
                [registries.embedded]
                index = "%s"
                credential-provider = ["cargo:token"]

                [net]
                retry = 0

                [term]
                color = "never"
                """.formatted(registry.indexUrl()));
        env.put("CARGO_HOME", cargoHome.toString());
        if (token != null) {
            env.put(EmbeddedRegistry.tokenVariable("embedded"), token);
        }
    }

    public Path cargoHome() {
        return cargoHome;
    }

    public Map<String, String> env() {
        return env;
    }

    public Processes.Result cargo(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("cargo");
        cmd.addAll(List.of(args));
        return Processes.run(dir, env, cmd);
    }

    /** Runs cargo and fails the test with its output when it does not exit 0. */
    public Processes.Result ok(Path dir, String... args) {
        Processes.Result r = cargo(dir, args);
        if (r.exit() != 0) {
            throw new AssertionError("cargo " + String.join(" ", args) + " failed (" + r.exit() + "):\n" + r.stderr());
        }
        return r;
    }
}
