package io.github.cratesrelease.version;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.changelog.Changelogs;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.process.CommandException;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Findings;
import io.github.cratesrelease.run.Invocation;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * crates:bump: decides the new versions, edits manifests, Cargo.lock and changelogs with the smallest text edits,
 * and either prints the unified diff (dry run) or writes the files (and commits them when asked). Nothing is
 * written when anything is wrong.
 */
public final class BumpEngine {

    /** What a bump did (or, on a dry run, would do). */
    public record BumpResult(List<VersionPlanner.Change> changes, Map<Path, String> files,
            List<ManifestUpdater.Edit> edits, String commit) {
    }

    private final Map<String, String> env;
    private final Reporter reporter;

    public BumpEngine(Map<String, String> env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
    }

    /** Runs the bump in a context of its own (tests, tools). */
    public BumpResult bump(BumpRequest request) {
        try (RunContext ctx = RunContext.builder(env, reporter).spec(request.spec()).dryRun(request.dryRun())
                .invocation(Invocation.of("bump", request.spec())).build()) {
            return bump(ctx, request);
        }
    }

    /** Runs the bump in the goal's context. */
    public static BumpResult bump(RunContext ctx, BumpRequest request) {
        Reporter out = ctx.out();
        Analysis a = ctx.analysis();
        ReleaseSpec spec = a.spec();
        Diagnostics diags = new Diagnostics();
        List<VersionPlanner.Change> changes = new VersionPlanner().plan(spec, a.releaseSet(),
                new VersionPlanner.Target(request.level(), request.version(), request.crates()), diags);
        diags.throwIfErrors("cannot bump; nothing was changed");

        RequirementUpdate.Policy policy = RequirementUpdate.Policy.parse(spec.versioning().dependents());
        ManifestUpdater.Result manifests = new ManifestUpdater().update(a.workspace(), changes, policy, diags);
        Map<Path, String> files = new LinkedHashMap<>(manifests.files());
        if (spec.changelog() != null) {
            Map<CargoPackage, Version> versions = new LinkedHashMap<>();
            changes.forEach(c -> versions.put(c.crate(), c.to()));
            files.putAll(new Changelogs(spec.changelog(), a.workspace().root()).promote(versions, request.date(),
                    diags));
        }
        Findings.report(out, diags);
        diags.throwIfErrors("cannot bump: " + diags.errors().size() + " error(s); nothing was changed");

        String how = request.version() != null ? "to " + request.version()
                : request.level().name().toLowerCase(Locale.ROOT);
        out.info("Bump " + how + " (versioning: " + (spec.versioning().shared() ? "shared" : "independent")
                + ", dependents: " + policy.key() + ")" + (request.dryRun() ? " — dry run" : ""));
        int width = changes.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (VersionPlanner.Change c : changes) {
            out.info(String.format("  %-" + width + "s  %s -> %s  (%s)", c.name(), c.from(), c.to(), c.reason()));
        }
        List<ManifestUpdater.Edit> lockEdits = new ArrayList<>();
        for (ManifestUpdater.Edit e : manifests.edits()) {
            if (e.location().file().getFileName().toString().equals("Cargo.lock")) {
                lockEdits.add(e);
            } else {
                out.info("  " + e.location() + ": " + e.what() + " " + e.from() + " -> " + e.to());
            }
        }
        if (!lockEdits.isEmpty()) {
            out.info("  " + Location.of(lockEdits.get(0).location().file()) + ": " + lockEdits.size()
                    + " workspace member entr" + (lockEdits.size() == 1 ? "y" : "ies") + " and their references");
        }
        files.keySet().stream().filter(f -> !manifests.files().containsKey(f))
                .forEach(f -> out.info("  " + new Location(f, 0, 0) + ": unreleased section promoted"));
        List<String> bumped = changes.stream().map(VersionPlanner.Change::name).toList();
        // a crate that is never published (publish = false, or publish: false in the spec) has no published
        // version that could keep old requirements: nothing to say about it
        List<String> notBumped = manifests.dependentsTouched().stream().filter(n -> !bumped.contains(n))
                .filter(n -> isPublished(spec, a.workspace().member(n).orElseThrow())).sorted().toList();
        if (!notBumped.isEmpty()) {
            out.info("Note: requirements of " + String.join(", ", notBumped) + " changed, but "
                    + (notBumped.size() == 1 ? "it is" : "they are") + " not bumped: the published version"
                    + (notBumped.size() == 1 ? " keeps" : "s keep") + " the old requirements until released again");
        }

        if (request.diffFile() != null) {
            // before anything is written: the diff is taken against the files as they are now
            Path to = a.workspace().root().resolve(request.diffFile()).normalize();
            writeDiff(a.workspace().root(), files, to);
            out.info("Diff written to " + Location.of(to) + " (apply it from " + Location.of(a.workspace().root())
                    + " with git apply)");
        }
        if (request.dryRun()) {
            for (Map.Entry<Path, String> f : files.entrySet()) {
                diff(a.workspace().root(), f.getKey(), ManifestUpdater.read(f.getKey()), f.getValue()).forEach(out::info);
            }
            out.info("Dry run: " + files.size() + " file(s) would change; nothing was written");
            return new BumpResult(changes, files, manifests.edits(), null);
        }

        GitRepo git = null;
        if (request.commit()) {
            git = ctx.git(a.workspace().root());
            if (!git.isRepository()) {
                throw new ReleaseException(Diagnostic.error(null,
                        "-Dcrates.commit: the workspace is not in a git repository", "run git init, or bump without "
                                + "-Dcrates.commit"));
            }
            List<String> dirty = git.dirty(new ArrayList<>(files.keySet()));
            if (!dirty.isEmpty()) {
                throw new ReleaseException(Diagnostic.error(null,
                        "-Dcrates.commit: files the bump edits have uncommitted changes: " + String.join(", ", dirty),
                        "commit or stash them first, so the bump commit holds the bump only; or bump without "
                                + "-Dcrates.commit"));
            }
        }
        files.forEach(AtomicFiles::writeString);
        out.info("Bumped " + changes.size() + " crate(s); " + files.size() + " file(s) written");
        String commit = null;
        if (git != null) {
            String message = message(spec.versioning().commitMessage(), changes);
            try {
                commit = git.commit(new ArrayList<>(files.keySet()), message);
            } catch (CommandException e) {
                throw new ReleaseException(Diagnostic.error(null,
                        "the files were bumped, but the commit failed: " + e.getMessage(),
                        "commit them by hand (git commit -a), or fix git's complaint and commit"));
            }
            out.info("Committed " + commit + ": " + message.lines().findFirst().orElse(""));
        }
        return new BumpResult(changes, files, manifests.edits(), commit);
    }

    /** Whether a member is published at all: by this spec, or by other means (not {@code publish = false}). */
    private static boolean isPublished(ReleaseSpec spec, CargoPackage p) {
        ReleaseSpec.CrateSpec c = spec.crates() == null ? null : spec.crates().get(p.name());
        return p.isPublishable() && (c == null || c.publish());
    }

    /** The commit message: {@code {crates}} and {@code {version}} replaced. */
    static String message(String template, List<VersionPlanner.Change> changes) {
        String crates = changes.stream().map(c -> c.name() + " " + c.to()).collect(Collectors.joining(", "));
        List<Version> versions = changes.stream().map(VersionPlanner.Change::to).distinct().toList();
        return template.replace("{crates}", crates)
                .replace("{version}", versions.size() == 1 ? versions.get(0).toString() : crates);
    }

    /**
     * A unified diff (3 lines of context) with paths relative to the workspace root, as git prints them, for the
     * console: a CRLF file's {@code \r} left out.
     */
    public static List<String> diff(Path root, Path file, String before, String after) {
        return UnifiedDiff.of(name(root, file), before, after).stream().map(l -> l.replace("\r", "")).toList();
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** The diff of every file, in a form {@code git apply} takes from the workspace root, written to {@code to}. */
    private static void writeDiff(Path root, Map<Path, String> files, Path to) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Path, String> f : files.entrySet()) {
            for (String line : UnifiedDiff.of(name(root, f.getKey()), ManifestUpdater.read(f.getKey()), f.getValue())) {
                sb.append(line).append('\n');
            }
        }
        AtomicFiles.writeString(to, sb.toString());
    }
}
