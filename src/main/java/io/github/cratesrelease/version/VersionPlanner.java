package io.github.cratesrelease.version;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.plan.ReleaseSet;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.Suggest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which crates move to which version. The selection (or every released crate) grows to what must move with it:
 * every released crate in {@code mode: shared}, a crate's whole versioning group, and every crate that inherits
 * {@code [workspace.package] version} (one line holds their version). Crates that move together get one version:
 * the bump of the highest current version among them, or the requested one.
 */
public final class VersionPlanner {

    /** One crate's move, and why it moves. */
    public record Change(CargoPackage crate, Version from, Version to, String reason) {
        public String name() {
            return crate.name();
        }
    }

    /**
     * @param level     the bump level, or null when {@code explicit} is given
     * @param explicit  the version to set, or null
     * @param selection crate names asked for, or empty for every released crate
     */
    public record Target(VersionBump.Level level, Version explicit, List<String> selection) {
    }

    /**
     * Errors that many crates share (72 crates at {@code 0.20.0-dev} asked for {@code beta}) reported once, naming
     * the crates: one error per distinct cause, located at the first crate's.
     */
    private static final class Causes {
        private record Cause(Location at, String prefix, String suffix, String hint, List<String> crates) {
        }

        private final Map<List<String>, Cause> causes = new LinkedHashMap<>();

        /** One crate's error: {@code prefix + " " + crate + suffix}; same prefix, suffix and hint: same cause. */
        void add(Location at, CargoPackage crate, String prefix, String suffix, String hint) {
            causes.computeIfAbsent(List.of(prefix, suffix, hint), k -> new Cause(at, prefix, suffix, hint,
                    new ArrayList<>())).crates().add(crate.name());
        }

        void report(Diagnostics diags) {
            for (Cause c : causes.values()) {
                List<String> n = c.crates();
                String who = n.size() == 1 ? n.get(0)
                        : n.size() + " crates (" + String.join(", ", n.subList(0, Math.min(3, n.size())))
                                + (n.size() > 3 ? " and " + (n.size() - 3) + " more" : "") + ")";
                diags.error(c.at(), (c.prefix().isEmpty() ? "" : c.prefix() + " ") + who + c.suffix(), c.hint());
            }
        }
    }

    /** The changes in workspace order; errors go to {@code diags}. */
    public List<Change> plan(ReleaseSpec spec, ReleaseSet set, Target target, Diagnostics diags) {
        CargoWorkspace ws = set.workspace();
        Location cli = null; // the property on the command line: no file to point at
        Location specAt = spec.cratesLocation() != null ? spec.cratesLocation() : new Location(spec.file(), 1, 1);
        Map<String, String> reason = new LinkedHashMap<>();
        List<String> names = ws.members().stream().map(CargoPackage::name).toList();
        if (target.selection().isEmpty()) {
            set.released().keySet().forEach(n -> reason.put(n, "released"));
        } else {
            for (String n : target.selection()) {
                if (ws.member(n).isEmpty()) {
                    String s = Suggest.closest(n, names);
                    diags.error(cli, "-Dcrates.crates names '" + n + "', which is not a member of the workspace",
                            s != null ? "did you mean '" + s + "'?" : "use one of: " + String.join(", ", names));
                } else {
                    reason.put(n, "selected");
                }
            }
        }
        if (reason.isEmpty() && !diags.hasErrors()) {
            diags.error(specAt, "nothing to bump: the spec releases no crate", "list crates under crates:, or name them "
                    + "with -Dcrates.crates=a,b");
        }
        if (diags.hasErrors()) {
            return List.of();
        }
        // grow the selection to everything that moves with it, and group what moves together
        Map<Set<String>, String> units = new LinkedHashMap<>();
        ReleaseSpec.Versioning v = spec.versioning();
        if (v.shared()) {
            units.put(new LinkedHashSet<>(set.released().keySet()), "versioning mode: shared");
        }
        for (ReleaseSpec.Group g : v.groups().values()) {
            units.put(new LinkedHashSet<>(g.crates()), "versioning group '" + g.name() + "'");
        }
        Set<String> inheriting = new LinkedHashSet<>();
        ws.members().stream().filter(CargoPackage::inheritsVersion).forEach(p -> inheriting.add(p.name()));
        units.put(inheriting, "inherits [workspace.package] version");
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Set<String>, String> u : units.entrySet()) {
                if (u.getKey().stream().anyMatch(reason::containsKey)) {
                    for (String n : u.getKey()) {
                        if (ws.member(n).isPresent() && reason.putIfAbsent(n, u.getValue()) == null) {
                            grew = true;
                        }
                    }
                }
            }
        }
        List<Set<String>> moving = new ArrayList<>();
        // merge overlapping units among the moving crates (union of sets sharing a crate)
        for (Set<String> u : units.keySet()) {
            Set<String> in = new LinkedHashSet<>();
            u.stream().filter(reason::containsKey).forEach(in::add);
            if (in.isEmpty()) {
                continue;
            }
            List<Set<String>> overlapping = moving.stream().filter(m -> m.stream().anyMatch(in::contains)).toList();
            moving.removeAll(overlapping);
            overlapping.forEach(in::addAll);
            moving.add(in);
        }
        for (String n : reason.keySet()) {
            if (moving.stream().noneMatch(m -> m.contains(n))) {
                moving.add(new LinkedHashSet<>(Set.of(n)));
            }
        }
        for (String n : reason.keySet()) {
            CargoPackage p = ws.member(n).orElseThrow();
            try {
                Version.parse(p.version());
            } catch (IllegalArgumentException e) {
                diags.error(p.at("version"), n + " has version '" + p.version() + "', which is not a SemVer version",
                        "write MAJOR.MINOR.PATCH, e.g. \"0.1.0\"");
            }
        }
        if (diags.hasErrors()) {
            return List.of();
        }
        Map<String, Change> out = new LinkedHashMap<>();
        Causes causes = new Causes();
        for (Set<String> unit : moving) {
            List<CargoPackage> crates = unit.stream().map(n -> ws.member(n).orElseThrow()).toList();
            CargoPackage highest = crates.stream().max(Comparator.comparing(p -> Version.parse(p.version())))
                    .orElseThrow();
            Version base = Version.parse(highest.version());
            Version next;
            if (target.explicit() != null) {
                next = target.explicit();
                if (next.comparePrecedence(base) <= 0) {
                    causes.add(cli, highest, "-Dcrates.version=" + next + " is not newer than", " " + base
                            + (unit.size() > 1 ? " (it moves with " + String.join(", ", unit) + ")" : ""),
                            "give a version above " + base + ", or use -Dcrates.bump=patch|minor|major");
                    continue;
                }
            } else {
                try {
                    next = VersionBump.next(base, target.level());
                } catch (IllegalArgumentException e) {
                    List<String> levels = VersionBump.levelsFrom(base);
                    causes.add(highest.at("version"), highest, "", ": " + e.getMessage(), levels.isEmpty()
                            ? "give the version with -Dcrates.version=X.Y.Z"
                            : "use -Dcrates.bump=" + String.join("|", levels) + ", or give the version with "
                                    + "-Dcrates.version=X.Y.Z");
                    continue;
                }
            }
            for (CargoPackage p : crates) {
                out.put(p.name(), new Change(p, Version.parse(p.version()), next, reason.get(p.name())));
            }
        }
        causes.report(diags);
        List<Change> ordered = new ArrayList<>();
        for (CargoPackage p : ws.members()) {
            if (out.containsKey(p.name())) {
                ordered.add(out.get(p.name()));
            }
        }
        return ordered;
    }
}
