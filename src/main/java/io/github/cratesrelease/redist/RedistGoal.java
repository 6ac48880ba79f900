package io.github.cratesrelease.redist;

import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.publish.PublishEngine;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.publish.PublishResult;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Findings;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.run.RunLock;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.ReleaseSpec.RedistSpec;
import io.github.cratesrelease.version.BumpEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * crates:redist — for each {@code redist} source: check out the upstream repository at the pinned revision, patch
 * the manifests (sibling versions and registry, declared patches, provenance), commit locally, then publish the
 * crates with the publish steps through a spec generated for that checkout (order, tokens, waits, resume, skip what
 * is published, rehearsal, dry run).
 */
public final class RedistGoal {

    private RedistGoal() {
    }

    /**
     * @param template the publish options (dry run, rehearsal, upload settings); its spec and output are replaced
     * @param only     source names to republish (empty: all)
     */
    public static List<PublishResult> redist(RunContext ctx, PublishOptions template, Set<String> only) {
        Analysis a = ctx.analysis();
        ReleaseSpec spec = a.spec();
        Findings.report(ctx.out(), a.diagnostics());
        if (a.diagnostics().hasErrors()) {
            throw new ReleaseException("cannot redistribute: the release spec has " + a.diagnostics().errors().size()
                    + " error(s)", a.diagnostics());
        }
        if (spec.redist().isEmpty()) {
            throw new ReleaseException(Diagnostic.error(Location.of(spec.file()), "the spec has no redist: section",
                    "add one (see docs/redist.md)"));
        }
        List<String> unknown = only.stream().filter(n -> spec.redist().stream().noneMatch(r -> r.name().equals(n)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ReleaseException(Diagnostic.error(Location.of(spec.file()), "-Dcrates.redist.sources names "
                    + String.join(", ", unknown) + ", not a redist source of the spec", "sources: " + String.join(", ",
                            spec.redist().stream().map(RedistSpec::name).toList())));
        }
        List<PublishResult> results = new ArrayList<>();
        try (RunLock lock = PublishEngine.lock(ctx, "redist")) {
            for (RedistSpec r : spec.redist()) {
                if (only.isEmpty() || only.contains(r.name())) {
                    results.add(source(ctx, a, r, template));
                }
            }
        }
        return results;
    }

    private static PublishResult source(RunContext ctx, Analysis a, RedistSpec r, PublishOptions template) {
        ReleaseSpec spec = a.spec();
        String registry = r.registry() != null ? r.registry() : spec.defaultRegistry();
        Path base = ctx.outputDirectory().resolve("redist");
        Path dir = base.resolve(r.name());
        String url = RedistCheckout.url(r, spec.file().getParent());
        String upstream = RedistCheckout.checkout(ctx, r, url, dir);
        CargoWorkspace ws = RedistPatcher.upstream(dir);
        Map<Path, String[]> patched = new RedistPatcher(r, registry, url, upstream).patch(ws);
        for (Map.Entry<Path, String[]> f : patched.entrySet()) {
            List<String> diff = BumpEngine.diff(dir, f.getKey(), f.getValue()[0], f.getValue()[1]);
            if (ctx.dryRun()) {
                diff.forEach(l -> ctx.out().info("  " + l));
            } else {
                ctx.out().info("[redist " + r.name() + "] patched " + dir.relativize(f.getKey()) + " (" + (diff.size()
                        - 2) + " diff line(s))");
            }
        }
        RedistPatcher.write(patched);
        String commit = RedistCheckout.commit(ctx, dir, upstream, "redist: " + String.join(", ", r.crates()) + " for "
                + registry + "\n\nFrom " + url + " at " + upstream + ", patched by crates-maven-plugin (crates:redist):"
                + " sibling dependencies carry version and registry; declared patches applied.\n");
        ctx.out().info("[redist " + r.name() + "] committed the patched manifests locally as " + commit.substring(0,
                12) + (ctx.dryRun() ? " (in target/, your files are unchanged)" : ""));
        Path generated = base.resolve(r.name() + ".release.yaml");
        AtomicFiles.writeString(generated, RedistSpecs.yaml(a, r, registry, dir, spec.waitFor(registry)));
        try (RunContext sub = ctx.forSpec(generated, base.resolve(r.name() + "-publish"))) {
            ctx.out().info("[redist " + r.name() + "] publishing " + String.join(", ", r.crates()) + " to `" + registry
                    + "` (spec generated for the checkout: " + generated + ")");
            return PublishEngine.publish(sub, template.withSpec(generated, base.resolve(r.name() + "-publish")));
        }
    }
}
