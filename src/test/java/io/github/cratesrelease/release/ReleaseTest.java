package io.github.cratesrelease.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.Fault;
import io.github.cratesrelease.registry.embedded.RegistryStore;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.version.BumpEngine;
import io.github.cratesrelease.version.BumpRequest;
import io.github.cratesrelease.version.VersionBump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crates:release end to end: real cargo and git, the embedded registry as the target. */
class ReleaseTest {

    private static final List<String> CRATES = List.of("llmo-audit", "llmo-auth", "llmo-cli", "llmo-core",
            "llmo-providers", "llmo-sdk", "llmo-secrets", "llmo-state");

    @TempDir
    Path tmp;

    private EmbeddedRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theExampleIsPublishedInGraphOrderTaggedAtHeadInstalledAndASecondRunDoesNothing() throws Exception {
        registry = PublishFixtures.start(tmp.resolve("reg"), 0, "tok-5678");
        Path ws = ReleaseFixtures.example(tmp);
        Map<String, String> env = ReleaseFixtures.env(tmp, registry, "tok-5678");
        RecordingReporter log = new RecordingReporter();
        ReleaseGoal.Result r = ReleaseFixtures.release(env, log, ReleaseFixtures.options(ws).build());

        assertEquals(8, r.publishedNow(), log.text());
        assertEquals(8, registry.published().size());
        assertGraphOrder(log.text());
        assertEquals(CRATES.stream().map(c -> c + "-v0.4.0").sorted().toList(), ReleaseFixtures.tagsAtHead(ws));
        assertEquals("tag", ReleaseFixtures.git(ws, "cat-file", "-t", "llmo-core-v0.4.0"), "annotated");
        assertTrue(log.text().contains("[post-publish release/0-verify] ok"), log.text());
        assertTrue(log.text().contains("llmo --version says: llmo 0.4.0"), log.text());
        assertTrue(log.text().contains("8 published by this run; 0 already published; 8 tag(s) created; post-publish: "
                + "2 done, 0 failed"), log.text());
        String journal = Files.readString(ws.resolve("target/crates/release-journal.json"));
        assertTrue(journal.contains("\"finished\" : true"), journal);

        int requests = registry.publishRequests();
        RecordingReporter again = new RecordingReporter();
        ReleaseGoal.Result second = ReleaseFixtures.release(env, again, ReleaseFixtures.options(ws).build());
        assertEquals(0, second.publishedNow());
        assertEquals(0, second.tagsCreated());
        assertEquals(requests, registry.publishRequests(), "nothing uploaded");
        assertTrue(again.text().contains("Nothing to release: 8 crate(s) already on their registries and tagged; "
                + "nothing was uploaded, tagged or pushed"), again.text());
        assertFalse(again.text().contains("Resuming"), again.text());
        assertFalse(again.text().contains("[post-publish"), "no action runs again: " + again.text());

        // a later commit that changes no crate (the CLI's packaged Cargo.lock differs only in sibling checksums)
        Files.writeString(ws.resolve("NOTES.md"), "release notes draft\n");
        ReleaseFixtures.commit(ws, "notes");
        RecordingReporter later = new RecordingReporter();
        ReleaseFixtures.release(env, later, ReleaseFixtures.options(ws).build());
        assertEquals(requests, registry.publishRequests(), "nothing uploaded");
        assertTrue(later.text().contains("Skip llmo-cli 0.4.0: already on `embedded` with the same files (packaged from "
                + "another commit)"), later.text());
        assertFalse(later.text().contains("files changed since"), later.text());
        assertTrue(later.text().contains("Nothing to release"), later.text());
    }

    /** Each crate's upload line comes after the upload lines of the crates it depends on. */
    private static void assertGraphOrder(String log) {
        Map<String, List<String>> deps = Map.of("llmo-auth", List.of("llmo-secrets"), "llmo-providers",
                List.of("llmo-secrets"), "llmo-core", List.of("llmo-auth", "llmo-providers", "llmo-state"),
                "llmo-sdk", List.of("llmo-core"), "llmo-cli", List.of("llmo-core", "llmo-providers", "llmo-sdk"));
        deps.forEach((crate, on) -> on.forEach(d -> assertTrue(log.indexOf("] " + d + " 0.4.0 -> ")
                < log.indexOf("] " + crate + " 0.4.0 -> ") && log.contains("] " + d + " 0.4.0 -> "),
                d + " before " + crate + ":\n" + log)));
    }

    @Test
    void aReleaseStoppedAfterTheSecondWaveResumesWithoutDuplicatesAndTagsOnlyWhatIsPublished() throws Exception {
        registry = PublishFixtures.start(tmp.resolve("reg"), 0, "tok-5678");
        Path ws = ReleaseFixtures.example(tmp);
        String spec = Files.readString(ws.resolve("release.yaml"));
        Files.writeString(ws.resolve("release.yaml"), spec.substring(0, spec.indexOf("post-publish:"))
                .replace("strategy: none ", "strategy: fixed\n  delay: 2s\n "));
        ReleaseFixtures.commit(ws, "no actions");
        Map<String, String> env = ReleaseFixtures.env(tmp, registry, "tok-5678");
        Thread injector = new Thread(() -> {
            long deadline = System.currentTimeMillis() + 120_000;
            while (registry.published().size() < 5 && System.currentTimeMillis() < deadline) {
                sleep(10);
            }
            registry.injectFaults(Fault.serverError());  // wave 3 (llmo-core) fails; no retries
        });
        injector.start();
        RecordingReporter log = new RecordingReporter();
        ReleaseException e = assertThrows(ReleaseException.class, () -> ReleaseFixtures.release(env, log,
                ReleaseFixtures.options(ws).retries(0).build()));
        injector.join();
        assertTrue(e.fullMessage().contains("publishing stopped in wave 3"), e.fullMessage());
        assertTrue(e.fullMessage().contains("resume with the same command: mvn crates:release -Dcrates.spec="),
                e.fullMessage());
        assertEquals(5, registry.published().size(), log.text());
        assertEquals(List.of(), ReleaseFixtures.tagsAtHead(ws), "no tag before the release is through");

        RecordingReporter again = new RecordingReporter();
        ReleaseGoal.Result r = ReleaseFixtures.release(env, again, ReleaseFixtures.options(ws).build());
        assertTrue(again.text().contains("Resuming the release recorded in"), again.text());
        assertEquals(3, r.publishedNow(), again.text());
        assertEquals(8, registry.published().size());
        Map<String, Long> stored = registry.published().stream().collect(Collectors.groupingBy(
                RegistryStore.Entry::name, Collectors.counting()));
        assertTrue(stored.values().stream().allMatch(n -> n == 1), "each crate stored once: " + stored);
        assertEquals(8, ReleaseFixtures.tagsAtHead(ws).size());
        assertTrue(again.text().contains("3 published by this run; 5 by the interrupted run; 0 already published"), again.text());
        String journal = Files.readString(ws.resolve("target/crates/release-journal.json"));
        assertTrue(journal.contains("\"finished\" : true") && journal.contains("\"tag\""), journal);
        assertFalse(journal.contains("\"FAILED\""), journal);
    }

    @Test
    void afterABumpOfOneCrateOnlyNewVersionsArePublishedAndAChangedUnbumpedCrateIsWarnedAbout() throws Exception {
        registry = PublishFixtures.start(tmp.resolve("reg"), 0, "tok-5678");
        Path ws = PublishFixtures.chain(tmp.resolve("ws"), 3);
        Files.writeString(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none")
                + "versioning:\n  mode: independent\n  dependents: upgrade\n");
        ReleaseFixtures.commit(ws, "initial");
        Map<String, String> env = ReleaseFixtures.env(tmp, registry, "tok-5678");
        assertEquals(3, ReleaseFixtures.release(env, new RecordingReporter(), ReleaseFixtures.options(ws).build())
                .publishedNow());

        new BumpEngine(env, new RecordingReporter()).bump(new BumpRequest(ws.resolve("release.yaml"),
                VersionBump.Level.MINOR, null, List.of("c1"), false, true, java.time.LocalDate.of(2026, 12, 2)));
        RecordingReporter log = new RecordingReporter();
        ReleaseGoal.Result r = ReleaseFixtures.release(env, log, ReleaseFixtures.options(ws).build());
        assertEquals(1, r.publishedNow(), log.text());
        assertTrue(log.text().contains("c1 0.2.0 -> embedded"), log.text());
        assertTrue(log.text().contains("c2 0.1.0 is already on `embedded`, but its files changed since that version "
                + "was published"), log.text());
        assertTrue(log.text().contains("crates:bump -Dcrates.spec=" + ws.resolve("release.yaml")
                + " -Dcrates.crates=c2 -Dcrates.bump=patch"), log.text());
        assertTrue(log.text().contains("Skip c3 0.1.0: already on `embedded` with the same files"), log.text());
        assertEquals(List.of("c1-v0.2.0"), ReleaseFixtures.tagsAtHead(ws));
        assertTrue(log.text().contains("1 published by this run; 1 already published; 1 changed without a version "
                + "bump"), log.text());
    }

    @Test
    void aDryRunNeedsNoTokenAndChangesNothing() throws Exception {
        registry = PublishFixtures.start(tmp.resolve("reg"), 0, "tok-5678");
        Path ws = ReleaseFixtures.example(tmp);
        RecordingReporter log = new RecordingReporter();
        ReleaseFixtures.release(ReleaseFixtures.env(tmp, registry, null), log, ReleaseFixtures.options(ws)
                .dryRun(true).build());
        assertEquals(0, registry.publishRequests());
        assertEquals(List.of(), ReleaseFixtures.tagsAtHead(ws));
        assertFalse(Files.exists(ws.resolve("target/crates/release-journal.json")));
        assertTrue(log.text().contains("Would tag llmo-core-v0.4.0 at "), log.text());
        assertTrue(log.text().contains("[post-publish release/1-cargo-install] would cargo install llmo-cli"),
                log.text());
        assertTrue(log.text().contains("Dry run done in"), log.text());
        assertEquals("", ReleaseFixtures.git(ws, "status", "--porcelain"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
