package io.github.cratesrelease.publish;

import io.github.cratesrelease.testing.RecordingReporter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wait policies between waves and pacing to the spec's rate limits (real cargo, embedded registry). */
class WaitAndPaceTest {

    @TempDir
    Path tmp;

    private PublishResult publish(EmbeddedRegistry r, int crates, String specTail, RecordingReporter log) {
        Path ws = PublishFixtures.chain(tmp.resolve("ws"), crates);
        Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none") + specTail);
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", "tok-1234"));
        return new PublishEngine(env, log).publish(PublishOptions.builder(ws.resolve("release.yaml")).verify(false)
                .allowDirty(true).build());
    }

    @Test
    void indexStrategyPollsUntilEachWaveIsVisible() {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false).withIndexLag(Duration.ofSeconds(2)))) {
            RecordingReporter log = new RecordingReporter();
            PublishResult res = publish(r, 3, """
                    registries:
                      embedded:
                        wait: {strategy: index, interval: 200ms, timeout: 1m}
                    """, log);
            assertEquals(3, res.count(Status.PUBLISHED), log.text());
            assertTrue(log.text().matches("(?s).*\\[wave 1] c1 0.1.0 visible in the index of `embedded` after \\d.*"),
                    log.text());
            assertTrue(res.crates().get(0).waitMs() >= 1500, "c1 waited for the index: " + res.crates().get(0));
            assertTrue(res.elapsed().toMillis() >= 6000, "three waves, 2 s lag each");
        }
    }

    @Test
    void noneStrategyDoesNotWaitBetweenWavesOnlyOnceAtTheEnd() {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false).withIndexLag(Duration.ofSeconds(2)))) {
            RecordingReporter log = new RecordingReporter();
            PublishResult res = publish(r, 3, "", log);
            assertEquals(3, res.count(Status.PUBLISHED), log.text());
            assertTrue(log.text().contains("[check]"), "the final visibility check waited for the lag: " + log.text());
            assertTrue(res.elapsed().toMillis() < 6000, "one lag, not three: " + res.elapsed());
        }
    }

    @Test
    void fixedStrategySleepsAfterEachWave() {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false))) {
            RecordingReporter log = new RecordingReporter();
            PublishResult res = publish(r, 2, """
                    registries:
                      embedded:
                        wait: {strategy: fixed, delay: 1s}
                    """, log);
            assertEquals(2, res.count(Status.PUBLISHED), log.text());
            assertTrue(log.text().contains("[wave 1] waiting 1s (wait strategy 'fixed') before wave 2"), log.text());
        }
    }

    @Test
    void uploadsArePacedToTheRateLimitsOfTheSpec() {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false))) {
            RecordingReporter log = new RecordingReporter();
            PublishResult res = publish(r, 3, """
                    rate-limits:
                      embedded:
                        new-crates: {burst: 2, interval: 2s}
                    """, log);
            assertEquals(3, res.count(Status.PUBLISHED), log.text());
            assertTrue(log.text().contains("Rate limits: at least 2s because of registry rate limits; 1 crate(s) wait:"),
                    log.text());
            assertTrue(log.text().contains("c3 0.1.0: waiting 2s for the new-crates rate limit of `embedded`"),
                    log.text());
            assertTrue(res.crates().get(2).waitMs() >= 1500, res.crates().get(2).toString());
            assertEquals(3, r.publishRequests(), "paced, so no 429 and no retry");
        }
    }
}
