package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a member's manifest says, as cargo reads it: {@code [package]} with the keys it inherits from
 * {@code [workspace.package]}, {@code [features]}, and the dependencies of every table (normal, dev, build,
 * target-specific; renamed; inherited from {@code [workspace.dependencies]}). One per workspace load, used on every
 * thread that reads members; each finding located.
 */
final class PackageReader {

    private static final List<String> INHERITABLE = List.of("version", "description", "license", "license-file",
            "readme", "keywords", "categories", "publish", "edition", "rust-version", "repository", "homepage",
            "documentation", "authors", "include", "exclude");

    private final Path wsRoot;
    private final TomlTable wsPackage;
    private final TomlTable wsDeps;
    /** The paths of [workspace.dependencies], resolved once for all the members that inherit them. */
    private final Map<String, Path> rootRelative = new ConcurrentHashMap<>();
    /** The members' directories, each to its one instance (not changed while members are read). */
    private final Map<Path, Path> memberDirs;

    /**
     * For the workspace at {@code wsRoot} with these {@code [workspace.package]} and dependencies (each may be null);
     * a path dependency on one of {@code memberDirs} gets that directory's own instance (the lookups by directory
     * that follow, thousands of them, then find it by identity, its hash computed once).
     */
    PackageReader(Path wsRoot, TomlTable wsPackage, TomlTable wsDeps, Map<Path, Path> memberDirs) {
        this.wsRoot = wsRoot;
        this.wsPackage = wsPackage;
        this.wsDeps = wsDeps;
        this.memberDirs = memberDirs;
    }

    /**
     * The member in {@code dir} whose manifest {@code manifest} parsed to {@code toml}: its findings reported through
     * {@code in} (the member's accessor) and {@code rootAccess} (the root's, for inherited values) into
     * {@code diags}; null when it has no usable [package].
     */
    CargoPackage read(Path dir, Path manifest, TomlParseResult toml, TomlAccess in, TomlAccess rootAccess,
            Diagnostics diags) {
        // each key asked once: a thousand members ask them all
        String pkgKey = "package";
        Object pkgValue = toml.get(List.of(pkgKey));
        if (pkgValue == null && toml.get(List.of("project")) != null) {
            pkgKey = "project";
            pkgValue = toml.get(List.of(pkgKey));
        }
        if (pkgValue != null && !(pkgValue instanceof TomlTable)) {
            in.table(toml, pkgKey, pkgKey);  // reports the wrong type
            return null;
        }
        TomlTable pkg = (TomlTable) pkgValue;
        if (pkg == null) {
            diags.error(new Location(manifest, 1, 1), "no [package] table", "a workspace member needs a [package] section");
            return null;
        }
        Map<String, Location> locs = new LinkedHashMap<>();
        locs.put("package", TomlEditor.location(manifest, toml.inputPositionOf(List.of("package"))));
        for (String k : pkg.keySet()) {
            locs.put(k, TomlEditor.location(manifest, pkg.inputPositionOf(List.of(k))));
        }
        Object nameValue = pkg.get(List.of("name"));
        if (nameValue != null && !(nameValue instanceof String)) {
            in.string(pkg, "name", "name");  // reports the wrong type
            return null;
        }
        String name = (String) nameValue;
        if (name == null) {
            diags.error(locs.get("package"), "[package] has no name", "add name = \"<crate name>\"");
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        Set<String> inheritedKeys = new LinkedHashSet<>();
        for (String key : INHERITABLE) {
            Object v = pkg.get(List.of(key));
            TomlTable owner = pkg;
            TomlAccess from = in;
            if (v instanceof TomlTable t && Boolean.TRUE.equals(t.get(List.of("workspace")))) {
                Object w = wsPackage == null ? null : wsPackage.get(List.of(key));
                if (w == null) {
                    diags.error(locs.get(key), "'" + key + ".workspace = true' but [workspace.package] has no '" + key + "'",
                            "add " + key + " to [workspace.package] in the root Cargo.toml, or set it here");
                    continue;
                }
                inheritedKeys.add(key);
                v = w;
                owner = wsPackage;
                from = rootAccess;
            }
            if (v != null && typed(from, owner, key)) {
                values.put(key, v);
            }
        }
        String version = values.get("version") instanceof String s ? s : null;
        List<String> publishTo;
        Object pub = values.get("publish");
        if (version == null) {
            version = "0.0.0";
            publishTo = List.of(); // cargo: no version means publish = false
        } else if (pub instanceof Boolean b) {
            publishTo = b ? null : List.of();
        } else if (pub instanceof TomlArray a) {
            publishTo = strings(a);
        } else if (pub != null) {
            publishTo = List.of(); // wrong type: reported
        } else {
            publishTo = null;
        }
        Path licenseFile = null;
        if (values.get("license-file") instanceof String lf) {
            licenseFile = (inheritedKeys.contains("license-file") ? wsRoot : dir).resolve(lf).normalize();
        }
        // the readme the manifest declares; cargo's default (README.md, README.txt or README in the crate's
        // directory) is not looked for: nothing here reads it, and three stats a crate are most of a large
        // workspace's file system work
        Path readme = null;
        Object rd = values.get("readme");
        if (rd instanceof String r) {
            readme = (inheritedKeys.contains("readme") ? wsRoot : dir).resolve(r).normalize();
        } else if (Boolean.TRUE.equals(rd)) {
            readme = dir.resolve("README.md");
        }
        List<CargoDependency> deps = new ArrayList<>();
        for (DependencyTable table : DependencyTable.of(toml, in)) {
            for (String key : table.table().keySet()) {
                Location at = TomlEditor.location(manifest, toml.inputPositionOf(table.keyPath(key)));
                CargoDependency d = dependency(key, table.table().get(List.of(key)), table.kind(), table.target(),
                        dir, in, rootAccess, at, diags);
                if (d != null) {
                    deps.add(d);
                }
            }
        }
        return new CargoPackage(name, version, manifest, dir, publishTo,
                values.get("description") instanceof String d ? d : null,
                values.get("license") instanceof String l ? l : null,
                licenseFile, readme,
                values.get("keywords") instanceof TomlArray k ? strings(k) : List.of(),
                values.get("categories") instanceof TomlArray c ? strings(c) : List.of(),
                List.copyOf(deps), Collections.unmodifiableMap(locs), Collections.unmodifiableSet(inheritedKeys),
                features(toml));
    }

    /** The [features] table: each feature with what it enables (values that are not strings left out). */
    private static Map<String, List<String>> features(TomlTable toml) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (toml.get(List.of("features")) instanceof TomlTable f) {
            for (String k : f.keySet()) {
                out.put(k, f.get(List.of(k)) instanceof TomlArray a ? strings(a) : List.of());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Checks the type of an inheritable [package] key: false (an error reported) when it is wrong. */
    private static boolean typed(TomlAccess in, TomlTable owner, String key) {
        Object v = owner.get(List.of(key));
        switch (key) {
            case "publish":
                return v instanceof Boolean || in.strings(owner, key, key) != null;
            case "readme":
                return v instanceof Boolean || in.string(owner, key, key) != null;
            case "keywords", "categories", "authors", "include", "exclude":
                return in.strings(owner, key, key) != null;
            default:
                return in.string(owner, key, key) != null;
        }
    }

    private CargoDependency dependency(String key, Object spec, DependencyKind kind, String target, Path dir,
            TomlAccess in, TomlAccess rootAccess, Location at, Diagnostics diags) {
        if (spec instanceof String req) {
            return new CargoDependency(key, key, req, null, null, null, null, false, true, List.of(), kind, target, false, at);
        }
        if (!(spec instanceof TomlTable t)) {
            diags.error(at, "dependency '" + key + "' must be a version string or a table",
                    "write " + key + " = \"1.0\" or " + key + " = { path = \"...\", version = \"...\" }");
            return null;
        }
        boolean inherited = Boolean.TRUE.equals(t.get(List.of("workspace")));
        TomlTable base = t;
        TomlAccess baseIn = in;
        Path baseDir = dir;
        List<String> features = new ArrayList<>(in.stringsOrEmpty(t, "features", "features"));
        if (inherited) {
            Object w = wsDeps == null ? null : wsDeps.get(List.of(key));
            if (w == null) {
                diags.error(at, "dependency '" + key + "' uses workspace = true but [workspace.dependencies] has no '"
                        + key + "'", "add " + key + " to [workspace.dependencies] in the root Cargo.toml");
                return null;
            }
            if (w instanceof String req) {
                return new CargoDependency(key, key, req, null, null, null, null,
                        in.bool(t, "optional", "optional", false), true, List.copyOf(features), kind, target, true, at);
            }
            if (!(w instanceof TomlTable wt)) {
                diags.error(rootAccess.valueAt(wsDeps, key), "workspace dependency '" + key
                        + "' must be a version string or a table, found " + TomlAccess.typeName(w),
                        "write " + key + " = \"1.0\" or " + key + " = { path = \"...\", version = \"...\" }");
                return null;
            }
            base = wt;
            baseIn = rootAccess;
            baseDir = wsRoot;
            for (String f : baseIn.stringsOrEmpty(base, "features", "features")) {
                if (!features.contains(f)) {
                    features.add(f);
                }
            }
        }
        String pkg = baseIn.string(base, "package", "package");
        String pathStr = baseIn.string(base, "path", "path");
        Path path = pathStr == null || !inherited ? null : rootRelative.get(pathStr);
        if (path == null && pathStr != null) {
            path = baseDir.resolve(pathStr).normalize();
            path = memberDirs.getOrDefault(path, path);
            if (inherited) {
                rootRelative.put(pathStr, path);
            }
        }
        boolean defaultFeatures = base.contains("default-features")
                ? baseIn.bool(base, "default-features", "default-features", true)
                : baseIn.bool(base, "default_features", "default_features", true);
        return new CargoDependency(key, pkg == null ? key : pkg, baseIn.string(base, "version", "version"), path,
                baseIn.string(base, "registry", "registry"), baseIn.string(base, "registry-index", "registry-index"),
                baseIn.string(base, "git", "git"), in.bool(t, "optional", "optional", false),
                defaultFeatures, List.copyOf(features), kind, target, inherited, at);
    }

    private static List<String> strings(TomlArray a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; a != null && i < a.size(); i++) {
            out.add(String.valueOf(a.get(i)));
        }
        return out;
    }
}
