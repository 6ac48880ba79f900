package io.github.cratesrelease.bench;

import io.github.cratesrelease.bench.PublishTimeline.Phase;
import io.github.cratesrelease.bench.SyntheticWorkspace.Shape;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Rehearsal packaging: the packaging phase of {@code mvn crates:publish -Dcrates.rehearse} (from its log timestamps:
 * "Packaging and verifying" to the last "Packaged") on a generated 70-crate workspace, against {@code cargo package
 * --workspace} of the same crates with the registry reachable (a fresh embedded registry without lag or latency, as
 * the rehearsal's own), each on a fresh copy of the tree.
 */
final class RehearseCase {

    static final double TARGET = 1.05;

    private final Measures m;
    private final BenchReport report;

    RehearseCase(Measures m, BenchReport report) {
        this.m = m;
        this.report = report;
    }

    void run(Shape shape) {
        Path template = m.template(shape);
        Figure packaging = new Figure();
        Figure whole = new Figure();
        Figure cargo = new Figure();
        for (int i = 1; i <= m.runs; i++) {
            Path ws = m.copy(template);
            WholeProcess.Run run = WholeProcess.ok(ws, m.env(null), m.tools.goal("publish", "-Dcrates.rehearse",
                    "-Dcrates.spec=" + ws.resolve("release.yaml")), false, null);
            String name = "rehearse-" + shape.crates() + "-ours-" + i;
            m.keep(name, run);
            Phase p = PublishTimeline.parse(run).phases().get(PublishTimeline.PHASES[3]);
            Measures.check(p != null, "no packaging phase in " + name + ".log", run);
            packaging.add(p.millis());
            whole.add(run.millis());
            Path peer = m.copy(template);
            try (EmbeddedRegistry r = m.registry(Duration.ZERO, Duration.ZERO)) {
                WholeProcess.Run c = WholeProcess.ok(peer, m.env(r), Measures.cargo("package", "--workspace",
                        "--registry", BenchTools.REGISTRY), false, null);
                cargo.add(c.millis());
            }
            System.out.printf("[bench] rehearsal %s run %d: packaging %s (whole %s), cargo package --workspace %s%n",
                    shape, i, Figure.seconds(p.millis()), Figure.seconds(run.millis()), Figure.seconds(cargo.median()));
        }
        report.row("rehearsal packaging, " + shape, packaging, "`cargo package --workspace`", cargo, TARGET);
        report.info("rehearsal, " + shape + ": whole command", whole.toString(), "(packaging, uploads to the "
                + "stand-in registry, consumer check)");
    }
}
