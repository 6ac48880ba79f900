package io.github.cratesrelease.publish;

import io.github.cratesrelease.process.CommandException;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where cargo's own output goes during a publish: not the console (it drowns our lines), but one log file per run
 * under the run directory (its path printed once), and the reporter's debug level (Maven's {@code -X}). On a
 * failure, {@link #errorBlock} takes cargo's {@code error:} lines for the failure message itself.
 */
final class CargoLog {

    /** At most this many of cargo's lines go into a failure message. */
    static final int MAX_LINES = 40;

    private static final Pattern ERROR = Pattern.compile("^error(\\[E\\d+])?:.*");
    private static final Pattern PROGRESS = Pattern.compile(
            "^\\s*(Packaging|Verifying|Compiling|Checking|Uploading|Installing|Downloaded)\\s+"
                    + "([A-Za-z0-9_-]+) v\\d\\S*.*");
    private static final Pattern COULD_NOT_COMPILE = Pattern.compile("could not compile `([A-Za-z0-9_-]+)`");
    private static final Pattern PACKAGE_NAMED = Pattern.compile("`([A-Za-z0-9_-]+) v\\d[^`]*`");

    private final RunContext ctx;
    private final Path file;
    private boolean started;

    CargoLog(RunContext ctx, Path file) {
        this.ctx = ctx;
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * Runs a cargo command with its lines in the log (and at debug level), nothing on the console but the log's
     * path the first time.
     *
     * @param label  prefixes each debug line (e.g. the crate), may be empty
     * @param stderrOnly  log only what the command says on stderr (its stdout is data, as cargo metadata's JSON)
     */
    ProcessRunner.Result run(Path dir, Map<String, String> env, List<String> cmd, String label, boolean stderrOnly) {
        start();
        append("== " + String.join(" ", cmd) + "   (in " + dir + ")");
        String prefix = label == null || label.isEmpty() ? "  " : "  [" + label + "] ";
        ProcessRunner.Result r;
        try {
            r = ctx.runner().run(dir, env, cmd, null, stderrOnly ? null : line -> {
                String masked = prefix + ctx.masker().mask(line);
                append(masked);
                ctx.out().debug(masked);
            });
        } catch (CommandException notStarted) {
            append("== " + notStarted.getMessage());
            throw notStarted;
        }
        if (stderrOnly) {
            List<String> err = new ArrayList<>(r.output());
            r.stdout().forEach(err::remove);
            for (String line : err) {
                String masked = prefix + ctx.masker().mask(line);
                append(masked);
                ctx.out().debug(masked);
            }
        }
        append("== exit " + r.exit());
        return r;
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cargo's log " + file, e);
        }
        ctx.out().info("Cargo's output: " + file + " (shown with -X, and on failure)");
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cargo's log " + file, e);
        }
    }

    /**
     * Cargo's error lines: from its first {@code error:} line on (at most {@link #MAX_LINES}), or its last lines
     * when it printed no error line; masked.
     */
    String errorBlock(ProcessRunner.Result r) {
        List<String> out = r.output();
        int first = firstError(out);
        List<String> block = first < 0 ? out.subList(Math.max(0, out.size() - 15), out.size()) : out.subList(first,
                out.size());
        List<String> shown = new ArrayList<>(block.subList(0, Math.min(block.size(), MAX_LINES)));
        if (block.size() > shown.size()) {
            shown.add("... (" + (block.size() - shown.size()) + " more line(s) in " + file + ")");
        }
        return ctx.masker().mask(String.join("\n", shown)).strip();
    }

    /** The crate cargo's error concerns, among {@code names}; null when it cannot be told. */
    static String crateOf(List<String> output, List<String> names) {
        int first = firstError(output);
        if (first < 0) {
            return null;
        }
        for (String line : output.subList(first, output.size())) {
            Matcher m = COULD_NOT_COMPILE.matcher(line);
            if (m.find() && names.contains(m.group(1))) {
                return m.group(1);
            }
        }
        for (String line : output.subList(first, output.size())) {
            Matcher m = PACKAGE_NAMED.matcher(line);
            while (m.find()) {
                if (names.contains(m.group(1))) {
                    return m.group(1);
                }
            }
        }
        for (int i = first - 1; i >= 0; i--) {
            Matcher m = PROGRESS.matcher(output.get(i));
            if (m.matches() && names.contains(m.group(2))) {
                return m.group(2);
            }
        }
        return null;
    }

    private static int firstError(List<String> output) {
        for (int i = 0; i < output.size(); i++) {
            if (ERROR.matcher(output.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }
}
