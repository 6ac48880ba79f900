package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packaging runs cargo offline where that resolves the same versions as online (cargo's online index queries cost
 * ~40 requests per crate), and online when cargo's local cache lacks a dependency (real cargo, embedded registry).
 */
class OfflinePackagingTest {

    @TempDir
    Path tmp;

    @Test
    void siblingsOnlyArePackagedOfflineAndARegistryDependencyOutsideTheCacheOnline() {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false))) {
            // a workspace of siblings only: every version is known without asking any registry
            Path base = PublishFixtures.chain(tmp.resolve("base"), 2);
            Fixtures.write(base.resolve("release.yaml"), PublishFixtures.spec("strategy: none"));
            PublishFixtures.gitCommit(base);
            RecordingReporter first = new RecordingReporter();
            Map<String, String> env1 = PublishFixtures.env(tmp.resolve("home1"), Map.of("embedded", r),
                    Map.of("embedded", "tok-1234"));
            PublishResult res = new PublishEngine(env1, first).publish(PublishOptions
                    .builder(base.resolve("release.yaml")).build());
            assertEquals(2, res.count(Status.PUBLISHED), first.text());
            assertTrue(first.text().contains("--offline"), first.text());

            // a consumer of c2 from the registry, locked in one CARGO_HOME, released from a fresh one
            Path app = tmp.resolve("app");
            Fixtures.write(app.resolve("Cargo.toml"), """
                    [package]
                    name = "app"
                    version = "0.1.0"
                    edition = "2021"
                    description = "consumer"
                    license = "MIT"
                    publish = ["embedded"]

                    [dependencies]
                    c2 = { version = "0.1.0", registry = "embedded" }
                    """);
            Fixtures.write(app.resolve("src/lib.rs"), "pub fn v() -> u32 { c2::v() }\n");
            Fixtures.write(app.resolve(".gitignore"), "target/\n");
            Fixtures.write(app.resolve("release.yaml"), PublishFixtures.spec("strategy: none"));
            Processes.Result lock = Processes.run(app, env1, java.util.List.of("cargo", "generate-lockfile"));
            assertEquals(0, lock.exit(), lock.stderr());
            PublishFixtures.gitCommit(app);
            RecordingReporter second = new RecordingReporter();
            Map<String, String> env2 = PublishFixtures.env(tmp.resolve("home2"), Map.of("embedded", r),
                    Map.of("embedded", "tok-1234"));
            res = new PublishEngine(env2, second).publish(PublishOptions.builder(app.resolve("release.yaml")).build());
            assertEquals(1, res.count(Status.PUBLISHED), second.text());
            assertTrue(second.text().contains("Packaging offline needs what cargo's local cache lacks (no matching "
                    + "package named `c2` found): packaging online"), second.text());
        }
    }
}
