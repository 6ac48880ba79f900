package io.github.cratesrelease.release;

import io.github.cratesrelease.changelog.Changelogs;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.plan.PlanWriter;
import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.publish.RateLimits;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.run.Findings;
import io.github.cratesrelease.run.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The goals that read and check a spec without changing anything but reports: validate, changelog-check, plan.
 * User mistakes come back as {@link ReleaseException} with located findings.
 */
public final class SpecGoals {

    private SpecGoals() {
    }

    /** crates:validate — schema and reconciliation (and changelogs, as warnings); throws on errors. */
    public static Analysis validate(RunContext ctx, boolean failOnWarnings) {
        Analysis a = ctx.analysis();
        for (Diagnostic d : Analyzer.changelogFindings(a, false).all()) {
            a.diagnostics().add(Diagnostic.warning(d.location(), "changelog: " + d.message(), d.hint()));
        }
        Findings.report(ctx.out(), a.diagnostics());
        if (a.diagnostics().hasErrors() || failOnWarnings && !a.diagnostics().warnings().isEmpty()) {
            int e = a.diagnostics().errors().size();
            int w = a.diagnostics().warnings().size();
            throw new ReleaseException("release spec " + a.spec().file().getFileName() + " has " + e + " error"
                    + (e == 1 ? "" : "s") + (failOnWarnings ? " and " + w + " warning" + (w == 1 ? "" : "s")
                            + " (failOnWarnings)" : ""), a.diagnostics());
        }
        ctx.out().info("Release spec " + a.spec().file().getFileName() + " is valid: "
                + a.releaseSet().released().size() + " crate(s) to release from " + a.workspace().members().size()
                + " workspace member(s)" + (a.diagnostics().warnings().isEmpty() ? ""
                        : ", " + a.diagnostics().warnings().size() + " warning(s)"));
        return a;
    }

    /** crates:changelog-check — fails with every located finding. */
    public static Analysis changelogCheck(RunContext ctx, boolean beforeBump) {
        return changelogCheck(ctx, beforeBump, null);
    }

    /**
     * crates:changelog-check; with {@code since} (a git ref), also each released crate changed since it whose
     * unreleased section has no entry.
     */
    public static Analysis changelogCheck(RunContext ctx, boolean beforeBump, String since) {
        Analysis a = ctx.analysis();
        if (a.spec().changelog() == null) {
            ctx.out().info("The spec keeps no changelog (no changelog: section in " + a.spec().file().getFileName()
                    + "); nothing to check");
            return a;
        }
        Diagnostics d = Analyzer.changelogFindings(a, beforeBump);
        if (since != null && !since.isBlank()) {
            GitRepo git = ctx.git(a.workspace().root());
            d.addAll(Analyzer.changelogFindingsSince(a, git.isRepository() ? ctx.git(git.topLevel()) : git, since));
        }
        Findings.report(ctx.out(), d);
        if (d.hasErrors()) {
            throw new ReleaseException("changelog check failed: " + d.errors().size() + " error(s)", d);
        }
        int n = a.releaseSet().released().size();
        Changelogs logs = new Changelogs(a.spec().changelog(), a.workspace().root());
        ctx.out().info("Changelog" + (a.spec().changelog().perCrate() ? "s" : "") + " ready "
                + (beforeBump ? "for a bump" : "for the release of " + n + " crate(s)")
                + (since == null || since.isBlank() ? "" : ", with an entry for each crate changed since " + since)
                + ": "
                + a.releaseSet().released().values().stream().map(logs::fileOf).distinct()
                        .map(f -> Location.of(f).toString()).collect(Collectors.joining(", ")));
        return a;
    }

    /** What crates:plan produced: the analysis and plan.json (null on a dry run). */
    public record PlanResult(Analysis analysis, Path planFile) {
    }

    /** crates:plan — prints the plan and writes plan.json (not on a dry run). */
    public static PlanResult plan(RunContext ctx) {
        Analysis a = ctx.analysis();
        Findings.report(ctx.out(), a.diagnostics());
        if (a.diagnostics().hasErrors()) {
            throw new ReleaseException("cannot plan: the release spec has " + a.diagnostics().errors().size()
                    + " error(s)", a.diagnostics());
        }
        // plan.json is written on a thread of its own while the table is printed (a thousand lines through Maven's
        // logger); it is complete, or its failure rethrown, before the goal says where it is
        CompletableFuture<Path> written = ctx.dryRun() ? null : Tasks.background("crates-plan-json",
                () -> PlanWriter.write(a.plan(), a.workspace().root(), a.spec().file(), ctx.outputDirectory()));
        // and the rate-limit estimate worked out on another
        CompletableFuture<List<String>> limits = Tasks.background("crates-rate-limits", () -> rateLimitEstimate(a));
        PlanWriter.table(a.plan()).forEach(ctx.out()::info);
        Tasks.join(limits).forEach(ctx.out()::info);
        Path file = null;
        if (written == null) {
            ctx.out().info("Dry run: plan.json not written");
        } else {
            file = Tasks.join(written);
            ctx.out().info("Plan written to " + Location.of(file));
        }
        return new PlanResult(a, file);
    }

    /**
     * What the registries' rate limits mean for this plan. The plan is made offline, so it shows both cases: every
     * crate already exists on its registry (new versions), or none does (new crates); crates:publish looks each
     * crate up and says which case applies.
     */
    private static List<String> rateLimitEstimate(Analysis a) {
        RateLimits limits = RateLimits.of(a.spec());
        List<PublishPlan.PlannedCrate> crates = a.plan().crates();
        List<String> lines = new ArrayList<>();
        for (boolean fresh : new boolean[] {false, true}) {
            List<RateLimits.Item> items = new ArrayList<>(crates.size());
            for (PublishPlan.PlannedCrate c : crates) {
                items.add(new RateLimits.Item(c.name(), c.version(), c.registry(), fresh));
            }
            String when = fresh ? "if no crate exists yet on its registry" : "if every crate already exists";
            lines.addAll(limits.describe(items, "Rate limits, " + when, false));
        }
        return lines;
    }
}
