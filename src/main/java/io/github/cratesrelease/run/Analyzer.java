package io.github.cratesrelease.run;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.WorkspaceLoader;
import io.github.cratesrelease.changelog.Changelogs;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.plan.Planner;
import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.plan.ReleaseSet;
import io.github.cratesrelease.reconcile.Reconciler;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Reads a spec together with its workspace: schema, workspace model, cargo configuration, reconciliation and the
 * derived plan. Every goal starts from one {@link Analysis}; a review makes two (base and head).
 */
public final class Analyzer {

    private final Map<String, String> env;
    private BiConsumer<ReleaseSpec, CargoWorkspace> workspaceRead = (spec, ws) -> { };

    public Analyzer(Map<String, String> env) {
        this.env = env;
    }

    /** Hands the spec and the workspace model to {@code then} as soon as both are read, before reconciliation and plan. */
    public Analyzer whenWorkspaceRead(BiConsumer<ReleaseSpec, CargoWorkspace> then) {
        this.workspaceRead = then;
        return this;
    }

    /**
     * The spec keys the release set and its registries come from: while one is broken, the manifests' own errors
     * are still reported, but no finding that depends on what is released where.
     */
    private static final Set<String> RELEASE_SET_KEYS = Set.of("crates", "defaults", "registries", "redist");

    /**
     * Reads spec and workspace, reconciles them and derives the plan. Throws only when the spec cannot be read; then
     * the exception carries, besides the spec's errors, the workspace's findings that do not depend on them.
     *
     * <p>The workspace is read while the spec is: a spec names its workspace relative to itself, mostly as the
     * directory it lies in (the default), so the manifests there are read on other threads from the start and used
     * when the spec names that directory; any other directory is read afterwards.
     */
    public Analysis analyze(Path specFile) {
        Ahead ahead = Ahead.start(specFile);
        SpecLoader.Reading reading = new SpecLoader().read(specFile);
        if (reading.spec() == null) {
            throw withWorkspaceFindings(reading, ahead);
        }
        return analyze(reading.spec(), ahead);
    }

    private Analysis analyze(ReleaseSpec spec, Ahead ahead) {
        CargoWorkspace ws = redistOnly(spec) ? new CargoWorkspace(spec.workspaceRoot(),
                spec.workspaceRoot().resolve("Cargo.toml"), List.of(), List.of())
                : ahead.workspace(spec.workspaceRoot(), spec.workspaceLocation());
        workspaceRead.accept(spec, ws);
        CargoConfig config = CargoConfig.load(ws.root(), env);
        ReleaseSet set = new ReleaseSet(spec, ws);
        // the plan is derived on another core while the reconciler checks; its findings follow the reconciler's
        Diagnostics planFindings = new Diagnostics();
        CompletableFuture<PublishPlan> planning = Tasks.background("crates-plan",
                () -> new Planner().plan(spec, set, planFindings));
        Diagnostics diags = new Reconciler().reconcile(spec, ws, config, set);
        PublishPlan plan = Tasks.join(planning);
        diags.addAll(planFindings);
        if (set.released().isEmpty() && spec.redist().isEmpty()) {
            diags.warning(spec.cratesLocation() != null ? spec.cratesLocation() : Location.of(spec.file()),
                    "the spec releases no crate", "list the crates to release under crates:");
        }
        return new Analysis(spec, ws, config, set, diags, diags.hasErrors() ? null : plan);
    }

    /**
     * The workspace of the spec's own directory, read on another thread from the start. It is used only for that
     * directory and only when it read without error: an error is found again by reading in the caller's thread, so
     * it is thrown as it would be without the read ahead (with the place where the spec names the directory).
     */
    private record Ahead(Path dir, CompletableFuture<CargoWorkspace> read) {

        static Ahead start(Path specFile) {
            Path dir = specFile.toAbsolutePath().normalize().getParent();
            if (dir == null || !Files.isRegularFile(dir.resolve("Cargo.toml"))) {
                return new Ahead(null, null);
            }
            return new Ahead(dir, Tasks.background("crates-workspace", () -> new WorkspaceLoader().load(dir)));
        }

        CargoWorkspace workspace(Path root, Location namedAt) {
            if (read != null && dir.equals(root.toAbsolutePath().normalize())) {
                try {
                    return read.join();
                } catch (RuntimeException failed) {
                    // read again below: the same error, thrown here and located where the spec names the directory
                }
            }
            return new WorkspaceLoader().load(root, namedAt);
        }
    }

    /**
     * A schema error does not hide the workspace: when the spec's {@code workspace:} is readable, the manifests are
     * read too, and the workspace's findings are added to the spec's (all of them while the broken keys are not
     * those the release set comes from; else the errors of the manifests themselves).
     */
    private ReleaseException withWorkspaceFindings(SpecLoader.Reading reading, Ahead ahead) {
        ReleaseSpec partial = reading.partial();
        if (partial == null || reading.brokenSections().contains("workspace")
                || !Files.isRegularFile(partial.workspaceRoot().resolve("Cargo.toml"))) {
            return reading.failure();
        }
        Diagnostics all = reading.diagnostics();
        int specErrors = all.errors().size();
        String summary = reading.failure().getMessage();
        try {
            if (Collections.disjoint(reading.brokenSections(), RELEASE_SET_KEYS)) {
                all.addAll(analyze(partial, ahead).diagnostics());
            } else {
                ahead.workspace(partial.workspaceRoot(), null);
            }
        } catch (ReleaseException manifests) {
            all.addAll(manifests.diagnostics());
        }
        int more = all.errors().size() - specErrors;
        return new ReleaseException(more == 0 ? summary : summary + "; the workspace has " + more + " more error"
                + (more == 1 ? "" : "s"), all);
    }

    /** A spec whose only job is redist, next to no Cargo workspace of its own. */
    private static boolean redistOnly(ReleaseSpec spec) {
        return !spec.redist().isEmpty() && (spec.crates() == null || spec.crates().isEmpty())
                && !Files.isRegularFile(spec.workspaceRoot().resolve("Cargo.toml"));
    }

    /**
     * The changelog findings for the crates the spec releases at their current versions (or, with
     * {@code beforeBump}, for the unreleased sections a bump will promote). Empty when the spec keeps no changelog.
     */
    public static Diagnostics changelogFindings(Analysis a, boolean beforeBump) {
        if (a.spec().changelog() == null) {
            return new Diagnostics();
        }
        Map<CargoPackage, Version> versions = new LinkedHashMap<>();
        for (CargoPackage p : a.releaseSet().released().values()) {
            try {
                versions.put(p, Version.parse(p.version()));
            } catch (IllegalArgumentException invalid) {
                // the reconciler reports it, located
            }
        }
        return new Changelogs(a.spec().changelog(), a.workspace().root()).check(versions, beforeBump);
    }

    /**
     * For a pull request: each released crate whose files changed since {@code ref} (from where HEAD left it: the
     * merge base, and uncommitted or untracked files) while its unreleased changelog section has no entry.
     */
    public static Diagnostics changelogFindingsSince(Analysis a, GitRepo git, String ref) {
        if (a.spec().changelog() == null || ref == null || ref.isBlank()) {
            return new Diagnostics();
        }
        String commit = git.commit(ref.strip());
        if (commit == null) {
            throw new ReleaseException(Diagnostic.error(Location.of(a.spec().file()), "-Dcrates.since=" + ref
                    + " names no commit of this repository", "fetch it first (git fetch origin " + ref.strip()
                            .replaceFirst("^origin/", "") + "), or name a commit, branch or tag"));
        }
        String base = git.mergeBase(commit, "HEAD");
        Path top = git.topLevel().toAbsolutePath().normalize();
        List<Path> changed = new java.util.ArrayList<>();
        for (String line : git.git("git diff " + ref, "diff", "--name-only", base == null ? commit : base).stdout()) {
            changed.add(top.resolve(line.strip()).normalize());
        }
        for (String line : git.git("git ls-files", "ls-files", "--others", "--exclude-standard", "--full-name")
                .stdout()) {
            changed.add(top.resolve(line.strip()).normalize());
        }
        Map<CargoPackage, Version> versions = new LinkedHashMap<>();
        for (CargoPackage p : a.releaseSet().released().values()) {
            try {
                versions.put(p, Version.parse(p.version()));
            } catch (IllegalArgumentException invalid) {
                // the reconciler reports it, located
            }
        }
        return new Changelogs(a.spec().changelog(), a.workspace().root()).missingEntries(versions,
                a.workspace().members(), changed, ref.strip());
    }
}
