package io.github.cratesrelease.reconcile;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.plan.ReleaseSet;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.ReleaseSpec.RedistSpec;
import java.util.HashSet;
import java.util.Set;

/** The {@code redist} sources checked: a target registry that is defined, no crate both released and redistributed. */
final class RedistRules {

    private RedistRules() {
    }

    static void check(ReleaseSpec spec, ReleaseSet set, CargoConfig config, Diagnostics d) {
        Set<String> names = new HashSet<>();
        Set<String> crates = new HashSet<>();
        for (RedistSpec r : spec.redist()) {
            if (!names.add(r.name())) {
                d.error(r.location(), "a second redist source named " + r.name(), "give each source its own name");
            }
            String registry = r.registry() != null ? r.registry() : spec.defaultRegistry();
            if (!Reconciler.isDefined(registry, spec, config)) {
                d.error(r.location(), "redist source " + r.name() + " targets registry `" + registry + "`, which is "
                        + "not defined", Reconciler.defineHint(registry));
            }
            if (ReleaseSpec.CRATES_IO.equals(registry)) {
                d.warning(r.location(), "redist source " + r.name() + " republishes third-party crates to crates.io",
                        "redist is for a registry of yours: set registry: to it");
            }
            if (!r.pinsCommit()) {
                d.warning(r.revLocation(), "rev " + r.rev() + " of redist source " + r.name() + " is not a full commit "
                        + "hash: a tag or branch can move, and the release with it", "pin the commit: rev: <40 hex "
                                + "digits> (git rev-parse " + r.rev() + ")");
            }
            for (String c : r.crates()) {
                if (set.isReleased(c)) {
                    d.error(r.location(), c + " is both released (crates:) and redistributed (redist " + r.name()
                            + ")", "release it from the workspace or redistribute it, not both");
                }
                if (!crates.add(c)) {
                    d.error(r.location(), c + " is redistributed by two sources", "keep it in one source");
                }
            }
            for (ReleaseSpec.Patch p : r.patches()) {
                if (!r.crates().contains(p.crate())) {
                    d.error(p.location(), "a patch for " + p.crate() + ", which redist source " + r.name()
                            + " does not republish", "add it to crates: or remove the patch");
                }
            }
        }
    }
}
