package io.github.cratesrelease.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's table: its columns as wide as their widest cell (or heading), two spaces apart, no trailing blanks. */
class PlanWriterTest {

    private static PublishPlan.PlannedCrate crate(String name, String version, String registry, String... after) {
        return new PublishPlan.PlannedCrate(name, version, registry, Path.of(name, "Cargo.toml"), List.of(after));
    }

    @Test
    void columnsAreAsWideAsTheirWidestCell() {
        PublishPlan plan = new PublishPlan(List.of(
                new PublishPlan.Wave(1, List.of(crate("tokio-macros", "2.5.0", "crates-io"), crate("a", "0.1.0", "kellnr"))),
                new PublishPlan.Wave(2, List.of(crate("tokio", "1.47.1", "crates-io", "tokio-macros", "a")))), false);
        assertEquals(List.of(
                "Publish plan: 3 crates in 2 waves (derived from the dependency graph)",
                "  wave  crate         version  registry   after",
                "  ----  ------------  -------  ---------  ---------------",
                "  1     tokio-macros  2.5.0    crates-io  -",
                "  1     a             0.1.0    kellnr     -",
                "  2     tokio         1.47.1   crates-io  tokio-macros, a"), PlanWriter.table(plan));
    }

    @Test
    void aWaveNumberWiderThanItsHeadingWidensTheColumn() {
        List<PublishPlan.Wave> waves = new java.util.ArrayList<>();
        for (int i = 1; i <= 12345; i *= 10) {
            waves.add(new PublishPlan.Wave(i, List.of(crate("c" + i, "1.0.0-rc.1", "r"))));
        }
        List<String> lines = PlanWriter.table(new PublishPlan(waves, true));
        assertEquals("Publish plan: 5 crates in 5 waves (explicit order, checked against the graph)", lines.get(0));
        assertEquals("  wave   crate   version     registry  after", lines.get(1));
        assertEquals("  -----  ------  ----------  --------  -----", lines.get(2));
        assertEquals("  10000  c10000  1.0.0-rc.1  r         -", lines.get(7));
        assertEquals("  1      c1      1.0.0-rc.1  r         -", lines.get(3));
    }

    @Test
    void oneCrateInOneWave() {
        assertEquals(List.of("Publish plan: 1 crate in 1 wave (derived from the dependency graph)",
                "  wave  crate  version  registry  after",
                "  ----  -----  -------  --------  -----",
                "  1     x      0.1.0    r         -"),
                PlanWriter.table(new PublishPlan(List.of(new PublishPlan.Wave(1, List.of(crate("x", "0.1.0", "r")))),
                        false)));
    }
}
