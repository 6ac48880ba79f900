package io.github.cratesrelease.reconcile;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.plan.ReleaseSet;
import io.github.cratesrelease.spec.ActionSpec;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.ReleaseSpec.TagsSpec;

/** The release sections checked against the workspace: tag names that cannot collide, actions on real crates. */
final class ReleaseRules {

    private ReleaseRules() {
    }

    static void check(ReleaseSpec spec, ReleaseSet set, Diagnostics d) {
        TagsSpec t = spec.tags();
        Location at = t.location() != null ? t.location() : Location.of(spec.file());
        if (t.enabled() && !t.name().contains("{version}")) {
            d.error(at, "tags.name \"" + t.name() + "\" has no {version}: every release would reuse one tag",
                    "write e.g. name: \"{crate}-v{version}\"");
        }
        if (t.enabled() && !t.workspace() && !t.name().contains("{crate}") && !t.name().contains("{prefix}")
                && set.released().size() > 1) {
            d.error(at, "tags.name \"" + t.name() + "\" makes one tag per crate (scope: crate) but names no crate: the "
                    + set.released().size() + " crates would collide on one tag",
                    "add {crate} or {prefix} to the name, or set scope: workspace for one tag per release");
        }
        for (ActionSpec a : spec.allActions()) {
            if (a instanceof ActionSpec.CargoInstall c && !set.isReleased(c.target())) {
                d.error(a.location(), "cargo-install names " + c.target() + ", which is not a crate of this release",
                        "name one of: " + String.join(", ", set.released().keySet()));
            }
            if (a instanceof ActionSpec.GithubRelease && !t.enabled()) {
                d.error(a.location(), "github-release makes a release per tag, but tags are disabled",
                        "enable tags (tags.enabled: true) or remove the action");
            }
        }
    }
}
