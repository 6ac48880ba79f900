package io.github.cratesrelease.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.release.SpecGoals;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Contexts;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crates:plan's rate-limit estimate on a wgpu-sized workspace: short lines, not a list of 72 crates. */
class PlanRateLimitLinesTest {

    @TempDir
    Path tmp;

    @Test
    void seventyTwoCratesGiveShortRateLimitLines() {
        TestWorkspace w = new TestWorkspace(tmp.resolve("ws")).workspace("");
        for (int i = 1; i <= 72; i++) {
            w.crate(String.format("wgpu-part-%02d", i), "0.20.0", "");
        }
        w.spec("version: 1\n");
        RecordingReporter out = new RecordingReporter();
        try (RunContext ctx = Contexts.of(Map.of("HOME", tmp.resolve("home").toString()), out,
                w.root().resolve("release.yaml"), true)) {
            SpecGoals.plan(ctx);
        }
        List<String> lines = out.text().lines().filter(l -> l.contains("Rate limits")).toList();
        assertEquals(2, lines.size(), out.text());
        lines.forEach(l -> assertTrue(l.length() < 200, l.length() + " characters: " + l));
        // new versions: 30 at once, then one a minute; new crates: 5 at once, then one every 10 minutes
        assertEquals("[INFO] Rate limits, if every crate already exists: at least 42m; 42 of 72 crates wait (one every "
                + "1m): wgpu-part-31 (+1m), wgpu-part-32 (+2m), ... wgpu-part-72 (+42m)", lines.get(0));
        assertEquals("[INFO] Rate limits, if no crate exists yet on its registry: at least 11h10m; 67 of 72 crates wait "
                + "(one every 10m): wgpu-part-06 (+10m), wgpu-part-07 (+20m), ... wgpu-part-72 (+11h10m)", lines.get(1));
    }
}
