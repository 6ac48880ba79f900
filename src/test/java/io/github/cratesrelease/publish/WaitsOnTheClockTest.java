package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.Fault;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.ManualClock;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waits, backoff and timeouts measured on a clock the test drives (real cargo and a real registry, no real
 * sleeping): what the publish would have waited is exactly what the rules say.
 */
class WaitsOnTheClockTest {

    @TempDir
    Path tmp;

    private PublishResult publish(EmbeddedRegistry r, String wait, ManualClock clock, RecordingReporter log) {
        Path ws = PublishFixtures.chain(tmp.resolve("ws"), 1);
        Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec(wait));
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", "tok-1234"));
        return new PublishEngine(env, log, null, clock).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                .verify(false).retries(5).retryBackoff(Duration.ofSeconds(1)).build());
    }

    @Test
    void serverErrorsAreRetriedWithADoublingBackoff() {
        ManualClock clock = new ManualClock();
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false).withFaults(Fault.parseList("503*3")))) {
            RecordingReporter log = new RecordingReporter();
            long t0 = System.nanoTime();
            PublishResult res = publish(r, "strategy: none", clock, log);
            assertEquals(1, res.count(Status.PUBLISHED), log.text());
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), clock.sleeps(),
                    log.text());
            assertTrue(log.text().contains("retry 3/5 in 4s"), log.text());
            assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "no real sleeping");
        }
    }

    @Test
    void aTooManyRequestsAnswerIsWaitedOutUntilItsRetryAfterDate() {
        ManualClock clock = new ManualClock();
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false).withFaults(Fault.parseList("429:10m")))) {
            RecordingReporter log = new RecordingReporter();
            PublishResult res = publish(r, "strategy: none", clock, log);
            assertEquals(1, res.count(Status.PUBLISHED), log.text());
            Duration slept = clock.slept();
            assertTrue(slept.compareTo(Duration.ofSeconds(595)) >= 0 && slept.compareTo(Duration.ofSeconds(615)) <= 0,
                    "waited until the Retry-After date (an HTTP date of 1 s resolution, computed by the registry on "
                            + "the real clock while the test's clock stands still; a loaded machine adds seconds): "
                            + slept);
            assertTrue(clock.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(30)) <= 0),
                    "in steps of at most 30 s, with a progress line each: " + clock.sleeps());
            assertTrue(log.text().contains("registry rate limit: "), log.text());
        }
    }

    @Test
    void anIndexWaitGivesUpAtItsTimeoutAndSaysTheUploadSucceeded() {
        ManualClock clock = new ManualClock();
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false).withIndexLag(Duration.ofHours(1)))) {
            RecordingReporter log = new RecordingReporter();
            ReleaseException e = assertThrows(ReleaseException.class,
                    () -> publish(r, "{strategy: index, interval: 2s, timeout: 10m}", clock, log));
            assertTrue(e.getMessage().contains("c1 0.1.0 did not appear in the index of `embedded` within 10m (the "
                    + "upload itself succeeded)"), e.getMessage());
            assertEquals(Duration.ofMinutes(10), clock.slept(), clock.sleeps().toString());
            assertEquals(Duration.ofSeconds(2), clock.sleeps().get(0), "steady polling first");
            assertTrue(clock.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(30)) <= 0),
                    "backs off to at most 30 s: " + clock.sleeps());
        }
    }
}
