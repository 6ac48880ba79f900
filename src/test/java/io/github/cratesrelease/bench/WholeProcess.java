package io.github.cratesrelease.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one whole process as a user would (a fresh JVM for {@code mvn}), timed from just before its start to its exit,
 * its output (stdout and stderr merged) read line by line as it comes, so a caller can react to a line at the time it
 * is printed. With {@code measureMemory}, the command runs under {@code /usr/bin/time -v} (when present) for its
 * peak resident memory.
 */
final class WholeProcess {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final long TIMEOUT_MINUTES = 20;

    /**
     * What a run gave.
     *
     * @param millis   wall time from just before the start to the exit
     * @param start    the wall-clock time of day at the start (the log timestamps' clock)
     * @param lines    the output, each with the time of day it was read
     * @param peakKiB  peak resident memory in KiB, or -1 when not measured
     */
    record Run(int exit, long millis, LocalTime start, List<Line> lines, long peakKiB) {
        String tail() {
            List<Line> t = lines.subList(Math.max(0, lines.size() - 40), lines.size());
            StringBuilder sb = new StringBuilder();
            t.forEach(l -> sb.append(l.text()).append('\n'));
            return sb.toString();
        }
    }

    /** One line of output and the time of day it was read. */
    record Line(LocalTime read, String text) {
    }

    private WholeProcess() {
    }

    static boolean canMeasureMemory() {
        return Files.isExecutable(GNU_TIME);
    }

    /** Runs {@code command} in {@code dir} with exactly {@code env}; {@code onLine} sees each line as it is read. */
    static Run run(Path dir, Map<String, String> env, List<String> command, boolean measureMemory,
            Consumer<String> onLine) {
        List<String> cmd = new ArrayList<>();
        Path rss = null;
        try {
            if (measureMemory && canMeasureMemory()) {
                rss = Files.createTempFile("bench-time", ".txt");
                cmd.addAll(List.of(GNU_TIME.toString(), "-v", "-o", rss.toString()));
            }
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            List<Line> lines = new ArrayList<>();
            LocalTime start = LocalTime.now();
            long t0 = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(new Line(LocalTime.now(), line));
                    if (onLine != null) {
                        onLine.accept(line);
                    }
                }
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + TIMEOUT_MINUTES + " min: " + command);
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new Run(p.exitValue(), millis, start, lines, rss == null ? -1 : peak(rss));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        } finally {
            if (rss != null) {
                try {
                    Files.deleteIfExists(rss);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    /** Runs it and fails, with the tail of its output, when it exits non-zero. */
    static Run ok(Path dir, Map<String, String> env, List<String> command, boolean measureMemory,
            Consumer<String> onLine) {
        Run r = run(dir, env, command, measureMemory, onLine);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exit() + " in " + dir + ":\n"
                    + r.tail());
        }
        return r;
    }

    private static long peak(Path rss) throws IOException {
        Matcher m = MAX_RSS.matcher(Files.readString(rss));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
