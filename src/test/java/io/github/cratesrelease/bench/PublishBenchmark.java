package io.github.cratesrelease.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishEngine;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.publish.PublishResult;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.output.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * crates:publish against {@code cargo publish --workspace} on the same kind of registry in the same run: a generated
 * workspace of 24 crates in 4 levels (each crate depends on two of the level below), an embedded registry with a 2 s
 * index lag, both with cargo's verification build. Not a unit test (its name keeps it out of the normal test run):
 * run it with {@code bench/publish-bench.sh}. It fails when ours takes more than half of cargo's time.
 */
class PublishBenchmark {

    static final int LEVELS = 4;
    static final int PER_LEVEL = 6;
    static final Duration LAG = Duration.ofSeconds(2);
    static final double TARGET_RATIO = 0.5;

    static Path workspace(Path root) {
        StringBuilder deps = new StringBuilder();
        List<String> members = new ArrayList<>();
        for (int l = 0; l < LEVELS; l++) {
            for (int i = 0; i < PER_LEVEL; i++) {
                String name = "bench-l" + l + "-c" + i;
                members.add("\"" + name + "\"");
                deps.append(name).append(" = { path = \"").append(name)
                        .append("\", version = \"1.0.0\", registry = \"bench\" }\n");
                StringBuilder own = new StringBuilder();
                StringBuilder code = new StringBuilder("pub fn v() -> u64 { 1");
                if (l > 0) {
                    for (int d : new int[] {i, (i + 1) % PER_LEVEL}) {
                        String dep = "bench-l" + (l - 1) + "-c" + d;
                        own.append(dep).append(".workspace = true\n");
                        code.append(" + ").append(dep.replace('-', '_')).append("::v()");
                    }
                }
                Fixtures.write(root.resolve(name).resolve("Cargo.toml"), """
                        [package]
                        name = "%s"
                        version = "1.0.0"
                        edition = "2021"
                        description = "benchmark crate"
                        license = "MIT"

                        [dependencies]
                        %s""".formatted(name, own));
                Fixtures.write(root.resolve(name).resolve("src/lib.rs"), code + " }\n");
            }
        }
        Fixtures.write(root.resolve("Cargo.toml"), "[workspace]\nresolver = \"2\"\nmembers = [" + String.join(", ", members)
                + "]\n\n[workspace.dependencies]\n" + deps);
        Fixtures.write(root.resolve("release.yaml"), """
                version: 1
                workspace: .
                defaults:
                  registry: bench
                order: auto
                wait:
                  strategy: none
                  timeout: 2m
                  interval: 200ms
                """);
        return root;
    }

    static Map<String, String> env(Path home, EmbeddedRegistry r) {
        Fixtures.write(home.resolve("config.toml"), "[registries.bench]\ncredential-provider = [\"cargo:token\"]\n\n"
                + "[net]\nretry = 0\n\n[term]\ncolor = \"never\"\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CARGO_HOME", home.toString());
        env.put("CARGO_REGISTRIES_BENCH_INDEX", r.indexUrl());
        env.put("CARGO_REGISTRIES_BENCH_TOKEN", "bench-token");
        return env;
    }

    @Test
    void oursAgainstCargoPublishWorkspace() throws Exception {
        Path base = Files.createTempDirectory("crates-bench");
        int crates = LEVELS * PER_LEVEL;
        long cargoMs;
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(base.resolve("reg-cargo"))
                .withToken("bench-token", false).withIndexLag(LAG))) {
            Path ws = workspace(base.resolve("ws-cargo"));
            Map<String, String> env = env(base.resolve("home-cargo"), r);
            long t0 = System.nanoTime();
            Processes.Result res = Processes.run(ws, env, List.of("cargo", "publish", "--workspace", "--registry",
                    "bench", "--allow-dirty"));
            cargoMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(0, res.exit(), res.stderr());
            assertEquals(crates, r.published().size());
        }
        long oursMs;
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(base.resolve("reg-ours"))
                .withToken("bench-token", false).withIndexLag(LAG))) {
            Path ws = workspace(base.resolve("ws-ours"));
            Map<String, String> env = env(base.resolve("home-ours"), r);
            long t0 = System.nanoTime();
            Reporter timed = new Reporter() {
                @Override
                public void info(String line) {
                    if (Boolean.getBoolean("bench.verbose")) {
                        System.out.printf("%6d ms %s%n", (System.nanoTime() - t0) / 1_000_000, line);
                    }
                }

                @Override
                public void warn(String line) {
                    info(line);
                }

                @Override
                public void error(String line) {
                    info(line);
                }
            };
            PublishResult res = new PublishEngine(env, timed).publish(
                    PublishOptions.builder(ws.resolve("release.yaml")).allowDirty(true).build());
            oursMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(crates, res.count(PublishResult.Status.PUBLISHED));
            assertEquals(crates, r.published().size());
        }
        double ratio = (double) oursMs / cargoMs;
        String report = String.format(Locale.ROOT, """
                crates-maven-plugin publish benchmark
                workspace: %d crates in %d levels, embedded registry with %d s index lag, verification on in both
                cargo publish --workspace : %6.1f s
                crates:publish (direct)   : %6.1f s
                ratio ours/cargo          : %6.2f (target <= %.2f)
                """, crates, LEVELS, LAG.toSeconds(), cargoMs / 1000.0, oursMs / 1000.0, ratio, TARGET_RATIO);
        System.out.println(report);
        Path out = Path.of("target", "bench", "publish-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertTrue(ratio <= TARGET_RATIO, report);
    }
}
