package io.github.cratesrelease.version;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.DependencyTable;
import io.github.cratesrelease.cargo.TomlAccess;
import io.github.cratesrelease.cargo.TomlEditor;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes new versions into the workspace's manifests and Cargo.lock with the smallest text edits: the
 * {@code [package]} or {@code [workspace.package]} version of each bumped crate, and every requirement on a bumped
 * crate (path dependencies in normal, dev, build and target-specific tables, renamed or not, and in
 * {@code [workspace.dependencies]}; registry dependencies that the root's {@code [patch.<registry>]} redirects to the
 * crate, written as a table or a plain string) as the dependents policy says.
 */
public final class ManifestUpdater {

    /** One edited value, for the report. */
    public record Edit(Location location, String what, String from, String to) {
    }

    /**
     * New file texts (only files that change), what changed where, and the members whose requirements changed
     * (directly, or through an inherited {@code [workspace.dependencies]} entry).
     */
    public record Result(Map<Path, String> files, List<Edit> edits, Set<String> dependentsTouched) {
    }

    public Result update(CargoWorkspace ws, List<VersionPlanner.Change> changes, RequirementUpdate.Policy policy,
            Diagnostics diags) {
        Map<String, VersionPlanner.Change> byName = new HashMap<>();
        Map<Path, VersionPlanner.Change> byDir = new HashMap<>();
        for (VersionPlanner.Change c : changes) {
            byName.put(c.name(), c);
            byDir.put(c.crate().dir(), c);
        }
        Map<Path, String> files = new LinkedHashMap<>();
        List<Edit> edits = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        LinkedHashSet<Path> manifests = new LinkedHashSet<>();
        manifests.add(ws.manifest());
        ws.members().forEach(p -> manifests.add(p.manifest()));
        for (Path manifest : manifests) {
            try {
                String updated = manifest(ws, manifest, changes, byName, byDir, policy, edits, diags, touched);
                if (updated != null) {
                    files.put(manifest, updated);
                }
            } catch (IllegalArgumentException e) {
                diags.error(Location.of(manifest), "cannot edit the versions: " + e.getMessage(),
                        "write versions and requirements as single-line strings (\"1.2.3\")");
            }
        }
        Path lock = ws.root().resolve("Cargo.lock");
        if (Files.isRegularFile(lock)) {
            try {
                String updated = lockfile(lock, read(lock), byName, edits, diags);
                if (updated != null) {
                    files.put(lock, updated);
                }
            } catch (IllegalArgumentException e) {
                diags.error(Location.of(lock), "cannot update Cargo.lock: " + e.getMessage(),
                        "regenerate it with 'cargo generate-lockfile', then bump again");
            }
        }
        return new Result(files, edits, touched);
    }

    /** The new text of one manifest, or null when it does not change. */
    private String manifest(CargoWorkspace ws, Path manifest, List<VersionPlanner.Change> changes,
            Map<String, VersionPlanner.Change> byName, Map<Path, VersionPlanner.Change> byDir,
            RequirementUpdate.Policy policy, List<Edit> edits, Diagnostics diags, Set<String> touched) {
        String text = read(manifest);
        TomlEditor edit = new TomlEditor(text);
        TomlParseResult toml = edit.toml();
        Path dir = manifest.getParent();
        CargoPackage owner = ws.members().stream().filter(p -> p.manifest().equals(manifest)).findFirst()
                .orElse(null);
        TomlTable pkg = toml.getTable("package") != null ? toml.getTable("package") : toml.getTable("project");
        VersionPlanner.Change own = owner == null ? null : byName.get(owner.name());
        if (own != null && pkg != null && pkg.get(List.of("version")) instanceof String) {
            edit.setString(pkg, "version", own.to().toString());
            edits.add(new Edit(TomlEditor.location(manifest, pkg.inputPositionOf(List.of("version"))), owner.name() + " version",
                    own.from().toString(), own.to().toString()));
        }
        if (manifest.equals(ws.manifest())) {
            TomlTable wsPackage = toml.getTable(List.of("workspace", "package"));
            VersionPlanner.Change inherited = changes.stream().filter(c -> c.crate().inheritsVersion()).findFirst()
                    .orElse(null);
            if (inherited != null && wsPackage != null && wsPackage.get(List.of("version")) instanceof String old) {
                edit.setString(wsPackage, "version", inherited.to().toString());
                edits.add(new Edit(TomlEditor.location(manifest, wsPackage.inputPositionOf(List.of("version"))),
                        "[workspace.package] version", old, inherited.to().toString()));
            }
            TomlTable wsDeps = toml.getTable(List.of("workspace", "dependencies"));
            if (wsDeps != null) {
                requirements(wsDeps, "[workspace.dependencies]", manifest, dir, byDir, policy, edit, edits, diags,
                        null, touched, ws);
            }
        }
        if (owner != null) {
            for (DependencyTable t : DependencyTable.of(toml)) {
                requirements(t.table(), t.label(), manifest, dir, byDir, policy, edit, edits, diags, owner, touched,
                        ws);
            }
        }
        return edit.changed() ? edit.result() : null;
    }

    private void requirements(TomlTable deps, String table, Path manifest, Path dir,
            Map<Path, VersionPlanner.Change> byDir, RequirementUpdate.Policy policy, TomlEditor edit,
            List<Edit> edits, Diagnostics diags, CargoPackage owner, Set<String> touched, CargoWorkspace ws) {
        for (String key : deps.keySet()) {
            Object value = deps.get(List.of(key));
            TomlTable dep = value instanceof TomlTable t ? t : null;
            String req = dep == null ? (value instanceof String r ? r : null)
                    : dep.get(List.of("version")) instanceof String r ? r : null;
            VersionPlanner.Change target = req == null ? null : target(ws, dep, key, dir, byDir);
            if (target == null) {
                continue;
            }
            // a plain string entry ("0.7") is the requirement itself; a table's is its version key
            TomlTable holder = dep == null ? deps : dep;
            String versionKey = dep == null ? key : "version";
            Location at = TomlEditor.location(manifest, holder.inputPositionOf(List.of(versionKey)));
            String what = table + " " + key + (key.equals(target.name()) ? "" : " (" + target.name() + ")");
            RequirementUpdate.Outcome o = RequirementUpdate.apply(policy, req, target.to());
            if (o.problem() != null) {
                diags.error(at, what + " requires '" + req + "', which " + target.name() + " " + target.to()
                        + " does not satisfy: " + o.problem(),
                        policy == RequirementUpdate.Policy.ERROR
                                ? "write a requirement that " + target.to() + " satisfies (e.g. \""
                                        + RequirementUpdate.upgradeOrPlain(req, target.to()) + "\"), or set "
                                        + "versioning.dependents: upgrade or fix"
                                : "write a requirement that " + target.to() + " satisfies by hand");
            } else if (o.changed()) {
                edit.setString(holder, versionKey, o.requirement());
                edits.add(new Edit(at, what + " requirement", req, o.requirement()));
                if (owner != null) {
                    touched.add(owner.name());
                } else {
                    // every member that inherits this entry now requires the new version
                    ws.members().stream().filter(m -> m.dependencies().stream()
                            .anyMatch(dd -> dd.inherited() && dd.key().equals(key))).forEach(m -> touched.add(m.name()));
                }
            } else if (!o.matches()) {
                diags.warning(at, what + " requires '" + req + "', which " + target.to() + " does not satisfy; left "
                        + "as it is (versioning.dependents: ignore)", "cargo will not build the workspace until it "
                                + "is changed; crates:validate reports it");
            }
        }
    }

    /**
     * The bumped crate an entry requires: through its {@code path}, or, for a registry entry (no path, git or
     * registry-index), through the root's {@code [patch.<registry>]} entry for its package.
     */
    private static VersionPlanner.Change target(CargoWorkspace ws, TomlTable dep, String key, Path dir,
            Map<Path, VersionPlanner.Change> byDir) {
        if (dep != null && dep.get(List.of("path")) instanceof String p) {
            return byDir.get(dir.resolve(p).normalize());
        }
        if (dep != null && (dep.contains(List.of("path")) || dep.contains(List.of("git"))
                || dep.contains(List.of("registry-index")) || dep.contains(List.of("workspace")))) {
            return null;
        }
        String registry = dep != null && dep.get(List.of("registry")) instanceof String r ? r : null;
        String name = dep != null && dep.get(List.of("package")) instanceof String n ? n : key;
        return ws.patched(registry, name).map(p -> byDir.get(p.member().dir())).orElse(null);
    }

    /**
     * Cargo.lock with the bumped members' versions: their {@code [[package]]} entries (no {@code source}: path
     * packages) and {@code "name version"} references in dependency lists. Null when nothing changes.
     */
    private static String lockfile(Path lock, String text, Map<String, VersionPlanner.Change> byName,
            List<Edit> edits, Diagnostics diags) {
        int before = diags.errors().size();
        TomlAccess in = new TomlAccess(lock, text, diags);
        io.github.cratesrelease.toml.TomlParseResult parsed = TomlAccess.parse(lock, text, diags);
        if (parsed.hasErrors()) {
            return null;
        }
        TomlEditor edit = new TomlEditor(text);
        for (TomlTable p : in.tables(edit.toml(), "package", "package")) {
            String name = in.string(p, "name", "name");
            String version = in.string(p, "version", "version");
            List<String> refs = in.strings(p, "dependencies", "dependencies");
            if (diags.errors().size() > before) {
                continue;
            }
            VersionPlanner.Change c = byName.get(name);
            if (c != null && p.get(List.of("source")) == null && c.from().toString().equals(version)) {
                edit.setString(p, "version", c.to().toString());
                edits.add(new Edit(TomlEditor.location(lock, p.inputPositionOf(List.of("version"))), c.name() + " in Cargo.lock",
                        c.from().toString(), c.to().toString()));
            }
            TomlArray deps = p.getArray("dependencies");
            for (int j = 0; refs != null && j < refs.size(); j++) {
                String[] parts = refs.get(j).split(" ");
                VersionPlanner.Change d = parts.length == 2 ? byName.get(parts[0]) : null;
                if (d != null && d.from().toString().equals(parts[1])) {
                    edit.setString(deps, j, parts[0] + " " + d.to());
                }
            }
        }
        return edit.changed() && diags.errors().size() == before ? edit.result() : null;
    }

    /** @throws io.github.cratesrelease.diag.ReleaseException when the file is not UTF-8 (located) */
    static String read(Path file) {
        return TextFiles.read(file);
    }
}
