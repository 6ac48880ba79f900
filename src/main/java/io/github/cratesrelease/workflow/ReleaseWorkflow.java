package io.github.cratesrelease.workflow;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.WorkspaceLoader;
import io.github.cratesrelease.changelog.Changelogs;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.init.SpecInitializer;
import io.github.cratesrelease.plan.PlanWriter;
import io.github.cratesrelease.plan.Planner;
import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.plan.ReleaseSet;
import io.github.cratesrelease.publish.RateLimits;
import io.github.cratesrelease.reconcile.Reconciler;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's entry points for the validate, plan and init goals (a mojo builds a {@link SpecRequest}, calls one
 * method, and reports the result). User mistakes come back as {@link ReleaseException} with located findings.
 */
public final class ReleaseWorkflow {

    private final Map<String, String> env;
    private final Reporter reporter;

    public ReleaseWorkflow(Map<String, String> env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
    }

    /** Reads spec and workspace, reconciles them and derives the plan. Throws only when the spec cannot be read. */
    public Analysis analyze(Path specFile) {
        ReleaseSpec spec = new SpecLoader().load(specFile);
        CargoWorkspace ws = new WorkspaceLoader().load(spec.workspaceRoot());
        CargoConfig config = CargoConfig.load(ws.root(), env);
        ReleaseSet set = new ReleaseSet(spec, ws);
        Diagnostics diags = new Reconciler().reconcile(spec, ws, config, set);
        PublishPlan plan = new Planner().plan(spec, set, diags);
        if (set.released().isEmpty()) {
            diags.warning(spec.cratesLocation() != null ? spec.cratesLocation() : Location.of(spec.file()),
                    "the spec releases no crate", "list the crates to release under crates:");
        }
        return new Analysis(spec, ws, config, set, diags, diags.hasErrors() ? null : plan);
    }

    /** crates:validate — schema and reconciliation; throws when anything is an error. */
    public Analysis validate(SpecRequest request) {
        Analysis a = analyze(request.spec());
        for (Diagnostic d : changelogFindings(a, false).all()) {
            a.diagnostics().add(Diagnostic.warning(d.location(), "changelog: " + d.message(), d.hint()));
        }
        report(a.diagnostics());
        if (a.diagnostics().hasErrors() || request.failOnWarnings() && !a.diagnostics().warnings().isEmpty()) {
            int e = a.diagnostics().errors().size();
            int w = a.diagnostics().warnings().size();
            throw new ReleaseException("release spec " + a.spec().file().getFileName() + " has " + e + " error"
                    + (e == 1 ? "" : "s") + (request.failOnWarnings() ? " and " + w + " warning" + (w == 1 ? "" : "s")
                            + " (failOnWarnings)" : ""), a.diagnostics());
        }
        reporter.info("Release spec " + a.spec().file().getFileName() + " is valid: " + a.releaseSet().released().size()
                + " crate(s) to release from " + a.workspace().members().size() + " workspace member(s)"
                + (a.diagnostics().warnings().isEmpty() ? "" : ", " + a.diagnostics().warnings().size() + " warning(s)"));
        return a;
    }

    /**
     * The changelog findings for the crates the spec releases at their current versions (or, with
     * {@code beforeBump}, for the unreleased sections a bump will promote). Empty when the spec keeps no changelog.
     */
    public Diagnostics changelogFindings(Analysis a, boolean beforeBump) {
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

    /** crates:changelog-check — fails with every located finding. */
    public Analysis changelogCheck(SpecRequest request, boolean beforeBump) {
        Analysis a = analyze(request.spec());
        if (a.spec().changelog() == null) {
            reporter.info("The spec keeps no changelog (no changelog: section in " + a.spec().file().getFileName()
                    + "); nothing to check");
            return a;
        }
        Diagnostics d = changelogFindings(a, beforeBump);
        report(d);
        if (d.hasErrors()) {
            throw new ReleaseException("changelog check failed: " + d.errors().size() + " error(s)", d);
        }
        int n = a.releaseSet().released().size();
        Changelogs logs = new Changelogs(a.spec().changelog(), a.workspace().root());
        reporter.info("Changelog" + (a.spec().changelog().perCrate() ? "s" : "") + " ready "
                + (beforeBump ? "for a bump" : "for the release of " + n + " crate(s)") + ": "
                + a.releaseSet().released().values().stream().map(logs::fileOf).distinct().map(f -> new Location(f, 0, 0).toString())
                        .collect(java.util.stream.Collectors.joining(", ")));
        return a;
    }

    /** crates:plan — prints the plan and writes plan.json (not on a dry run). */
    public PlanResult plan(SpecRequest request) {
        Analysis a = analyze(request.spec());
        report(a.diagnostics());
        if (a.diagnostics().hasErrors()) {
            throw new ReleaseException("cannot plan: the release spec has " + a.diagnostics().errors().size()
                    + " error(s)", a.diagnostics());
        }
        PlanWriter.table(a.plan()).forEach(reporter::info);
        rateLimitEstimate(a);
        Path file = null;
        if (request.dryRun()) {
            reporter.info("Dry run: plan.json not written");
        } else {
            file = PlanWriter.write(a.plan(), a.workspace().root(), a.spec().file(), request.resolvedOutputDirectory());
            reporter.info("Plan written to " + new Location(file, 0, 0));
        }
        return new PlanResult(a, file);
    }

    /**
     * What the registries' rate limits mean for this plan. The plan is made offline, so it shows both cases: every
     * crate already exists on its registry (new versions), or none does (new crates); crates:publish looks each
     * crate up and says which case applies.
     */
    private void rateLimitEstimate(Analysis a) {
        RateLimits limits = RateLimits.of(a.spec());
        for (boolean fresh : new boolean[] {false, true}) {
            List<RateLimits.Item> items = a.plan().crates().stream()
                    .map(c -> new RateLimits.Item(c.name(), c.version(), c.registry(), fresh)).toList();
            RateLimits.Estimate e = limits.estimate(items);
            String when = fresh ? "if no crate exists yet on its registry" : "if every crate already exists";
            if (e.delays().isEmpty()) {
                reporter.info("Rate limits, " + when + ": no crate waits");
            } else {
                reporter.info("Rate limits, " + when + ": at least " + RateLimits.human(e.total()) + "; waiting: "
                        + e.delays().stream().map(d -> d.item().crate() + " (+" + RateLimits.human(d.at()) + ")")
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
    }

    public record PlanResult(Analysis analysis, Path planFile) {
    }

    /** crates:init — writes a starter spec for the workspace in the spec's directory. */
    public Path init(SpecRequest request, Path workspaceRoot) {
        Path target = request.spec().toAbsolutePath().normalize();
        Path root = (workspaceRoot == null ? target.getParent() : workspaceRoot).toAbsolutePath().normalize();
        if (Files.exists(target) && !request.force() && !request.dryRun()) {
            throw new ReleaseException(Diagnostic.error(Location.of(target), "the spec already exists",
                    "run with -Dcrates.force=true to overwrite it, or -Dcrates.spec=<other file>"));
        }
        CargoWorkspace ws = new WorkspaceLoader().load(root);
        CargoConfig config = CargoConfig.load(root, env);
        String text = new SpecInitializer().render(ws, config, target.getParent());
        if (request.dryRun()) {
            reporter.info("Dry run: " + target + " would contain:");
            text.lines().forEach(reporter::info);
            return null;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        reporter.info("Wrote " + new Location(target, 0, 0) + " with " + ws.members().size()
                + " crate(s); check it with 'mvn crates:validate'");
        return target;
    }

    /** Prints warnings and notes; errors travel in the {@link ReleaseException} so they are printed once. */
    public void report(Diagnostics diags) {
        for (Diagnostic d : diags.sorted()) {
            switch (d.severity()) {
                case ERROR -> {
                }
                case WARNING -> reporter.warn(d.format());
                default -> reporter.info(d.format());
            }
        }
    }
}
