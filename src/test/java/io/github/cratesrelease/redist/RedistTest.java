package io.github.cratesrelease.redist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.publish.CrateArchive;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.publish.PublishResult;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.registry.embedded.RegistryStore;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crates:redist end to end: an upstream repository made by the test (two crates, the second depending on the first
 * by path only, a later commit on top), a spec directory without a Cargo workspace, an auth-required embedded
 * registry whose token comes from a cargo:token-from-stdout provider; real git and cargo.
 */
class RedistTest {

    @TempDir
    Path tmp;

    private EmbeddedRegistry registry;
    private String token;
    private String pinned;
    private Map<String, String> env;

    @BeforeEach
    void upstreamAndRegistry() throws Exception {
        token = "redist-canary-" + Long.toHexString(System.nanoTime());
        registry = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg")).withToken(token, true));
        Path up = tmp.resolve("upstream");
        Fixtures.write(up.resolve("Cargo.toml"), "[workspace]\nresolver = \"2\"\nmembers = [\"up-bindings\", "
                + "\"up-ioctls\"]\n");
        Fixtures.write(up.resolve("up-bindings/Cargo.toml"), """
                [package]
                name = "up-bindings"
                version = "0.3.0"
                edition = "2021"
                description = "bindings"
                license = "MIT"

                [features]
                fam-wrappers = []
                """);
        Fixtures.write(up.resolve("up-bindings/src/lib.rs"), "pub const ANSWER: u32 = 42;\n"
                + "#[cfg(feature = \"fam-wrappers\")]\npub fn fam() -> u32 { 7 }\n");
        Fixtures.write(up.resolve("up-ioctls/Cargo.toml"), """
                [package]
                name = "up-ioctls"
                version = "0.3.0"
                edition = "2021"
                description = "ioctls"
                license = "MIT"

                [dependencies]
                up-bindings = { path = "../up-bindings" }
                """);
        Fixtures.write(up.resolve("up-ioctls/src/lib.rs"), "pub fn answer() -> u32 { up_bindings::ANSWER }\n");
        Fixtures.write(up.resolve(".gitignore"), "target/\n");
        git(up, "init", "-q", "-b", "main");
        git(up, "add", "-A");
        git(up, "commit", "-qm", "pinned");
        pinned = git(up, "rev-parse", "HEAD");
        Fixtures.write(up.resolve("up-bindings/src/lib.rs"), "pub const ANSWER: u32 = 43;\n");
        git(up, "commit", "-qam", "later, not to be published");

        Fixtures.write(tmp.resolve("token.txt"), token + "\n");
        Path home = tmp.resolve("home");
        Fixtures.write(home.resolve("config.toml"), "[net]\nretry = 0\n");
        env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("CARGO_REGISTR"));
        env.put("CARGO_HOME", home.toString());
        spec(pinned, "");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private void spec(String rev, String extra) {
        Fixtures.write(tmp.resolve("spec/release.yaml"), """
                version: 1
                defaults:
                  registry: feed
                registries:
                  feed:
                    index: %s
                    token: { provider: "cargo:token-from-stdout cat %s" }
                wait:
                  strategy: none
                redist:
                  - name: up
                    git: ../upstream
                    rev: %s
                    crates: [up-bindings, up-ioctls]
                    patches:
                      up-ioctls: { dependencies: { up-bindings: { features: [fam-wrappers] } } }
                %s""".formatted(registry.indexUrl(), tmp.resolve("token.txt"), rev, extra));
    }

    private List<PublishResult> redist(RecordingReporter log, boolean dryRun) {
        Path spec = tmp.resolve("spec/release.yaml");
        try (RunContext ctx = RunContext.builder(env, log).spec(spec).dryRun(dryRun).build()) {
            return RedistGoal.redist(ctx, PublishOptions.builder(spec).verify(false).dryRun(dryRun).build(),
                    Set.of());
        } catch (ReleaseException e) {
            throw new ReleaseException(e.getMessage() + "\n--- output:\n" + log.text(), e.diagnostics());
        }
    }

    @Test
    void bothCratesArePublishedAtThePinnedCommitPatchedAndAConsumerBuilds() throws Exception {
        assertFalse(Files.exists(tmp.resolve("spec/Cargo.toml")), "no Cargo workspace next to the spec");
        RecordingReporter log = new RecordingReporter();
        List<PublishResult> r = redist(log, false);
        assertEquals(2, r.get(0).count(PublishResult.Status.PUBLISHED), log.text());
        assertEquals(List.of("up-bindings", "up-ioctls"), registry.published().stream().map(RegistryStore.Entry::name)
                .sorted().toList());
        String ioctls = CrateArchive.of(Path.of("up-ioctls-0.3.0.crate"), registry.crateFile("up-ioctls", "0.3.0"))
                .manifestText();
        assertTrue(ioctls.contains("fam-wrappers"), "the declared patch is published: " + ioctls);
        assertTrue(ioctls.contains("commit = \"" + pinned + "\""), "provenance: " + ioctls);
        String bindings = new String(CrateArchive.of(Path.of("b.crate"), registry.crateFile("up-bindings", "0.3.0"))
                .entry("src/lib.rs"));
        assertTrue(bindings.contains("ANSWER: u32 = 42"), "the pinned commit, not the branch tip: " + bindings);
        assertFalse(log.text().contains(token), "the token appears in no output");

        // a consumer builds against them with cargo
        Path consumer = tmp.resolve("consumer");
        Fixtures.write(consumer.resolve("Cargo.toml"), """
                [package]
                name = "consumer"
                version = "0.0.0"
                edition = "2021"
                publish = false

                [dependencies]
                up-ioctls = { version = "=0.3.0", registry = "feed" }
                up-bindings = { version = "=0.3.0", registry = "feed", features = ["fam-wrappers"] }
                """);
        Fixtures.write(consumer.resolve("src/main.rs"), "fn main() { assert_eq!(up_ioctls::answer(), 42); "
                + "assert_eq!(up_bindings::fam(), 7); }\n");
        Map<String, String> cargoEnv = new HashMap<>(env);
        cargoEnv.put("CARGO_REGISTRIES_FEED_INDEX", registry.indexUrl());
        cargoEnv.put("CARGO_REGISTRIES_FEED_TOKEN", token);
        cargoEnv.put("CARGO_REGISTRIES_FEED_CREDENTIAL_PROVIDER", "cargo:token");  // an auth-required feed
        Processes.Result run = Processes.run(consumer, cargoEnv, List.of("cargo", "run", "--quiet"));
        assertEquals(0, run.exit(), run.stderr());

        // a re-run uploads nothing
        int requests = registry.publishRequests();
        RecordingReporter again = new RecordingReporter();
        redist(again, false);
        assertEquals(requests, registry.publishRequests(), again.text());
        assertTrue(again.text().contains("Skip up-ioctls 0.3.0: already on `feed` with the same checksum"),
                again.text());
    }

    @Test
    void aRevThatDoesNotExistIsAClearErrorAndNothingIsUploaded() {
        spec("0123456789abcdef0123456789abcdef01234567", "");
        ReleaseException e = assertThrows(ReleaseException.class, () -> redist(new RecordingReporter(), false));
        assertTrue(e.fullMessage().contains("rev 0123456789abcdef0123456789abcdef01234567 of redist source up is "
                + "not in "), e.fullMessage());
        assertTrue(e.fullMessage().contains("release.yaml:13:"), "located at the rev: " + e.fullMessage());
        assertEquals(0, registry.publishRequests());
    }

    @Test
    void aDryRunPrintsTheManifestDiffAndUploadsNothing() {
        RecordingReporter log = new RecordingReporter();
        redist(log, true);
        assertEquals(0, registry.publishRequests());
        assertTrue(log.text().contains("+up-bindings = { version = \"0.3.0\", registry = \"feed\", features = "
                + "[\"fam-wrappers\"], path = \"../up-bindings\" }") || log.text().contains("registry = \"feed\""),
                log.text());
        assertTrue(log.text().contains("+[package.metadata.redist]"), log.text());
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
        cmd.addAll(List.of(args));
        Processes.Result r = Processes.run(dir, Map.of(), cmd);
        assertEquals(0, r.exit(), cmd + ": " + r.stderr());
        return r.stdout().strip();
    }
}
