package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged crates are taken from where cargo wrote them: the workspace's target/ when cargo just wrote them
 * there, else the target directory cargo metadata names (build.target-dir, CARGO_TARGET_DIR), also when target/
 * still holds the crates of an earlier run.
 */
class TargetDirectoryTest {

    @TempDir
    Path tmp;

    private List<String> dryRun(Path ws, Map<String, String> env) {
        RecordingReporter out = new RecordingReporter();
        new PublishEngine(env, out).publish(PublishOptions.builder(ws.resolve("release.yaml")).verify(false)
                .dryRun(true).build());
        return out.lines;
    }

    private static byte[] kept(Path ws, String file) throws IOException {
        return Files.readAllBytes(ws.resolve("target/crates/packages").resolve(file));
    }

    @Test
    void theCratesComeFromWhereCargoWroteThemThisTime() throws IOException {
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg")))) {
            check(PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", registry), Map.of()));
        }
    }

    private void check(Map<String, String> env) throws IOException {
        Path ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
        Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none"));
        PublishFixtures.gitCommit(ws);

        List<String> first = dryRun(ws, env);
        assertTrue(first.stream().anyMatch(l -> l.contains("Packaged c2 0.1.0")), String.join("\n", first));
        assertArrayEquals(Files.readAllBytes(ws.resolve("target/package/c2-0.1.0.crate")), kept(ws, "c2-0.1.0.crate"));

        // the next run writes elsewhere (build.target-dir), while target/package keeps the first run's crates
        Fixtures.write(ws.resolve(".cargo/config.toml"), "[build]\ntarget-dir = \"build-out\"\n");
        Fixtures.write(ws.resolve("crates/c2/src/lib.rs"), "pub fn v() -> u32 { c1::v() + 2 }\n");
        List<String> second = dryRun(ws, env);
        assertTrue(second.stream().anyMatch(l -> l.contains("Packaged c2 0.1.0")), String.join("\n", second));
        byte[] built = Files.readAllBytes(ws.resolve("build-out/package/c2-0.1.0.crate"));
        assertArrayEquals(built, kept(ws, "c2-0.1.0.crate"), "the crate of this run, from build-out/");
        assertFalse(java.util.Arrays.equals(built, Files.readAllBytes(ws.resolve("target/package/c2-0.1.0.crate"))),
                "target/package still holds the first run's crate");

        // and CARGO_TARGET_DIR
        Files.delete(ws.resolve(".cargo/config.toml"));
        Fixtures.write(ws.resolve("crates/c2/src/lib.rs"), "pub fn v() -> u32 { c1::v() + 3 }\n");
        Path elsewhere = tmp.resolve("elsewhere");
        Map<String, String> withVariable = new java.util.HashMap<>(env);
        withVariable.put("CARGO_TARGET_DIR", elsewhere.toString());
        dryRun(ws, withVariable);
        assertArrayEquals(Files.readAllBytes(elsewhere.resolve("package/c2-0.1.0.crate")), kept(ws, "c2-0.1.0.crate"));
        assertEquals(2, Files.list(ws.resolve("target/crates/packages")).count());
    }
}
