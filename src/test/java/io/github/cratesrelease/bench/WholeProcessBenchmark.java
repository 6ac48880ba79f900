package io.github.cratesrelease.bench;

import io.github.cratesrelease.bench.SyntheticWorkspace.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark as users feel it: whole {@code mvn} processes (JVM start included) against whole {@code cargo}
 * processes, on generated workspaces, against an embedded registry with an index lag and a per-response latency.
 * Not a unit test (its name keeps it out of surefire's normal run): run it with {@code bench/run}, which installs the
 * plugin first. System properties: {@code bench.cases} (comma-separated: publish-24, publish-200, scale-100,
 * scale-1000, scale-5000, rehearse-70; default all), {@code bench.runs} (default 3), {@code bench.quick} (1 run,
 * publish-24 and scale-1000), {@code bench.heavyRuns} (runs of publish-200 and scale-5000, default 1), {@code bench.mvn},
 * {@code bench.repoLocal}. Prints the table and writes it to
 * target/bench/results.md; our runs' logs go to target/bench/logs/.
 */
class WholeProcessBenchmark {

    /** In the order they run: the longest (publish-200) last, so a failure or an interruption there loses least. */
    static final List<String> ALL = List.of("publish-24", "scale-100", "scale-1000", "scale-5000", "rehearse-70",
            "publish-200");
    static final List<String> QUICK = List.of("publish-24", "scale-1000");

    @Test
    void run() throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        int runs = Integer.getInteger("bench.runs", quick ? 1 : 3);
        Set<String> cases = cases(quick);
        Path out = Path.of("target", "bench").toAbsolutePath();
        Path logs = out.resolve("logs");
        deleteTree(logs);
        Files.createDirectories(logs);
        Path base = Files.createTempDirectory("crates-bench");
        BenchTools tools = BenchTools.fromSystemProperties();
        BenchReport report = new BenchReport();
        report.header("Taken " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " with `" + tools.mvn()
                + "`, " + runs + " run(s) each, cases " + String.join(", ", cases) + ".");
        try {
            Measures m = new Measures(tools, base, logs, runs);
            m.warmUp();
            Figure help = m.help();
            report.info("`mvn crates:help` (Maven and plugin start-up)", help.toString(), "of which goal header to "
                    + "first line (plugin classes): " + m.helpLoad + "; each case times help again between its runs");
            for (String c : cases) {
                try {
                    runCase(c, m, report, runs);
                } catch (RuntimeException e) {
                    report.info(c + ": FAILED", String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                            "see the log above");
                    e.printStackTrace();
                }
                report.write(out.resolve("results.md"));
            }
        } finally {
            report.write(out.resolve("results.md"));
            System.out.println("\n" + report.markdown());
            System.out.println("[bench] written to " + out.resolve("results.md") + "; logs of our runs in " + logs);
            deleteTree(base);
        }
    }

    private static void runCase(String c, Measures m, BenchReport report, int runs) {
        String[] parts = c.split("-");
        int n = Integer.parseInt(parts[1]);
        switch (parts[0]) {
            case "publish" -> {
                // 200 crates: about 10 min a run for each side on 2 cores (cargo asks the index about every name
                // while packaging, 40 ms an answer), so once unless bench.heavyRuns says otherwise
                int r = n >= 100 ? Math.min(runs, Integer.getInteger("bench.heavyRuns", 1)) : runs;
                new PublishCase(m.withRuns(r), report).run(new Shape(n, n >= 100 ? 8 : 4, 3));
            }
            case "scale" -> {
                // 5,000 crates: cargo metadata alone takes half a minute here, so once unless bench.heavyRuns says
                int r = n >= 5000 ? Math.min(runs, Integer.getInteger("bench.heavyRuns", 1)) : runs;
                new ScaleCase(m.withRuns(r), report).run(new Shape(n, n >= 1000 ? 12 : 6, 3));
            }
            case "rehearse" -> new RehearseCase(m, report).run(new Shape(n, 5, 3));
            default -> throw new IllegalArgumentException("unknown case " + c + "; cases: " + ALL);
        }
    }

    private static Set<String> cases(boolean quick) {
        String prop = System.getProperty("bench.cases", "");
        if (prop.isBlank()) {
            return new LinkedHashSet<>(quick ? QUICK : ALL);
        }
        Set<String> s = new LinkedHashSet<>();
        Arrays.stream(prop.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(x -> {
            if (!ALL.contains(x)) {
                throw new IllegalArgumentException("unknown case " + x + "; cases: " + ALL);
            }
            s.add(x);
        });
        return s;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
