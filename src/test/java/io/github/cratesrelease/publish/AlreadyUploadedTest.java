package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.FileTrees;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.Fault;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.RegistryFront;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal is a cache: a re-run without it (target/ gone, a fresh CI runner) while the index lags asks the
 * registry before uploading, and an "already uploaded" answer is settled by the checksum, never fatal by itself.
 */
class AlreadyUploadedTest {

    @TempDir
    Path tmp;

    private EmbeddedRegistry registry;
    private RegistryFront front;
    private Path ws;

    /**
     * c1 ← c2; a first run that uploads c1, then stops at c2's upload (503, no retry); the journal is deleted; the
     * index (through a front) does not show c1 to the re-run's lookup, as a lagging index would.
     */
    @BeforeEach
    void firstRunStopsAfterC1() throws Exception {
        registry = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg")).withToken("tok-1234", false));
        front = RegistryFront.start(registry.apiUrl());
        ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
        Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none\ninterval: 100ms\n"
                + "timeout: 30s"));
        PublishFixtures.gitCommit(ws);
        Thread arm = new Thread(() -> {
            while (registry.publishRequests() < 1) {
                Thread.onSpinWait();
            }
            registry.injectFaults(Fault.unavailable());  // for c2, once c1's upload is in
        });
        arm.setDaemon(true);
        arm.start();
        RecordingReporter log = new RecordingReporter();
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(env(), log)
                .publish(options().retries(0).build()));
        assertTrue(e.fullMessage().contains("published: c1 0.1.0"), e.fullMessage());
        assertEquals(1, registry.published().size());
        FileTrees.delete(ws.resolve("target"));  // the journal is gone
        front.hide("c1", 2);  // asked ahead (while packaging), then asked again in order when that failed
    }

    @AfterEach
    void stop() {
        front.close();
        registry.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", registry),
                Map.of("embedded", "tok-1234")));
        env.put("CARGO_REGISTRIES_EMBEDDED_INDEX", "sparse+" + front.url());
        return env;
    }

    private PublishOptions.Builder options() {
        return PublishOptions.builder(ws.resolve("release.yaml")).verify(false);
    }

    @Test
    void theReRunAsksTheWebApiAndSkipsWhatTheLaggingIndexDoesNotShowYet() {
        RecordingReporter log = new RecordingReporter();
        PublishResult res = new PublishEngine(env(), log).publish(options().build());
        assertTrue(log.text().contains("c1 0.1.0: on `embedded` (its web API says so), not yet in the index"),
                log.text());
        assertTrue(log.text().contains("Skip c1 0.1.0: already on `embedded` with the same checksum (uploaded by an "
                + "earlier run)"), log.text());
        assertEquals(Status.PUBLISHED, res.crates().get(1).status());
        assertEquals(3, registry.publishRequests(), "c1, c2 refused, c2: nothing uploaded twice");
        assertEquals(2, registry.published().size());
    }

    @Test
    void anAlreadyUploadedAnswerWithOurChecksumIsDoneAndSaidSo() {
        front.failLookups("c1", 2);  // neither lookup (ahead, then in order) can tell: the upload goes, the registry answers 400
        RecordingReporter log = new RecordingReporter();
        PublishResult res = new PublishEngine(env(), log).publish(options().build());
        assertTrue(log.text().contains("cannot ask the web API of `embedded` about c1 0.1.0 (HTTP 500"), log.text());
        assertTrue(log.text().contains("[wave 1] c1 0.1.0 -> embedded: already uploaded by an earlier run, same "
                + "checksum; not uploaded again"), log.text());
        assertEquals(Status.PUBLISHED, res.crates().get(0).status());
        assertEquals(Status.PUBLISHED, res.crates().get(1).status());
        assertEquals(2, registry.published().size());
    }

    @Test
    void anAlreadyUploadedAnswerWithAnotherChecksumIsAnErrorNamingBoth() throws Exception {
        String stored = (String) registry.published().get(0).line().get("cksum");
        Files.writeString(ws.resolve("crates/c1/src/lib.rs"), "pub fn v() -> u32 { 100 }\n");
        PublishFixtures.gitCommit(ws);
        front.failLookups("c1", 2);  // asked ahead, then asked again in order
        RecordingReporter log = new RecordingReporter();
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(env(), log)
                .publish(options().build()));
        String ours = CrateArchive.sha256(Files.readAllBytes(ws.resolve("target/crates/packages/c1-0.1.0.crate")));
        assertTrue(e.fullMessage().contains("`embedded` says c1 0.1.0 is already uploaded (crate version `0.1.0` is "
                + "already uploaded), with checksum " + stored + ", but the crate built here has checksum " + ours),
                e.fullMessage());
        assertTrue(e.fullMessage().contains("not published: c1 0.1.0, c2 0.1.0"), e.fullMessage());
        assertEquals(1, registry.published().size());
    }
}
