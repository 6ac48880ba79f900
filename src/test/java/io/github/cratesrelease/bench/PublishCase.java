package io.github.cratesrelease.bench;

import io.github.cratesrelease.bench.SyntheticWorkspace.Shape;
import io.github.cratesrelease.init.MavenJvmConfig;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publish, whole process against whole process: {@code mvn crates:publish} against {@code cargo publish --workspace},
 * each on a fresh copy of the same generated workspace and a fresh embedded registry with a 2 s index lag and 40 ms
 * per response; and the floor, {@code crates:help} (start-up) + {@code cargo package --workspace --offline} (package
 * and verify, no registry) + one index lag. Runs alternate (ours, cargo's, the floor's packaging) so that the
 * machine's noise falls on all alike.
 */
final class PublishCase {

    static final Duration LAG = Duration.ofSeconds(2);
    static final Duration LATENCY = Duration.ofMillis(40);
    static final double TARGET_VS_CARGO = 0.45;
    static final double TARGET_VS_FLOOR = 1.25;

    private final Measures m;
    private final BenchReport report;

    PublishCase(Measures m, BenchReport report) {
        this.m = m;
        this.report = report;
    }

    void run(Shape shape) {
        Path template = m.template(shape);
        Path quickTemplate = m.withInitJvmConfig(template);
        Figure ours = new Figure();
        Figure quick = new Figure();
        Figure helpQuick = new Figure();
        List<PublishTimeline> quickTimelines = new ArrayList<>();
        Figure cargo = new Figure();
        Figure offline = new Figure();
        Figure helpNow = new Figure();
        List<PublishTimeline> timelines = new ArrayList<>();
        String tag = "publish-" + shape.crates();
        for (int i = 1; i <= m.runs; i++) {
            PublishTimeline t = ours(shape, template, tag + "-ours-" + i);
            ours.add(t.total());
            timelines.add(t);
            long c = cargoPublish(shape, template);
            cargo.add(c);
            long o = cargoPackageOffline(template);
            offline.add(o);
            long h = m.helpOnce();
            helpNow.add(h);
            PublishTimeline q = ours(shape, quickTemplate, tag + "-jvm-config-" + i);
            quick.add(q.total());
            quickTimelines.add(q);
            long hq = m.helpOnce(quickTemplate);
            helpQuick.add(hq);
            System.out.printf("[bench] %s run %d: ours %s, cargo publish --workspace %s, cargo package --offline %s, "
                    + "help %s; with init's .mvn/jvm.config: ours %s, help %s%n", shape, i, Figure.seconds(t.total()),
                    Figure.seconds(c), Figure.seconds(o), Figure.seconds(h), Figure.seconds(q.total()),
                    Figure.seconds(hq));
        }
        Figure floor = helpNow.plus(offline).plus(Figure.of(LAG.toMillis()));
        String what = "publish, " + shape + " (lag " + LAG.toSeconds() + " s, latency " + LATENCY.toMillis() + " ms)";
        report.row(what + " vs cargo", ours, "`cargo publish --workspace`", cargo, TARGET_VS_CARGO);
        report.row(what + " vs floor", ours, "floor = help " + Figure.seconds(helpNow.median())
                + " + `cargo package --workspace --offline` " + offline + " + lag", floor, TARGET_VS_FLOOR);
        String withConfig = ", with crates:init's .mvn/jvm.config (" + MavenJvmConfig.OPTIONS + ")";
        report.row(what + " vs cargo" + withConfig, quick, "`cargo publish --workspace`", cargo, TARGET_VS_CARGO);
        report.row(what + " vs floor" + withConfig, quick, "floor with the same JVM = help "
                + Figure.seconds(helpQuick.median()) + " + `cargo package --workspace --offline` + lag",
                helpQuick.plus(offline).plus(Figure.of(LAG.toMillis())), TARGET_VS_FLOOR);
        report.note(PublishTimeline.summary("publish, " + shape, timelines));
        report.note(PublishTimeline.summary("publish, " + shape + withConfig, quickTimelines));
    }

    private PublishTimeline ours(Shape shape, Path template, String name) {
        Path ws = m.copy(template);
        try (EmbeddedRegistry r = m.registry(LAG, LATENCY)) {
            Map<String, String> env = m.env(r);
            PublishTimeline.Probe probe = new PublishTimeline.Probe(r);
            WholeProcess.Run run = WholeProcess.run(ws, env, m.tools.goal("publish",
                    "-Dcrates.spec=" + ws.resolve("release.yaml")), false, probe);
            m.keep(name, run);
            Measures.check(run.exit() == 0, "crates:publish failed (log: " + name + ".log)", run);
            Measures.check(r.published().size() == shape.crates(), "crates:publish published "
                    + r.published().size() + " of " + shape.crates() + " crates", run);
            return PublishTimeline.parse(run, probe);
        }
    }

    private long cargoPublish(Shape shape, Path template) {
        Path ws = m.copy(template);
        try (EmbeddedRegistry r = m.registry(LAG, LATENCY)) {
            WholeProcess.Run run = WholeProcess.run(ws, m.env(r), Measures.cargo("publish", "--workspace",
                    "--registry", BenchTools.REGISTRY), false, null);
            Measures.check(run.exit() == 0, "cargo publish --workspace failed", run);
            Measures.check(r.published().size() == shape.crates(), "cargo publish --workspace published "
                    + r.published().size() + " of " + shape.crates() + " crates", run);
            return run.millis();
        }
    }

    private long cargoPackageOffline(Path template) {
        Path ws = m.copy(template);
        WholeProcess.Run run = WholeProcess.run(ws, m.env(null), Measures.cargo("package", "--workspace", "--offline",
                "--registry", BenchTools.REGISTRY), false, null);
        Measures.check(run.exit() == 0, "cargo package --workspace --offline failed", run);
        return run.millis();
    }
}
