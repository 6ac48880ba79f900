package io.github.cratesrelease.badinput;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.release.SpecGoals;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Contexts;
import io.github.cratesrelease.version.BumpEngine;
import io.github.cratesrelease.version.BumpRequest;
import io.github.cratesrelease.version.VersionBump;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * validate, changelog-check and bump (dry run) on a workspace, in process, through the entries their mojos call
 * (SpecGoals.validate, SpecGoals.changelogCheck, BumpEngine.bump), each with its outcome: a success, an error
 * located at a file and a line, or a failure of the plugin (an error without a line, or any other exception).
 */
final class GoalRuns {

    static final List<String> GOALS = List.of("validate", "changelog-check", "bump");

    /** What one goal did: {@code kind} is "success", "located <file kind>" or a failure ("unlocated", "escaped"). */
    record Outcome(String goal, String kind, String detail) {
        boolean failed() {
            return kind.equals("unlocated") || kind.equals("escaped");
        }
    }

    private GoalRuns() {
    }

    /**
     * The three goals on the spec {@code spec}, in one run context (a dry run, as bump is run): the analysis of the
     * files is read once and shared, as the three mojos would each read the same files. Each goal's entry begins
     * with {@code ctx.analysis()}; when that throws, it throws the same for each goal, and is counted for each
     * without being read three times.
     */
    static List<Outcome> run(Path spec) {
        return run(spec, VersionBump.Level.PATCH);
    }

    /** As {@link #run(Path)}, bumping by {@code level}. */
    static List<Outcome> run(Path spec, VersionBump.Level level) {
        try (RunContext ctx = Contexts.of(Map.of(), Reporter.SILENT, spec, true)) {
            Outcome analysis = run("analysis", spec, ctx, level);
            if (!analysis.kind().equals("success")) {
                return GOALS.stream().map(g -> new Outcome(g, analysis.kind(), analysis.detail())).toList();
            }
            return GOALS.stream().map(g -> run(g, spec, ctx, level)).toList();
        }
    }

    /** One goal in a run context of its own, as its mojo runs it. */
    static Outcome run(String goal, Path spec) {
        try (RunContext ctx = Contexts.of(Map.of(), Reporter.SILENT, spec, true)) {
            return run(goal, spec, ctx, VersionBump.Level.PATCH);
        }
    }

    private static Outcome run(String goal, Path spec, RunContext ctx, VersionBump.Level level) {
        try {
            switch (goal) {
                case "validate" -> SpecGoals.validate(ctx, false);
                case "changelog-check" -> SpecGoals.changelogCheck(ctx, false, null);
                case "analysis" -> ctx.analysis();
                default -> BumpEngine.bump(ctx, new BumpRequest(spec, level, null, List.of(), true,
                        false, LocalDate.of(2026, 12, 1), null));
            }
            return new Outcome(goal, "success", "");
        } catch (ReleaseException e) {
            List<Diagnostic> errors = e.diagnostics() == null ? List.of() : e.diagnostics().errors();
            for (Diagnostic d : errors) {
                Location at = d.location();
                if (at == null || at.file() == null || at.line() < 1 || at.column() < 0) {
                    return new Outcome(goal, "unlocated", d.format());
                }
            }
            if (errors.isEmpty()) {
                return new Outcome(goal, "unlocated", "no error in: " + e.getMessage());
            }
            return new Outcome(goal, "located " + fileKind(spec.getParent(), errors.get(0).location().file()), "");
        } catch (Throwable t) { // a failure of the plugin, whatever it is: counted, shown, never rethrown
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            String trace = w.toString();
            return new Outcome(goal, "escaped", trace.substring(0, Math.min(trace.length(), 3000)));
        }
    }

    /** The kind of file an error is in: release.yaml, root Cargo.toml, member Cargo.toml, Cargo.lock, CHANGELOG.md. */
    static String fileKind(Path root, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.equals("Cargo.toml")) {
            return file.toAbsolutePath().normalize().getParent().equals(root.toAbsolutePath().normalize())
                    ? "root Cargo.toml" : "member Cargo.toml";
        }
        return switch (name) {
            case "release.yaml", "Cargo.lock", "CHANGELOG.md" -> name;
            default -> "other file";
        };
    }
}
