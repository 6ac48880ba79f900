package io.github.cratesrelease.publish;

import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.TestWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Workspaces, registries and environments for publish tests (real cargo, isolated CARGO_HOME). */
public final class PublishFixtures {
    private PublishFixtures() {
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The process environment plus an isolated CARGO_HOME that knows the given registries by name (index from
     * CARGO_REGISTRIES_NAME_INDEX, token from CARGO_REGISTRIES_NAME_TOKEN).
     */
    public static Map<String, String> env(Path cargoHome, Map<String, EmbeddedRegistry> registries, Map<String, String> tokens) {
        StringBuilder cfg = new StringBuilder("[net]\nretry = 0\n\n[term]\ncolor = \"never\"\n\n");
        for (String name : registries.keySet()) {
            cfg.append("[registries.").append(name).append("]\ncredential-provider = [\"cargo:token\"]\n\n");
        }
        Fixtures.write(cargoHome.resolve("config.toml"), cfg.toString());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("CARGO_REGISTR"));
        env.put("CARGO_HOME", cargoHome.toString());
        env.put("CARGO_TERM_COLOR", "never");
        registries.forEach((name, r) -> env.put("CARGO_REGISTRIES_" + name.toUpperCase().replace('-', '_') + "_INDEX",
                r.indexUrl()));
        tokens.forEach((name, t) -> env.put("CARGO_REGISTRIES_" + name.toUpperCase().replace('-', '_') + "_TOKEN", t));
        return env;
    }

    public static EmbeddedRegistry start(Path dir, int port, String token) {
        RegistryOptions o = RegistryOptions.defaults(dir).withToken(token, false);
        return EmbeddedRegistry.start(port > 0 ? o.withPort(port) : o);
    }

    /** A spec releasing every member to registry {@code embedded}. */
    public static String spec(String wait) {
        return """
                version: 1
                workspace: .
                defaults:
                  registry: embedded
                order: auto
                wait:
                %s
                """.formatted(wait.indent(2).stripTrailing());
    }

    /** A chain of {@code n} crates c1 <- c2 <- ... published to {@code embedded}, committed to git. */
    public static Path chain(Path root, int n) {
        StringBuilder deps = new StringBuilder("\n[workspace.dependencies]\n");
        for (int i = 1; i <= n; i++) {
            deps.append("c").append(i).append(" = { path = \"crates/c").append(i)
                    .append("\", version = \"0.1.0\", registry = \"embedded\" }\n");
        }
        TestWorkspace ws = new TestWorkspace(root).workspace(deps.toString());
        for (int i = 1; i <= n; i++) {
            ws.crate("c" + i, "0.1.0", "publish = [\"embedded\"]\n\n[dependencies]\n"
                    + (i == 1 ? "" : "c" + (i - 1) + ".workspace = true"));
            ws.file("crates/c" + i + "/src/lib.rs", i == 1 ? "pub fn v() -> u32 { 1 }\n"
                    : "pub fn v() -> u32 { c" + (i - 1) + "::v() + 1 }\n");
        }
        ws.file(".gitignore", "target/\n");
        return root;
    }

    public static void gitCommit(Path root) {
        for (List<String> cmd : List.of(List.of("git", "init", "-q"), List.of("git", "add", "-A"),
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init"))) {
            io.github.cratesrelease.testing.Processes.Result r =
                    io.github.cratesrelease.testing.Processes.run(root, Map.of(), cmd);
            if (r.exit() != 0) {
                throw new AssertionError(cmd + ": " + r.stderr());
            }
        }
    }
}
