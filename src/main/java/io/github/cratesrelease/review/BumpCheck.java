package io.github.cratesrelease.review;

import io.github.cratesrelease.cargo.CargoDependency;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.DependencyKind;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.semver.VersionReq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A crate's version change and whether its level fits: a version that went backwards is an error; a change of its
 * public surface that cargo's rules make breaking (a dependency removed or moved to an incompatible requirement, a
 * feature removed, default features dropped) needs a breaking bump (major, or minor below 1.0).
 */
final class BumpCheck {

    private BumpCheck() {
    }

    /** The version change of {@code head} against {@code base}, or null when the version did not change. */
    static ReviewReport.VersionChange of(CargoPackage base, CargoPackage head, String file, int line) {
        Version from;
        Version to;
        try {
            from = Version.parse(base.version());
            to = Version.parse(head.version());
        } catch (IllegalArgumentException invalid) {
            return null;  // validation reports it, located
        }
        int cmp = to.comparePrecedence(from);
        if (cmp == 0) {
            return null;
        }
        if (cmp < 0) {
            return new ReviewReport.VersionChange(head.name(), base.version(), head.version(), "backwards", null,
                    List.of(), file, line);
        }
        String bump = level(from, to);
        List<String> reasons = breakingChanges(base, head);
        String breaking = breakingLevel(from);
        String required = !reasons.isEmpty() && !isBreaking(from, to) ? breaking : null;
        return new ReviewReport.VersionChange(head.name(), base.version(), head.version(), bump, required, reasons,
                file, line);
    }

    /** major, minor, patch or pre-release: the left-most component that changed. */
    static String level(Version from, Version to) {
        if (to.major() != from.major()) {
            return "major";
        }
        if (to.minor() != from.minor()) {
            return "minor";
        }
        if (to.patch() != from.patch()) {
            return "patch";
        }
        return "pre-release";
    }

    /** What cargo treats as a breaking bump from {@code v}: the left-most non-zero component. */
    static String breakingLevel(Version v) {
        return v.major() > 0 ? "major" : v.minor() > 0 ? "minor" : "patch";
    }

    /** Whether {@code to} is outside {@code from}'s compatible range (cargo's caret rule). */
    static boolean isBreaking(Version from, Version to) {
        if (from.major() > 0) {
            return to.major() != from.major();
        }
        if (from.minor() > 0) {
            return to.major() != 0 || to.minor() != from.minor();
        }
        return !(to.major() == 0 && to.minor() == 0 && to.patch() == from.patch());
    }

    /** The public-surface changes that need a breaking bump, in words. */
    static List<String> breakingChanges(CargoPackage base, CargoPackage head) {
        List<String> reasons = new ArrayList<>();
        Map<String, CargoDependency> before = normal(base);
        Map<String, CargoDependency> after = normal(head);
        for (Map.Entry<String, CargoDependency> e : before.entrySet()) {
            CargoDependency now = after.get(e.getKey());
            if (now == null) {
                reasons.add("dependency " + e.getKey() + " removed");
            } else if (incompatible(e.getValue().req(), now.req())) {
                reasons.add("requirement on " + e.getKey() + " moved from " + e.getValue().req() + " to " + now.req()
                        + " (an incompatible range)");
            }
        }
        for (String f : base.features().keySet()) {
            if (!head.features().containsKey(f)) {
                reasons.add("feature " + f + " removed");
            }
        }
        List<String> defaults = head.features().getOrDefault("default", List.of());
        for (String f : base.features().getOrDefault("default", List.of())) {
            if (!defaults.contains(f)) {
                reasons.add("default feature " + f + " dropped");
            }
        }
        return reasons;
    }

    /** Normal dependencies (the ones a user's build sees), by key. */
    private static Map<String, CargoDependency> normal(CargoPackage p) {
        Map<String, CargoDependency> m = new LinkedHashMap<>();
        for (CargoDependency d : p.dependencies()) {
            if (d.kind() == DependencyKind.NORMAL && d.target() == null) {
                m.putIfAbsent(d.key(), d);
            }
        }
        return m;
    }

    /** Whether the lowest version each requirement admits falls in different compatible ranges. */
    static boolean incompatible(String before, String after) {
        Version a = lowest(before);
        Version b = lowest(after);
        return a != null && b != null && (isBreaking(a, b) || isBreaking(b, a));
    }

    private static Version lowest(String req) {
        if (req == null) {
            return null;
        }
        try {
            for (VersionReq.Comparator c : VersionReq.parse(req).comparators()) {
                if (c.op() != VersionReq.Op.LESS && c.op() != VersionReq.Op.LESS_EQ) {
                    return Version.of(c.major(), c.minor() == null ? 0 : c.minor(), c.patch() == null ? 0
                            : c.patch());
                }
            }
        } catch (IllegalArgumentException invalid) {
            // validation reports it
        }
        return null;
    }
}
