package io.github.cratesrelease.review;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.publish.RateLimits;
import io.github.cratesrelease.review.ReviewReport.Finding;
import io.github.cratesrelease.review.ReviewReport.Severity;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.version.VersionBump;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares the two analyses (base may be missing or unreadable) and builds the report. */
final class ReviewBuilder {

    private final Path headTop;
    private final Path baseTop;
    private final GitRepo git;

    /** @param headTop the repository's top; @param baseTop where the base revision's tree was extracted */
    private final io.github.cratesrelease.run.Invocation invocation;

    /**
     * @param git        the repository (at its top), to name crates changed since the base without a changelog entry
     * @param invocation how the user ran the review, to print the bump commands in the same form
     */
    ReviewBuilder(Path headTop, Path baseTop, GitRepo git, io.github.cratesrelease.run.Invocation invocation) {
        this.headTop = headTop;
        this.baseTop = baseTop;
        this.git = git;
        this.invocation = invocation;
    }

    /**
     * @param base         the base's analysis, or null (no spec at base, or one that cannot be read)
     * @param baseFindings the base's findings when its spec cannot be read (else empty)
     */
    ReviewReport build(String baseRef, String baseCommit, String headCommit, Path specFile, Analysis base,
            Diagnostics baseFindings, Analysis head) {
        List<ReviewReport.VersionChange> versions = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<ReviewReport.NewCrate> fresh = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        boolean baseUnreadable = base == null && !baseFindings.isEmpty();
        for (CargoPackage p : head.releaseSet().released().values()) {
            CargoPackage old = base == null ? null : base.workspace().member(p.name()).orElse(null);
            boolean releasedBefore = base != null && base.releaseSet().isReleased(p.name());
            if (!releasedBefore && !baseUnreadable) {
                String registry = head.releaseSet().registryOf(p.name());
                fresh.add(new ReviewReport.NewCrate(p.name(), p.version(), registry));
                findings.add(new Finding(Severity.NOTE, "new-crate", rel(headTop, p.manifest()), 1, 1, p.name() + " "
                        + p.version() + " is a new crate: its first publish to `" + registry + "`",
                        "a first publish needs an API token (trusted publishing cannot create a crate); crates.io "
                                + "takes 5 new crates at once, then 1 per 10 minutes"));
            }
            if (old == null) {
                continue;
            }
            Location at = p.at("version");
            ReviewReport.VersionChange v = BumpCheck.of(old, p, rel(headTop, at.file()), at.line());
            if (v == null) {
                continue;
            }
            versions.add(v);
            changed.add(p.name());
            if ("backwards".equals(v.bump())) {
                findings.add(new Finding(Severity.ERROR, "version", v.file(), at.line(), at.column(), p.name()
                        + " goes backwards from " + v.from() + " to " + v.to(), "a release never lowers a version: "
                                + "bump from " + v.from() + " (" + invocation.other("bump", "-Dcrates.crates=" + p.name(),
                                        "-Dcrates.version=" + nextPatch(v.from())) + ")"));
            } else if (v.required() != null) {
                findings.add(new Finding(Severity.WARNING, "version", v.file(), at.line(), at.column(), p.name() + " "
                        + v.from() + " → " + v.to() + " is a " + v.bump() + " bump, but " + String.join("; ",
                                v.reasons()), "make it a " + v.required() + " bump ("
                                        + invocation.other("bump", "-Dcrates.crates=" + p.name(), "-Dcrates.bump="
                                                + v.required()) + ")"));
            }
        }
        List<Finding> headProblems = findings(head.diagnostics(), headTop, "validation");
        headProblems.addAll(findings(Analyzer.changelogFindings(head, false), headTop, "changelog"));
        if (git != null) {  // a crate changed since the base with no entry in its unreleased section: a warning here
            Diagnostics since = new Diagnostics();
            Analyzer.changelogFindingsSince(head, git, baseCommit).all().forEach(d -> since.add(Diagnostic.warning(
                    d.location(), d.message().replace(" since " + baseCommit, " since " + baseRef), d.hint())));
            findings.addAll(findings(since, headTop, "changelog"));
        }
        List<Finding> baseProblems = new ArrayList<>(findings(baseFindings, baseTop, "validation"));
        if (base != null) {
            baseProblems.addAll(findings(base.diagnostics(), baseTop, "validation"));
            baseProblems.addAll(findings(Analyzer.changelogFindings(base, false), baseTop, "changelog"));
        }
        Set<String> before = new LinkedHashSet<>();
        baseProblems.forEach(f -> before.add(key(f)));
        List<Finding> inBase = new ArrayList<>();
        for (Finding f : headProblems) {
            (before.contains(key(f)) ? inBase : findings).add(f);
        }
        ReviewReport.Plan plan = plan(head, fresh, changed);
        List<String> estimate = estimate(head, fresh);
        return new ReviewReport(baseRef, baseCommit, headCommit, rel(headTop, specFile),
                baseUnreadable ? List.of(new ReviewReport.SpecChange("changed", "policies", "release spec", "the base's "
                        + "spec cannot be read (" + baseFindings.errors().size() + " error(s)): crates and versions "
                        + "are not compared", 1)) : SpecDiff.of(base == null ? null : base.spec(), head.spec()),
                versions, fresh, findings, inBase, plan, estimate);
    }

    private static String nextPatch(String version) {
        return VersionBump.next(io.github.cratesrelease.semver.Version.parse(version), VersionBump.Level.PATCH)
                .toString();
    }

    private static String key(Finding f) {
        return f.severity() + "|" + f.file() + "|" + f.message();
    }

    private static List<Finding> findings(Diagnostics d, Path top, String category) {
        List<Finding> out = new ArrayList<>();
        for (Diagnostic x : d.sorted()) {
            Location at = x.location();
            Severity s = switch (x.severity()) {
                case ERROR -> Severity.ERROR;
                case WARNING -> Severity.WARNING;
                default -> Severity.NOTE;
            };
            out.add(new Finding(s, category, at == null || at.file() == null ? null : rel(top, at.file()),
                    at == null ? 0 : Math.max(0, at.line()), at == null ? 0 : Math.max(0, at.column()),
                    relativeText(x.message(), top), x.hint() == null ? null : relativeText(x.hint(), top)));
        }
        return out;
    }

    /** Absolute paths in a message made relative (base and head messages compare equal). */
    private static String relativeText(String text, Path top) {
        return text.replace(top.toString() + "/", "");
    }

    private static ReviewReport.Plan plan(Analysis head, List<ReviewReport.NewCrate> fresh, Set<String> changed) {
        if (head.plan() == null) {
            return null;
        }
        List<ReviewReport.Wave> waves = new ArrayList<>();
        List<ReviewReport.Edge> edges = new ArrayList<>();
        for (PublishPlan.Wave w : head.plan().waves()) {
            List<ReviewReport.Node> nodes = new ArrayList<>();
            for (PublishPlan.PlannedCrate c : w.crates()) {
                nodes.add(new ReviewReport.Node(c.name(), c.version(), c.registry(), fresh.stream()
                        .anyMatch(n -> n.crate().equals(c.name())), changed.contains(c.name())));
                c.dependsOn().forEach(dep -> edges.add(new ReviewReport.Edge(dep, c.name())));
            }
            waves.add(new ReviewReport.Wave(w.number(), nodes));
        }
        return new ReviewReport.Plan(waves, edges);
    }

    private static List<String> estimate(Analysis head, List<ReviewReport.NewCrate> fresh) {
        if (head.plan() == null) {
            return List.of();
        }
        List<RateLimits.Item> items = head.plan().crates().stream().map(c -> new RateLimits.Item(c.name(),
                c.version(), c.registry(), fresh.stream().anyMatch(n -> n.crate().equals(c.name())))).toList();
        return RateLimits.of(head.spec()).describe(items, "Rate limits", false);
    }

    static String rel(Path top, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(top) ? top.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
