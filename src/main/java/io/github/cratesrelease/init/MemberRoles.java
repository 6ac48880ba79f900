package io.github.cratesrelease.init;

import io.github.cratesrelease.cargo.CargoDependency;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.DependencyKind;
import io.github.cratesrelease.toml.Toml;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which publishable members a starter spec releases. A member that says nothing ({@code publish} unset) is still
 * left out when it is clearly never released: an example, a test or bench crate, fuzz targets or an xtask (by its
 * directory), a crate that builds only a staticlib or cdylib, or, for crates.io, a crate without the description or
 * license crates.io requires. A released crate's dependency is released too, whatever it looks like; when it cannot
 * be (crates.io would refuse it) that is a defect only a person can fix, and it is said.
 */
final class MemberRoles {

    /** Why a member is left out, and what to do to release it. */
    record Unreleased(String why, String toRelease) {
    }

    /** A problem only a person can fix: the crate it concerns, the full sentence, and a short form for a comment. */
    record Defect(String crate, String message, String brief) {
    }

    private final Map<String, Unreleased> unreleased = new LinkedHashMap<>();
    private final Set<String> released = new LinkedHashSet<>();
    private final List<Defect> defects = new ArrayList<>();

    MemberRoles(CargoWorkspace ws, TargetRegistries registries) {
        for (CargoPackage p : ws.members()) {
            if (!p.isPublishable()) {
                continue;
            }
            Unreleased u = classify(ws, p, registries.of(p.name()));
            if (u == null) {
                released.add(p.name());
            } else {
                unreleased.put(p.name(), u);
            }
        }
        Map<String, String> neededBy = new LinkedHashMap<>();
        Map<String, DependencyKind> neededAs = new LinkedHashMap<>();
        for (boolean changed = true; changed;) {
            changed = false;
            for (CargoPackage p : ws.members()) {
                if (!released.contains(p.name())) {
                    continue;
                }
                for (CargoDependency d : p.dependencies()) {
                    Optional<CargoPackage> t = ws.target(d);
                    if (t.isPresent() && d.ordersPublish() && unreleased.remove(t.get().name()) != null) {
                        released.add(t.get().name());
                        neededBy.put(t.get().name(), p.name());
                        neededAs.put(t.get().name(), d.kind());
                        changed = true;
                    }
                }
            }
        }
        for (CargoPackage p : ws.members()) {
            if (released.contains(p.name())) {
                findDefects(ws, p, registries, neededBy.get(p.name()), neededAs.get(p.name()));
            }
        }
    }

    /** The members released, in the workspace's order. */
    Set<String> released() {
        return released;
    }

    /** A member left out, or null. */
    Unreleased unreleased(String crate) {
        return unreleased.get(crate);
    }

    Map<String, Unreleased> allUnreleased() {
        return unreleased;
    }

    List<Defect> defects() {
        return defects;
    }

    private static Unreleased classify(CargoWorkspace ws, CargoPackage p, String registry) {
        String rel = relative(ws, p.dir());
        String write = "write " + p.name() + ": {}";
        for (String part : rel.split("/")) {
            String what = switch (part) {
                case "examples", "example" -> "an example";
                case "tests", "test" -> "a test crate";
                case "benches", "bench", "benchmarks" -> "benchmarks";
                case "fuzz" -> "fuzz targets";
                default -> null;
            };
            if (what != null) {
                return new Unreleased(what + " (" + rel + "/)", toRelease(p, registry, write));
            }
        }
        if (p.name().equals("xtask") || p.name().endsWith("-xtask")) {
            return new Unreleased("the workspace's build tasks (xtask)", toRelease(p, registry, write));
        }
        List<String> types = crateTypes(p.manifest());
        if (!types.isEmpty() && types.stream().noneMatch(t -> t.equals("lib") || t.equals("rlib")
                || t.equals("dylib") || t.equals("proc-macro"))) {
            return new Unreleased("builds only a " + String.join(" and ", types) + " (crate-type), which no Rust "
                    + "crate can depend on", toRelease(p, registry, write));
        }
        List<String> missing = missing(p);
        boolean cratesIo = TargetRegistries.isCratesIo(registry);
        // another registry takes crates without metadata: there, only a test-, bench- or example-like name says more
        if (p.publishTo() == null && !missing.isEmpty() && (cratesIo || !kindByName(p.name()).isEmpty())) {
            return new Unreleased(kindOf(rel, p.name()) + "no " + String.join(" or ", missing) + " in its Cargo.toml "
                    + "and no released crate depends on it", toRelease(p, registry, write));
        }
        return null;
    }

    private static String kindOf(String rel, String name) {
        return rel.startsWith("tools/") ? "a workspace tool (" + rel + "/): " : kindByName(name);
    }

    private static String kindByName(String name) {
        if (name.contains("test")) {
            return "looks like a test crate: ";
        }
        if (name.contains("bench")) {
            return "looks like benchmarks: ";
        }
        if (name.contains("example") || name.contains("demo")) {
            return "looks like an example: ";
        }
        return "";
    }

    private static String toRelease(CargoPackage p, String registry, String write) {
        List<String> missing = missing(p);
        return "to release it, " + (missing.isEmpty() || !TargetRegistries.isCratesIo(registry) ? ""
                : "add " + String.join(" and ", missing) + " to its Cargo.toml (crates.io requires "
                        + (missing.size() == 1 ? "it" : "them") + "), then ") + write;
    }

    /** What crates.io requires that the member lacks: "description", "license". */
    static List<String> missing(CargoPackage p) {
        List<String> out = new ArrayList<>();
        if (p.description() == null || p.description().isBlank()) {
            out.add("description");
        }
        if ((p.license() == null || p.license().isBlank()) && p.licenseFile() == null) {
            out.add("license");
        }
        return out;
    }

    private void findDefects(CargoWorkspace ws, CargoPackage p, TargetRegistries registries, String neededBy,
            DependencyKind as) {
        String registry = registries.of(p.name());
        String manifest = relative(ws, p.manifest());
        List<String> missing = missing(p);
        if (TargetRegistries.isCratesIo(registry) && !missing.isEmpty()) {
            String fields = String.join(" and ", missing);
            String why = neededBy == null ? "its Cargo.toml says it is published (package.publish)"
                    : "'" + neededBy + "' depends on it" + (as == DependencyKind.DEV ? " (a dev-dependency with a "
                            + "version)" : "") + ", so it is released";
            String fix = "add " + (missing.contains("description") ? "description = \"...\"" : "")
                    + (missing.size() == 2 ? " and " : "")
                    + (missing.contains("license") ? "license = \"...\" (or license.workspace = true)" : "")
                    + " to [package] in " + manifest
                    + (as == DependencyKind.DEV ? ", or remove version from that dev-dependency in '" + neededBy
                            + "' (cargo then strips it)" : "");
            defects.add(new Defect(p.name(), "crate '" + p.name() + "' has no " + fields + ", which crates.io "
                    + "requires, and " + why + ": " + fix, "no " + fields + " (crates.io requires it); " + why));
        }
        for (CargoDependency d : p.dependencies()) {
            Optional<CargoPackage> t = ws.target(d).filter(m -> released.contains(m.name()));
            String there = t.map(m -> registries.of(m.name())).orElse(null);
            if (t.isPresent() && d.ordersPublish() && !TargetRegistries.isCratesIo(there) && d.registry() == null
                    && d.registryIndex() == null) {
                defects.add(new Defect(p.name(), "'" + p.name() + "' depends on '" + d.key() + "' by path (" + manifest
                        + "), which goes to '" + there + "', but the dependency says no registry, so cargo would "
                        + "look for it on crates.io: add registry = \"" + there + "\" to it" + (d.inherited()
                                ? " in [workspace.dependencies] of the root Cargo.toml" : ""),
                        "its dependency '" + d.key() + "' needs registry = \"" + there + "\""));
            }
            if (d.path() != null && d.req() == null && d.kind() != DependencyKind.DEV) {
                String version = ws.target(d).map(CargoPackage::version).orElse("<version>");
                defects.add(new Defect(p.name(), "'" + p.name() + "' depends on '" + d.key() + "' by path only "
                        + "(" + relative(ws, p.manifest()) + "), which cargo cannot publish: add version = \"" + version
                        + "\" to that dependency" + (d.inherited() ? " in [workspace.dependencies] of the root "
                                + "Cargo.toml" : "") + ", or write " + p.name() + ": { publish: false } if '"
                        + p.name() + "' is never released", "its dependency '" + d.key() + "' has a path but no "
                                + "version"));
            }
        }
    }

    static String relative(CargoWorkspace ws, Path file) {
        return ws.root().relativize(file).toString().replace('\\', '/');
    }

    /** The {@code [lib] crate-type} list of a manifest (empty when not written). */
    private static List<String> crateTypes(Path manifest) {
        try {
            TomlParseResult toml = Toml.parse(manifest);
            TomlArray a = toml.getArray(List.of("lib", "crate-type"));
            if (a == null) {
                a = toml.getArray(List.of("lib", "crate_type"));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; a != null && i < a.size(); i++) {
                out.add(String.valueOf(a.get(i)));
            }
            return out;
        } catch (IOException | RuntimeException unreadable) {
            return List.of(); // the workspace loader reports a broken manifest
        }
    }
}
