package io.github.cratesrelease.publish;

import io.github.cratesrelease.testing.RecordingReporter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RegistryFront;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
            // each pending crate read at most once per interval (a crate's reads are spaced: indexReadsAreSpaced)
            assertTrue(reads <= 5 * (ms / 500 + 1), reads + " reads in " + ms + " ms: " + check);
            assertTrue(ms < 2000 + 500 + 1500, "the 2 s lag paid once, reads overlapping: " + check);
            assertTrue(check.contains("unchanged (304)"), check);
        }
    }

    /**
     * The final check reads each pending crate's index file one interval after its last read started, whatever the
     * others do: never two reads of one crate within an interval, and no round waits for the one before to end.
     */
    @Test
    void indexReadsOfEachCrateAreAnIntervalApart() throws Exception {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false).withIndexLag(Duration.ofMillis(1500))
                .withLatency(Duration.ofMillis(120)));
                RegistryFront front = RegistryFront.start(r.apiUrl())) {
            RecordingReporter log = new RecordingReporter();
            Path ws = PublishFixtures.chain(tmp.resolve("ws"), 4);
            Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none") + """
                    registries:
                      embedded:
                        wait: {strategy: none, interval: 300ms, timeout: 1m}
                    """);
            Map<String, String> env = new HashMap<>(PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                    Map.of("embedded", "tok-1234")));
            env.put("CARGO_REGISTRIES_EMBEDDED_INDEX", "sparse+" + front.url());
            PublishResult res = new PublishEngine(env, log).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                    .verify(false).allowDirty(true).build());
            assertEquals(4, res.count(Status.PUBLISHED), log.text());
            Map<String, List<Long>> reads = front.indexReads();
            for (String c : List.of("c1", "c2", "c3", "c4")) {
                List<Long> at = reads.get(c);
                assertTrue(at != null && at.size() >= 3, c + " was polled through the 1.5 s lag: " + reads);
                List<Long> polls = at.subList(at.size() - 3, at.size());  // the check's last reads (lookups come first)
                for (int k = 1; k < polls.size(); k++) {
                    long gap = polls.get(k) - polls.get(k - 1);
                    assertTrue(gap >= 300 - 25, c + ": reads " + gap + " ms apart, under the 300 ms interval: " + at);
                    // a read takes 120 ms here: sleeping an interval after each round would space them 420 ms
                    assertTrue(gap < 300 + 100, c + ": reads " + gap + " ms apart, far over the interval: " + at);
                }
            }
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
