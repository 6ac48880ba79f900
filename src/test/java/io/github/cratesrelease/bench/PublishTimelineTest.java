package io.github.cratesrelease.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark reads where the time went from our timestamped log lines. */
class PublishTimelineTest {

    /** The shape of a real crates:publish log (lines taken from a bench run, crates cut to two). */
    static final List<String> PUBLISH = List.of(
            "10:00:00.500 [INFO] Scanning for projects...",
            "10:00:01.000 [INFO] --- crates:0.1.0-SNAPSHOT:publish (default-cli) @ standalone-pom ---",
            "10:00:02.000 [INFO] Release: 2 crate(s) in 2 wave(s) from release.yaml",
            "10:00:02.500 [INFO] Packaging and verifying 2 crate(s) for `bench`: cargo package --registry bench",
            "10:00:02.501 [INFO] Cargo's output: /tmp/ws/target/crates/cargo.log (shown with -X, and on failure)",
            "10:00:06.000 [INFO] Packaged a 1.0.0 (5 files, 975 B)",
            "10:00:06.500 [INFO] Packaged b 1.0.0 (5 files, 975 B)",
            "10:00:07.000 [INFO] 2 upload(s): 2 new crate(s), 0 new version(s) of existing crates",
            "10:00:07.100 [INFO] Rate limits: no crate waits for a registry rate limit",
            "10:00:07.400 [INFO] [wave 1] a 1.0.0 -> bench: uploaded in 211 ms, waited 0.0 s",
            "10:00:07.800 [INFO] [wave 2] b 1.0.0 -> bench: uploaded in 187 ms, waited 0.0 s",
            "10:00:10.000 [INFO] [check] a 1.0.0 visible in the index of `bench` after 2s",
            "10:00:11.000 [INFO] Integrity: every crate is in its index with the expected SHA-256",
            "10:00:11.100 [INFO] Release done in 10s: 2 published, 0 already there.",
            "10:00:11.110 [INFO] ------------------------------------------------------------------------",
            "10:00:11.120 [INFO] BUILD SUCCESS");

    static WholeProcess.Run run(List<String> lines, LocalTime start, long millis) {
        return new WholeProcess.Run(0, millis, start, lines.stream().map(l -> new WholeProcess.Line(start, l))
                .toList(), -1);
    }

    @Test
    void phasesRunFromMarkerLineToMarkerLine() {
        PublishTimeline t = PublishTimeline.parse(run(PUBLISH, LocalTime.parse("10:00:00.000"), 11_500));
        Map<String, PublishTimeline.Phase> p = t.phases();
        long[] expected = {1000, 1000, 500, 4000, 600, 700, 2200, 1000, 500};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], p.get(PublishTimeline.PHASES[i]).millis(), PublishTimeline.PHASES[i]);
        }
        assertEquals(11_500, t.total());
    }

    @Test
    void aPhaseWhoseMarkerIsMissingIsLeftOut() {
        List<String> noCheck = PUBLISH.stream().filter(l -> !l.contains("[check]")).toList();
        Map<String, PublishTimeline.Phase> p = PublishTimeline.parse(run(noCheck, LocalTime.parse("10:00:00.000"),
                11_500)).phases();
        assertEquals(3200, p.get(PublishTimeline.PHASES[6]).millis(), "waits end at the integrity line");
        assertFalse(p.containsKey(PublishTimeline.PHASES[7]), "no check line: no separate integrity phase");
    }

    @Test
    void ownWorkIsEachGoalsStartToItsLastLineSummed() {
        List<String> lines = List.of(
                "10:00:01.000 [INFO] --- crates:0.1.0-SNAPSHOT:validate (default-cli) @ standalone-pom ---",
                "10:00:01.120 [DEBUG] crates:validate starts",
                "10:00:01.690 [DEBUG] analysis (spec, 2 manifests, plan): 500 ms",
                "10:00:01.700 [INFO] Release spec release.yaml is valid: 2 crate(s) to release",
                "10:00:01.700 [INFO] ",
                "10:00:01.710 [INFO] --- crates:0.1.0-SNAPSHOT:plan (default-cli) @ standalone-pom ---",
                "10:00:01.720 [DEBUG] crates:plan starts",
                "10:00:01.900 [INFO] Publish plan: 2 crates in 2 waves",
                "10:00:02.010 [INFO] Plan written to target/crates/plan.json",
                "10:00:02.020 [INFO] ------------------------------------------------------------------------",
                "10:00:02.030 [INFO] BUILD SUCCESS");
        WholeProcess.Run run = run(lines, LocalTime.parse("10:00:00.000"), 2_100);
        assertEquals(580 + 290, ScaleCase.ownWork(run, false), "from each goal's start line");
        assertEquals(700 + 300, ScaleCase.ownWork(run, true), "from each goal's header, Maven's loading included");
        List<String> noDebug = lines.stream().filter(l -> !l.contains("[DEBUG]")).toList();
        assertEquals(700 + 300, ScaleCase.ownWork(run(noDebug, LocalTime.parse("10:00:00.000"), 2_100), false),
                "without start lines, from the headers");
    }
}
