package io.github.cratesrelease.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.version.VersionBump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bad input (issue 17 part 2): {@value #DEFAULT_COUNT} seeded mutations of the example workspace's
 * release.yaml, Cargo.toml files, Cargo.lock and CHANGELOG.md, each run through validate, changelog-check and
 * bump (dry run, at a level chosen by the input's seed) in process. Every goal must end in a success or in errors located at a file and a line: never an
 * escaping exception, an error without a line, or a hang. Prints its counts per outcome.
 *
 * <p>{@code -Dbadinput.seed=N} and {@code -Dbadinput.count=N} choose the inputs; input {@code i} of seed {@code s}
 * is made by {@code new Mutator(s + i)}, so a failure names the seed that makes it again. Failing inputs are
 * written below {@code target/bad-input-failures/} in the layout of the regression fixtures
 * ({@code src/test/resources/bad-input/}, replayed by {@link BadInputRegressionsTest}).
 */
class GeneratedBadInputTest {

    static final int DEFAULT_COUNT = 10_000;
    private static final long TIMEOUT_SECONDS = 10;

    /** The files mutated, relative to the workspace, with their kind and weight (out of 100). */
    record Target(String path, Mutator.Kind kind, int weight) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("release.yaml", Mutator.Kind.YAML, 30),
            new Target("Cargo.toml", Mutator.Kind.TOML, 20),
            new Target("crates/core/Cargo.toml", Mutator.Kind.TOML, 5),
            new Target("crates/cli/Cargo.toml", Mutator.Kind.TOML, 5),
            new Target("crates/auth/Cargo.toml", Mutator.Kind.TOML, 5),
            new Target("crates/secrets/Cargo.toml", Mutator.Kind.TOML, 5),
            new Target("Cargo.lock", Mutator.Kind.TOML, 15),
            new Target("CHANGELOG.md", Mutator.Kind.MARKDOWN, 15));

    @TempDir
    Path tmp;

    @Test
    void everyGeneratedBadInputEndsInSuccessOrALocatedError() throws Exception {
        long seed = Long.getLong("badinput.seed", 20_261_202L);
        int count = Integer.getInteger("badinput.count", DEFAULT_COUNT);
        int lanes = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        Tally tally = new Tally();
        long start = System.nanoTime();
        ExecutorService drivers = Executors.newFixedThreadPool(lanes, daemon("bad-input-lane"));
        List<Future<?>> done = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            Path ws = Fixtures.copy(Fixtures.projectRoot().resolve("examples/orchestrator"), tmp.resolve("ws" + lane));
            int first = lane;
            done.add(drivers.submit(() -> {
                lane(ws, seed, first, lanes, count, tally);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        drivers.shutdownNow();
        long millis = (System.nanoTime() - start) / 1_000_000;
        String report = tally.report("Generated bad input: seed " + seed + ", " + tally.inputs + " inputs, "
                + tally.inputs * GoalRuns.GOALS.size() + " goal runs in " + millis + " ms on " + lanes + " thread(s)");
        System.out.print(report);
        assertEquals(count, tally.inputs);
        assertTrue(tally.failures.isEmpty(), () -> tally.failures.size() + " classes of failure:\n"
                + String.join("\n\n", tally.failures.subList(0, Math.min(20, tally.failures.size()))));
    }

    /** Inputs {@code first}, {@code first + step}, ... on the workspace copy {@code ws}, each under a timeout. */
    private static void lane(Path ws, long seed, int first, int step, int count, Tally tally) throws Exception {
        Path spec = ws.resolve("release.yaml");
        Map<String, byte[]> originals = new LinkedHashMap<>();
        for (Target t : TARGETS) {
            originals.put(t.path(), Files.readAllBytes(ws.resolve(t.path())));
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon("bad-input"));
        try {
            for (int i = first; i < count; i += step) {
                long inputSeed = seed + i;
                Target target = pick(new Random(inputSeed));
                Mutator.Mutation m = new Mutator(inputSeed).mutate(originals.get(target.path()), target.kind());
                Path file = ws.resolve(target.path());
                Files.write(file, m.bytes());
                VersionBump.Level level = VersionBump.Level.values()[(int) Math.floorMod(inputSeed,
                        VersionBump.Level.values().length)];
                Future<List<GoalRuns.Outcome>> f = worker.submit(() -> GoalRuns.run(spec, level));
                List<GoalRuns.Outcome> outcomes;
                long t0 = System.nanoTime();
                try {
                    outcomes = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException hang) {
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(daemon("bad-input"));
                    outcomes = List.of(new GoalRuns.Outcome("any", "hang", "no end after " + TIMEOUT_SECONDS + " s"));
                }
                tally.add(inputSeed, target, m, outcomes, (System.nanoTime() - t0) / 1_000_000);
                Files.write(file, originals.get(target.path()));
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** The counts per outcome, the slowest inputs and the first input of each class of failure. */
    private static final class Tally {
        int inputs;
        final Map<String, Integer> counts = new TreeMap<>();
        final Map<String, Integer> perFile = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        final Map<String, Integer> failureClasses = new LinkedHashMap<>();
        final List<long[]> slowest = new ArrayList<>();

        synchronized void add(long seed, Target target, Mutator.Mutation m, List<GoalRuns.Outcome> outcomes,
                long millis) throws IOException {
            inputs++;
            perFile.merge(target.path(), 1, Integer::sum);
            slowest.add(new long[] {millis, seed});
            slowest.sort((a, b) -> Long.compare(b[0], a[0]));
            if (slowest.size() > 5) {
                slowest.remove(5);
            }
            for (GoalRuns.Outcome o : outcomes) {
                counts.merge(o.goal() + ": " + o.kind(), 1, Integer::sum);
                counts.merge("all goals: " + (o.kind().startsWith("located") ? "located error" : o.kind()), 1,
                        Integer::sum);
                if (o.failed() || o.kind().equals("hang")) {
                    String cls = o.goal() + " " + o.kind() + " " + firstLines(o.detail());
                    if (failureClasses.merge(cls, 1, Integer::sum) == 1) {
                        failures.add("seed " + seed + " (" + target.path() + ", " + m.ops() + "): " + o.goal() + " "
                                + o.kind() + ": " + o.detail());
                        keep(seed, target.path(), m.bytes());
                    }
                }
            }
        }

        synchronized String report(String title) {
            StringBuilder r = new StringBuilder(title).append('\n');
            perFile.forEach((k, v) -> r.append("  inputs mutating ").append(k).append(": ").append(v).append('\n'));
            counts.forEach((k, v) -> r.append("  ").append(k).append(": ").append(v).append('\n'));
            int bad = counts.entrySet().stream().filter(e -> e.getKey().startsWith("all goals: ")
                    && !e.getKey().endsWith("success") && !e.getKey().endsWith("located error"))
                    .mapToInt(Map.Entry::getValue).sum();
            r.append("  escaping exceptions, unlocated errors and hangs: ").append(bad).append('\n');
            failureClasses.forEach((k, v) -> r.append("  failure class (").append(v).append("x): ").append(k)
                    .append('\n'));
            slowest.forEach(x -> r.append("  slowest input: seed ").append(x[1]).append(", ").append(x[0])
                    .append(" ms\n"));
            return r.toString();
        }
    }

    private static Target pick(Random r) {
        int x = r.nextInt(100);
        for (Target t : TARGETS) {
            x -= t.weight();
            if (x < 0) {
                return t;
            }
        }
        return TARGETS.get(0);
    }

    /** The input of a failure, in the layout of src/test/resources/bad-input/ (a directory per seed). */
    private static void keep(long seed, String path, byte[] bytes) throws IOException {
        Path to = Fixtures.projectRoot().resolve("target/bad-input-failures/seed-" + seed).resolve(path);
        Files.createDirectories(to.getParent());
        Files.write(to, bytes);
    }

    private static String firstLines(String detail) {
        String[] lines = detail.split("\n");
        StringBuilder sb = new StringBuilder(lines[0].replaceAll("(/[^ :]*)+", "<path>")
                .replaceAll("[0-9]+", "N"));
        for (int i = 1; i < Math.min(lines.length, 3); i++) {
            sb.append(" | ").append(lines[i].strip());
        }
        String s = sb.toString();
        return s.substring(0, Math.min(s.length(), 300));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(null, r, name, 0);
            t.setDaemon(true);
            return t;
        };
    }
}
