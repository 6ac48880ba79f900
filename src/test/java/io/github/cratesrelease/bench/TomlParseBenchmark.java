package io.github.cratesrelease.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parse time of the manifests of a generated workspace, in this JVM: the first pass over all of them (cold: class
 * loading and warm-up included, as in every {@code mvn} run) and the median of later passes (warm), with our reader or
 * with tomlj (a test dependency since our reader replaced it). Not a unit test; run it by hand, one fresh JVM a run:
 * <pre>
 * java -cp "$CP" io.github.cratesrelease.bench.TomlParseBenchmark generate /tmp/ws-1000   # once
 * java -cp "$CP" io.github.cratesrelease.bench.TomlParseBenchmark ours /tmp/ws-1000 20
 * java -cp "$CP" io.github.cratesrelease.bench.TomlParseBenchmark tomlj /tmp/ws-1000 20
 * </pre>
 * ({@code CP}: target/classes, target/test-classes and the test classpath, e.g. from
 * {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt}). Files are read into memory before the clock
 * starts; the parse is sequential, on one thread. The cold pass is also given as the parsing thread's CPU time, which
 * a busy machine disturbs less than the wall-clock time (the JIT compiles on other threads).
 */
public final class TomlParseBenchmark {

    private TomlParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            SyntheticWorkspace.generate(dir, new SyntheticWorkspace.Shape(1000, 12, 3), "bench");
            return;
        }
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("Cargo.toml")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        boolean ours = args[0].equals("ours");
        int rounds = Integer.parseInt(args[2]);
        long[] nanos = new long[rounds + 1];
        long coldCpu = 0;
        int checksum = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r <= rounds; r++) {
            long cpu0 = r == 0 ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            for (String text : texts) {
                checksum += ours ? io.github.cratesrelease.toml.Toml.parse(text).size()
                        : org.tomlj.Toml.parse(text).size();
            }
            nanos[r] = System.nanoTime() - t0;
            coldCpu = r == 0 ? threads.getCurrentThreadCpuTime() - cpu0 : coldCpu;
        }
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        System.out.printf("%s: %d manifests, cold %.1f ms (CPU of the parsing thread %.1f ms), warm median %.1f ms "
                + "(min %.1f, max %.1f) [%d]%n", args[0], texts.size(), nanos[0] / 1e6, coldCpu / 1e6,
                warm[warm.length / 2] / 1e6, warm[0] / 1e6, warm[warm.length - 1] / 1e6, checksum);
    }
}
