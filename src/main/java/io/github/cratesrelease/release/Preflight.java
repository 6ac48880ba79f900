package io.github.cratesrelease.release;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.plan.PublishPlan.PlannedCrate;
import io.github.cratesrelease.publish.PublishRun;
import io.github.cratesrelease.publish.PublishSteps;
import io.github.cratesrelease.publish.Target;
import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.run.Findings;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.spec.ActionSpec;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of crates:release before anything is packaged or uploaded, every problem reported at once: target
 * registries (tokens, reachable), a clean tree, an allowed branch, not behind the upstream, tags not taken by
 * another commit, a spec-only registry. On a dry run or a rehearsal the problems are warnings: what a real release
 * would refuse.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(RunContext ctx, ReleaseRun run) {
        PublishRun p = run.publish;
        ReleaseSpec spec = p.analysis().spec();
        Diagnostics d = new Diagnostics();
        Location specAt = Location.of(spec.file());
        boolean targetsKnown = collect(d, specAt, () -> PublishSteps.TARGETS.execute(ctx, p));
        if (targetsKnown) {
            p.tokenFindings(d);
        }
        collect(d, specAt, () -> PublishSteps.CLEAN_TREE.execute(ctx, p));
        GitRepo git = ctx.git(p.analysis().workspace().root());
        if (git.isRepository()) {
            run.commit = git.head();
            branch(git, spec, run, d);
            upstream(git, spec, d);
            tags(git, run, targetsKnown, d);
        } else if (spec.tags().enabled()) {
            ctx.out().warn("The workspace is not in a git repository: no tags will be created");
        }
        if (targetsKnown && !p.rehearsing()) {
            for (Target t : p.targets().values()) {
                reachable(ctx, p, t, spec, d);
            }
        }
        specOnlyRegistries(ctx, p, spec, d);
        actions(spec, d);
        boolean lenient = ctx.dryRun() || p.rehearsing();
        Diagnostics shown = asShown(d, lenient);
        Findings.report(ctx.out(), shown);
        if (shown.hasErrors()) {
            throw new ReleaseException("cannot release: " + shown.errors().size() + " problem(s) found before "
                    + "anything was uploaded", shown);
        }
        ctx.out().info("Pre-flight checks passed: " + p.targets().size() + " registr" + (p.targets().size() == 1
                ? "y" : "ies") + (run.commit == null ? "" : ", commit " + run.commit.substring(0, 12))
                + (lenient && !d.isEmpty() ? " (" + d.all().size() + " finding(s) a real release would stop at)" : ""));
    }

    /** The findings as a dry run or rehearsal shows them: errors become warnings of what a real release refuses. */
    static Diagnostics asShown(Diagnostics d, boolean lenient) {
        Diagnostics shown = new Diagnostics();
        for (Diagnostic x : d.all()) {
            shown.add(lenient && x.isError() ? Diagnostic.warning(x.location(), "a real release would refuse: "
                    + x.message(), x.hint()) : x);
        }
        return shown;
    }

    /** Runs a check that throws its findings; returns whether it passed. */
    private static boolean collect(Diagnostics d, Location at, Runnable check) {
        try {
            check.run();
            return true;
        } catch (ReleaseException e) {
            if (e.diagnostics().isEmpty()) {
                d.error(at, e.getMessage(), null);
            }
            d.addAll(e.diagnostics());
            return false;
        }
    }

    private static void branch(GitRepo git, ReleaseSpec spec, ReleaseRun run, Diagnostics d) {
        List<String> globs = spec.release().branches();
        if (globs.isEmpty()) {
            return;
        }
        String branch = git.branch();
        List<String> candidates = branch != null ? List.of(branch) : git.branchesContaining(run.commit).stream()
                .map(b -> b.contains("/") && !matchesAny(globs, b) ? b.substring(b.indexOf('/') + 1) : b).toList();
        if (candidates.stream().anyMatch(b -> matchesAny(globs, b))) {
            return;
        }
        String where = branch != null ? "on branch `" + branch + "`" : "on a detached HEAD that no allowed branch "
                + "contains" + (candidates.isEmpty() ? "" : " (it is on " + String.join(", ", candidates) + ")");
        d.error(spec.release().location(), "the release runs " + where + "; release.branches allows "
                + String.join(", ", globs), "check out an allowed branch, or add this one to release.branches");
    }

    static boolean matchesAny(List<String> globs, String branch) {
        return globs.stream().anyMatch(g -> glob(g).matcher(branch).matches());
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static void upstream(GitRepo git, ReleaseSpec spec, Diagnostics d) {
        String up = git.upstream();
        if (up == null) {
            return;
        }
        int behind = git.behind(up);
        if (behind > 0) {
            d.error(Location.of(spec.file()), "the branch is " + behind + " commit(s) behind its upstream " + up
                    + " (as last fetched)", "pull (git pull --ff-only) and run again, so the release is made from the "
                    + "latest commit");
        }
    }

    /** A tag of the release at another commit is an error, unless that version is already on its registry. */
    private static void tags(GitRepo git, ReleaseRun run, boolean targetsKnown, Diagnostics d) {
        PublishRun p = run.publish;
        ReleaseSpec spec = p.analysis().spec();
        if (!spec.tags().enabled() || run.commit == null) {
            return;
        }
        List<PlannedCrate> crates = p.plan().crates().stream().filter(c -> p.options().selected(c.name())).toList();
        if (spec.tags().workspace()) {
            List<String> versions = crates.stream().map(PlannedCrate::version).distinct().toList();
            if (versions.size() > 1) {
                d.error(spec.tags().location(), "tags.scope: workspace makes one tag for the release, but the crates "
                        + "have " + versions.size() + " versions (" + String.join(", ", versions) + ")",
                        "use scope: crate, or give the crates one version (versioning.mode: shared)");
                return;
            }
        }
        for (PlannedCrate c : crates) {
            String tag = Tagger.name(spec.tags(), c.name(), c.version());
            String at = git.tagCommit(tag);
            if (at == null || at.equals(run.commit)) {
                continue;
            }
            Boolean onRegistry = targetsKnown ? p.published(c.registry(), c.name(), c.version()) : null;
            if (Boolean.TRUE.equals(onRegistry)) {
                continue;  // released before from that commit: the tag is right, the crate is skipped
            }
            d.error(Location.of(c.manifest()), "tag " + tag + " exists at commit " + at.substring(0, 12) + ", not at "
                    + "HEAD (" + run.commit.substring(0, 12) + "), and " + c.name() + " " + c.version() + " is not on `"
                    + c.registry() + "`" + (onRegistry == null ? " (or its index cannot be read)" : ""),
                    "bump the version (" + run.ctx.invocation().other("bump", "-Dcrates.crates=" + c.name(),
                            "-Dcrates.bump=patch") + "), or delete the stale tag: git tag -d " + tag);
        }
    }

    private static void reachable(RunContext ctx, PublishRun p, Target t, ReleaseSpec spec, Diagnostics d) {
        if (!t.sparse()) {
            return;
        }
        Location at = spec.registries().containsKey(t.name()) ? spec.registries().get(t.name()).location()
                : Location.of(spec.file());
        Exception failure = p.configFailure(t);  // the answer the token check read: config.json is asked once
        if (failure instanceof ConnectException) {
            d.error(at, "registry `" + t.name() + "` at " + t.index() + " is unreachable: connection refused — is it "
                    + "running?", "start the registry or fix its index URL, then run again");
        } else if (failure instanceof UnknownHostException e) {
            d.error(at, "registry `" + t.name() + "` at " + t.index() + " is unreachable: unknown host "
                    + e.getMessage(), "check the index URL and your network");
        } else if (failure instanceof RegistryHttpException e) {
            d.error(at, "registry `" + t.name() + "` at " + t.index() + " answers HTTP " + e.status() + " for "
                    + "config.json: " + ctx.masker().mask(e.detail()), e.status() == 401 || e.status() == 403
                            ? "the token is missing or not accepted for reading the index" : "check the index URL");
        } else if (failure != null) {
            d.error(at, "registry `" + t.name() + "` at " + t.index() + " is unreachable: "
                    + ctx.masker().mask(String.valueOf(failure.getMessage())), "check the index URL and your network");
        }
    }

    /** A registry only the spec defines: cargo (and people running it) cannot see it. */
    private static void specOnlyRegistries(RunContext ctx, PublishRun p, ReleaseSpec spec, Diagnostics d) {
        for (Target t : p.targets().values()) {
            ReleaseSpec.RegistrySpec rs = spec.registries().get(t.name());
            var cargo = p.analysis().cargoConfig().registry(t.name());
            if (rs == null || rs.index() == null || ReleaseSpec.CRATES_IO.equals(t.name())
                    || cargo != null && cargo.index() != null
                    || ctx.env().containsKey(RegistryNames.variable(t.name(), "INDEX"))) {
                continue;
            }
            d.warning(rs.location(), "registry `" + t.name() + "` is defined only in the spec: this release passes its "
                    + "index to cargo, but plain cargo (cargo add, a consumer's build) cannot see it",
                    "add to .cargo/config.toml:  [registries." + t.name() + "]  index = \"" + rs.index() + "\"");
        }
    }

    private static void actions(ReleaseSpec spec, Diagnostics d) {
        for (ActionSpec a : spec.allActions()) {
            if (a instanceof ActionSpec.GithubRelease && spec.tags().enabled() && spec.tags().push() == null) {
                d.warning(a.location(), "github-release needs the tags on GitHub, but tags.push names no remote: "
                        + "GitHub would create a missing tag at the default branch's head", "set tags.push: origin");
            }
        }
    }
}
