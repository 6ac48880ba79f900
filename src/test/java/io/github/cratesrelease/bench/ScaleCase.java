package io.github.cratesrelease.bench;

import io.github.cratesrelease.bench.PublishTimeline.Stamped;
import io.github.cratesrelease.bench.SyntheticWorkspace.Shape;
import io.github.cratesrelease.init.MavenJvmConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * validate + plan at scale: {@code mvn crates:validate crates:plan} (one process, the two goals one after the other)
 * on a generated workspace of 100, 1,000 or 5,000 crates, against {@code cargo metadata --no-deps --offline} on the
 * same tree and against {@code crates:help} (run between our runs, so that both see the machine of the same minutes):
 * the whole command, our own work (from each goal's start to its last line, summed), Maven's loading of the plugin
 * before it, and the peak resident memory. The 5,000-crate case runs with {@code MAVEN_OPTS=-Xmx512m}.
 *
 * <p>A goal's start is its debug line {@code crates:<goal> starts}, the first thing the goal does: the runs enable
 * debug output for the plugin's own loggers only ({@code -Dorg.slf4j.simpleLogger.log.io.github.cratesrelease=debug},
 * none of Maven's), so that the line is there with its timestamp. Until the fifth round own work was counted from each
 * goal's header, which Maven prints before it resolves, loads and configures the plugin (0.1 s, as for help); that
 * figure is still printed.
 */
final class ScaleCase {

    static final long OWN_WORK_TARGET_MS = 400;
    static final long OVER_HELP_TARGET_MS = 500;
    static final int TARGET_CRATES = 1000;

    private final Measures m;
    private final BenchReport report;

    ScaleCase(Measures m, BenchReport report) {
        this.m = m;
        this.report = report;
    }

    void run(Shape shape) {
        Path ws = m.template(shape);
        Path quickWs = m.withInitJvmConfig(ws);
        Map<String, String> extra = new HashMap<>(BenchTools.rustupHome());
        if (shape.crates() >= 5000) {
            extra.put("MAVEN_OPTS", "-Xmx512m");
        }
        Map<String, String> env = BenchTools.env(m.scratch("cargo-home"), null, extra);
        Figure whole = new Figure();
        Figure own = new Figure();
        Figure fromHeader = new Figure();
        Figure loading = new Figure();
        Figure metadata = new Figure();
        Figure help = new Figure();
        Figure quickWhole = new Figure();
        Figure quickOwn = new Figure();
        Figure quickHelp = new Figure();
        long oursPeak = 0;
        long cargoPeak = 0;
        for (int i = 1; i <= m.runs; i++) {
            WholeProcess.Run run = WholeProcess.ok(ws, env, m.tools.goal(List.of("validate", "plan"),
                    "-Dcrates.spec=" + ws.resolve("release.yaml"), OWN_DEBUG), true, null);
            m.keep("scale-" + shape.crates() + "-ours-" + i, run);
            whole.add(run.millis());
            own.add(ownWork(run, false));
            fromHeader.add(ownWork(run, true));
            loading.add(ownWork(run, true) - ownWork(run, false));
            oursPeak = Math.max(oursPeak, run.peakKiB());
            WholeProcess.Run meta = WholeProcess.ok(ws, env, Measures.cargo("metadata", "--no-deps", "--offline",
                    "--format-version", "1"), true, null);
            metadata.add(meta.millis());
            cargoPeak = Math.max(cargoPeak, meta.peakKiB());
            help.add(m.helpOnce());
            WholeProcess.Run quick = WholeProcess.ok(quickWs, env, m.tools.goal(List.of("validate", "plan"),
                    "-Dcrates.spec=" + quickWs.resolve("release.yaml"), OWN_DEBUG), true, null);
            m.keep("scale-" + shape.crates() + "-jvm-config-" + i, quick);
            quickWhole.add(quick.millis());
            quickOwn.add(ownWork(quick, false));
            quickHelp.add(m.helpOnce(quickWs));
            System.out.printf("[bench] %s run %d: validate + plan %s (own work %s), cargo metadata %s%n", shape, i,
                    Figure.seconds(run.millis()), Figure.seconds(own.median()), Figure.seconds(meta.millis()));
        }
        String what = "validate + plan, " + shape.crates() + " crates";
        report.row(what + ": whole command", whole, "`cargo metadata --no-deps --offline`", metadata, Double.NaN);
        if (shape.crates() == TARGET_CRATES) {
            report.bound(what + ": whole command", whole, "help " + help + " + 0.5 s",
                    help.median() + OVER_HELP_TARGET_MS);
            report.bound(what + ": our own work", own, "goal start to its last line, summed", OWN_WORK_TARGET_MS);
        } else {
            report.info(what + ": our own work", own.toString(), "goal start to its last line, summed");
        }
        report.info(what + ": own work counted from the goals' headers", fromHeader.toString(),
                "of which Maven resolving, loading and configuring the plugin: " + loading);
        String withConfig = ", with crates:init's .mvn/jvm.config (" + MavenJvmConfig.OPTIONS + ")";
        if (shape.crates() == TARGET_CRATES) {
            report.bound(what + withConfig + ": whole command", quickWhole, "help with the same JVM " + quickHelp
                    + " + 0.5 s", quickHelp.median() + OVER_HELP_TARGET_MS);
            report.bound(what + withConfig + ": our own work", quickOwn, "goal start to its last line, summed",
                    OWN_WORK_TARGET_MS);
        } else {
            report.info(what + withConfig + ": whole command", quickWhole.toString(), "help with the same JVM "
                    + quickHelp);
            report.info(what + withConfig + ": our own work", quickOwn.toString(), "goal start to its last line, summed");
        }
        report.info(what + ": peak memory" + (shape.crates() >= 5000 ? " (-Xmx512m)" : ""), mib(oursPeak),
                "`cargo metadata`: " + mib(cargoPeak));
    }

    /** Debug output for the plugin's own loggers, none of Maven's: each goal's start line, with its timestamp. */
    static final String OWN_DEBUG = "-Dorg.slf4j.simpleLogger.log.io.github.cratesrelease=debug";

    /**
     * Each goal's own time, summed over the goals of the run: from the goal's start (its {@code crates:<goal> starts}
     * line; with {@code fromHeader}, Maven's {@code --- crates:...} header, printed before Maven resolves, loads and
     * configures the plugin) to the goal's last line. A goal without a start line counts from its header.
     */
    static long ownWork(WholeProcess.Run run, boolean fromHeader) {
        List<List<Stamped>> goals = new ArrayList<>();
        List<Stamped> current = null;
        for (Stamped s : PublishTimeline.stamped(run)) {
            if (PublishTimeline.isGoalHeader(s.text())) {
                current = new ArrayList<>();
                goals.add(current);
                current.add(s);
            } else if (s.text().startsWith("-----") || s.text().startsWith("BUILD ")) {
                current = null;
            } else if (current != null && !s.text().isBlank()) {
                if (!fromHeader && current.size() == 1 && s.text().matches("crates:[a-z-]+ starts")) {
                    current.set(0, s);
                } else {
                    current.add(s);
                }
            }
        }
        long sum = 0;
        for (List<Stamped> g : goals) {
            sum += Duration.between(g.get(0).time(), g.get(g.size() - 1).time()).toMillis();
        }
        return sum;
    }

    static String mib(long kib) {
        return kib <= 0 ? "not measured" : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
