package io.github.cratesrelease.bench;

import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where the time of one {@code crates:publish} went, from its timestamped log lines (and the registry's request
 * counters read as each line came): start-up to our first line, preparation, packaging, what comes before the
 * uploads (version lookups), uploads, the wait for the index, the integrity check, and the end (table, Maven's
 * exit). A phase whose marker line is missing (the output changed) is left out rather than guessed.
 */
final class PublishTimeline {

    /** Reads the registry's counters as each line of output arrives. */
    static final class Probe implements Consumer<String> {
        private final EmbeddedRegistry registry;
        private final List<int[]> counts = new ArrayList<>();

        Probe(EmbeddedRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void accept(String line) {
            counts.add(registry == null ? new int[2] : new int[] {registry.indexRequests(), registry.notModified()});
        }
    }

    /** One phase: its time, and the index requests (and 304s among them) the registry answered meanwhile. */
    record Phase(String name, long millis, int requests, int notModified) {
    }

    static final String[] PHASES = {"Maven start-up (to the goal's header)",
        "goal start to our first line (plugin classes, spec, workspace)", "preparation (to packaging)",
        "packaging and verifying (cargo package)", "before the uploads (version lookups)", "uploads",
        "waits (index lag)", "integrity check", "table and exit"};

    private static final Pattern STAMP = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[\\w+\\] ?(.*)$");

    private final long total;
    private final Map<String, Phase> phases = new LinkedHashMap<>();

    private PublishTimeline(long total) {
        this.total = total;
    }

    long total() {
        return total;
    }

    Map<String, Phase> phases() {
        return phases;
    }

    /** Our log line: its time stamp, text and index in the output. */
    record Stamped(int index, LocalTime time, String text) {
    }

    static List<Stamped> stamped(WholeProcess.Run run) {
        List<Stamped> out = new ArrayList<>();
        for (int i = 0; i < run.lines().size(); i++) {
            var m = STAMP.matcher(run.lines().get(i).text());
            if (m.matches()) {
                out.add(new Stamped(i, LocalTime.parse(m.group(1)), m.group(2)));
            }
        }
        return out;
    }

    /** The lines our goal printed: after Maven's {@code --- crates:...} header, before its closing rule. */
    static List<Stamped> ours(List<Stamped> all) {
        List<Stamped> out = new ArrayList<>();
        boolean in = false;
        for (Stamped s : all) {
            if (isGoalHeader(s.text())) {
                in = true;
            } else if (s.text().startsWith("-----") || s.text().startsWith("BUILD ")) {
                in = false;
            } else if (in && !s.text().isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The phases of a run whose registry was not ours to count (a rehearsal's own). */
    static PublishTimeline parse(WholeProcess.Run run) {
        Probe none = new Probe(null);
        run.lines().forEach(l -> none.accept(l.text()));
        return parse(run, none);
    }

    /** Maven's line before a goal of ours runs: {@code --- crates:0.1.0-SNAPSHOT:publish (default-cli) @ ... ---}. */
    static boolean isGoalHeader(String text) {
        return text.startsWith("--- crates:") || text.startsWith("--- crates-maven-plugin:");
    }

    static PublishTimeline parse(WholeProcess.Run run, Probe probe) {
        PublishTimeline t = new PublishTimeline(run.millis());
        List<Stamped> ours = ours(stamped(run));
        if (ours.isEmpty()) {
            return t;
        }
        LocalTime end = run.start().plus(Duration.ofMillis(run.millis()));
        Stamped header = firstOf(stamped(run), s -> isGoalHeader(s.text()));
        Stamped first = ours.get(0);
        Stamped packaging = firstOf(ours, s -> s.text().startsWith("Packaging and verifying"));
        Stamped packaged = lastOf(ours, s -> s.text().startsWith("Packaged "));
        Stamped firstUpload = firstOf(ours, s -> s.text().matches("^\\[wave \\d+\\] .*uploaded.*"));
        Stamped beforeUploads = firstUpload == null ? null : ours.get(Math.max(0, ours.indexOf(firstUpload) - 1));
        Stamped lastUpload = lastOf(ours, s -> s.text().matches("^\\[wave \\d+\\] .*uploaded.*"));
        Stamped check = lastOf(ours, s -> s.text().startsWith("[check]"));
        Stamped integrity = firstOf(ours, s -> s.text().startsWith("Integrity"));
        Stamped last = ours.get(ours.size() - 1);
        t.add(PHASES[0], null, run.start(), header, header.time(), probe);
        t.between(PHASES[1], header, first, probe);
        t.between(PHASES[2], first, packaging, probe);
        t.between(PHASES[3], packaging, packaged, probe);
        t.between(PHASES[4], packaged, beforeUploads, probe);
        t.between(PHASES[5], beforeUploads, lastUpload, probe);
        t.between(PHASES[6], lastUpload, check != null ? check : integrity, probe);
        t.between(PHASES[7], check, integrity, probe);  // without a check line, the waits run to the integrity line
        Stamped closing = integrity != null ? integrity : last;
        t.add(PHASES[8], closing, closing.time(), null, end, probe);
        return t;
    }

    private void between(String name, Stamped from, Stamped to, Probe probe) {
        if (from != null && to != null && from.index() <= to.index()) {
            add(name, from, from.time(), to, to.time(), probe);
        }
    }

    private void add(String name, Stamped from, LocalTime start, Stamped to, LocalTime stop, Probe probe) {
        int[] a = from == null ? new int[] {0, 0} : probe.counts.get(from.index());
        int[] b = to == null ? probe.counts.get(probe.counts.size() - 1) : probe.counts.get(to.index());
        phases.put(name, new Phase(name, Math.max(0, Duration.between(start, stop).toMillis()), b[0] - a[0],
                b[1] - a[1]));
    }

    private static Stamped firstOf(List<Stamped> l, Predicate<Stamped> p) {
        return l.stream().filter(p).findFirst().orElse(null);
    }

    private static Stamped lastOf(List<Stamped> l, Predicate<Stamped> p) {
        Stamped found = null;
        for (Stamped s : l) {
            if (p.test(s)) {
                found = s;
            }
        }
        return found;
    }

    /** A markdown table: each phase's median time over the runs and its median index requests (304s). */
    static String summary(String what, List<PublishTimeline> runs) {
        StringBuilder sb = new StringBuilder("\nWhere the time of `crates:publish` went, " + what + " (median of "
                + runs.size() + " run(s); index requests the registry answered meanwhile, 304s among them):\n\n"
                + "| phase | time | index requests (304) |\n|---|---|---|\n");
        for (String p : PHASES) {
            Figure time = new Figure();
            Figure req = new Figure();
            Figure nm = new Figure();
            for (PublishTimeline t : runs) {
                Phase ph = t.phases.get(p);
                if (ph != null) {
                    time.add(ph.millis());
                    req.add(ph.requests());
                    nm.add(ph.notModified());
                }
            }
            if (!time.isEmpty()) {
                sb.append("| ").append(p).append(" | ").append(Figure.seconds(time.median())).append(" | ")
                        .append(req.median()).append(" (").append(nm.median()).append(") |\n");
            }
        }
        Figure total = new Figure();
        runs.forEach(t -> total.add(t.total()));
        sb.append("| whole command | ").append(Figure.seconds(total.median())).append(" | |");
        return sb.toString();
    }
}
