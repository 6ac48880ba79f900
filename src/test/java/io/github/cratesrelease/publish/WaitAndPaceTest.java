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
    void pendingCratesArePolledTogetherAtMostOncePerInterval() {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false).withIndexLag(Duration.ofSeconds(2))
                .withLatency(Duration.ofMillis(60)))) {
            RecordingReporter log = new RecordingReporter();
            java.util.List<String> debug = new java.util.concurrent.CopyOnWriteArrayList<>();
            io.github.cratesrelease.output.Reporter both = new io.github.cratesrelease.output.Reporter() {
                public void info(String l) { log.info(l); }
                public void warn(String l) { log.warn(l); }
                public void error(String l) { log.error(l); }
                public void debug(String l) { debug.add(l); }
            };
            Path ws = PublishFixtures.chain(tmp.resolve("ws"), 5);
            Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none") + """
                    registries:
                      embedded:
                        wait: {strategy: none, interval: 500ms, timeout: 1m}
                    """);
            Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                    Map.of("embedded", "tok-1234"));
            PublishResult res = new PublishEngine(env, both).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                    .verify(false).allowDirty(true).build());
            assertEquals(5, res.count(Status.PUBLISHED), log.text());
            String check = debug.stream().filter(l -> l.startsWith("[check] ")).findFirst().orElseThrow();
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("\\[check] (\\d+) index read\\(s\\) for 5 crate\\(s\\) in ([\\d.]+)(ms|s)").matcher(check);
            assertTrue(m.find(), check);
            double ms = Double.parseDouble(m.group(2)) * (m.group(3).equals("s") ? 1000 : 1);
            int reads = Integer.parseInt(m.group(1));
            // every round reads each pending crate once, then sleeps one interval
            assertTrue(reads <= 5 * (ms / 500 + 1), reads + " reads in " + ms + " ms: " + check);
            assertTrue(ms < 2000 + 500 + 1500, "the 2 s lag paid once, reads overlapping: " + check);
            assertTrue(check.contains("unchanged (304)"), check);
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
