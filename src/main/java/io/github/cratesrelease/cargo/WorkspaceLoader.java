package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Cargo workspace the way cargo does: {@code members} globs and {@code exclude},
 * {@code default-members}, implicit members (path dependencies inside the workspace), {@code [workspace.package]}
 * and {@code [workspace.dependencies]} inheritance, normal/dev/build and target-specific dependency tables,
 * renamed dependencies. TOML errors are reported located, all at once.
 */
public final class WorkspaceLoader {

    private static final List<String> INHERITABLE = List.of("version", "description", "license", "license-file",
            "readme", "keywords", "categories", "publish", "edition", "rust-version", "repository", "homepage",
            "documentation", "authors", "include", "exclude");

    private final ManifestFiles files;

    public WorkspaceLoader() {
        this(ManifestFiles.READ_AHEAD_FROM);
    }

    /** Reads the members' manifests ahead, on every core, from {@code readAheadFrom} members on. */
    WorkspaceLoader(int readAheadFrom) {
        this.files = new ManifestFiles(readAheadFrom);
    }

    /** Loads the workspace whose root manifest is {@code root/Cargo.toml}. */
    public CargoWorkspace load(Path root) {
        return load(root, null);
    }

    /** As {@link #load(Path)}; {@code namedAt}, where the spec names the directory, is the place of "no Cargo.toml". */
    public CargoWorkspace load(Path root, Location namedAt) {
        Path dir = root.toAbsolutePath().normalize();
        Path manifest = dir.resolve("Cargo.toml");
        Diagnostics diags = new Diagnostics();
        if (!Files.isRegularFile(manifest)) {
            throw new ReleaseException(Diagnostic.error(namedAt != null ? namedAt : Location.of(manifest),
                    "no Cargo.toml at the workspace root " + dir + (namedAt != null ? ", the directory named here" : ""),
                    "set 'workspace:' in the spec to the directory that holds the workspace's root Cargo.toml"));
        }
        TomlParseResult rootToml = files.parse(manifest, diags);
        diags.throwIfErrors("the workspace manifest has errors");
        if (!rootToml.contains("workspace") && !rootToml.contains("package")) {
            throw new ReleaseException(Diagnostic.error(new Location(manifest, 1, 1), "the root Cargo.toml has neither "
                    + "[workspace] nor [package]: cargo sees no crate here",
                    "add [workspace] with members = [\"crates/*\"] (or a [package]), or point the spec's workspace: "
                            + "at the directory of the workspace's root Cargo.toml"));
        }
        TomlAccess rootAccess = files.access(manifest);
        TomlTable ws = rootAccess.table(rootToml, "workspace", "workspace");
        TomlTable wsPackage = ws == null ? null : rootAccess.table(ws, "package", "workspace.package");
        TomlTable wsDeps = ws == null ? null : rootAccess.table(ws, "dependencies", "workspace.dependencies");

        List<Path> exclude = new ArrayList<>();
        LinkedHashSet<Path> memberDirs = new LinkedHashSet<>();
        List<Path> defaultMembers = new ArrayList<>();
        TomlArray memberEntries = null;
        if (rootToml.get(List.of("package")) != null || rootToml.get(List.of("project")) != null) {
            memberDirs.add(dir);
        }
        if (ws != null) {
            for (String e : rootAccess.stringsOrEmpty(ws, "exclude", "exclude")) {
                Path p = MemberGlobs.under(dir, e, rootAccess.valueAt(ws, "exclude"), "exclude", diags);
                if (p != null) {
                    exclude.add(p);
                }
            }
            memberEntries = rootAccess.strings(ws, "members", "members") == null ? null : ws.getArray("members");
            for (int i = 0; memberEntries != null && i < memberEntries.size(); i++) {
                String pattern = String.valueOf(memberEntries.get(i));
                boolean glob = MemberGlobs.isGlob(pattern);
                try {
                    if (!glob) {
                        // a member named as a path is not looked at here (a thousand stats before the first read):
                        // reading its manifest finds it, and one without is reported at this entry in its turn
                        memberDirs.add(dir.resolve(pattern).normalize());
                        continue;
                    }
                    for (Path p : MemberGlobs.expand(dir, pattern)) {
                        if (!MemberGlobs.isExcluded(p, exclude)) {
                            memberDirs.add(p);
                        }
                    }
                } catch (PatternSyntaxException | InvalidPathException e) {
                    diags.error(TomlEditor.location(manifest, memberEntries.inputPositionOf(i)), "workspace member '"
                            + MemberGlobs.shown(pattern) + "' is not a valid path or glob: "
                            + (e instanceof PatternSyntaxException p ? p.getDescription().replaceAll("^(Missing '.)$", "$1'")
                                    : ((InvalidPathException) e).getReason()),
                            "fix this entry of [workspace] members, e.g. \"crates/*\"");
                }
            }
            for (String d : rootAccess.stringsOrEmpty(ws, "default-members", "default-members")) {
                Path p = MemberGlobs.under(dir, d, rootAccess.valueAt(ws, "default-members"), "default-members",
                        diags);
                if (p != null) {
                    defaultMembers.add(p);
                }
            }
        }

        // each member is modelled on the thread that parsed it; the root's accessor reports into that member's
        // findings, which are reported in member order as a read one by one would
        files.readAhead(memberDirs, (m, toml, in, findings) -> readPackage(dir, m, toml, in,
                rootAccess.reportingTo(findings), wsPackage, wsDeps, findings));
        Map<Path, CargoPackage> packages = new LinkedHashMap<>();
        Deque<Path> queue = new ArrayDeque<>(memberDirs);
        Set<Path> queued = new LinkedHashSet<>(memberDirs);
        while (!queue.isEmpty()) {
            Path memberDir = queue.removeFirst();
            Path m = memberDir.resolve("Cargo.toml");
            if (!memberDir.equals(dir) && !files.readAhead(m) && !Files.isRegularFile(m)
                    && noManifest(memberEntries, dir, memberDir, manifest, diags)) {
                continue;
            }
            TomlParseResult toml = memberDir.equals(dir) ? rootToml : files.parse(m, diags);
            if (toml == null || toml.hasErrors()) {
                continue;
            }
            CargoPackage pkg = files.modelled(m) ? (CargoPackage) files.model(m)
                    : readPackage(dir, m, toml, files.access(m), rootAccess, wsPackage, wsDeps, diags);
            if (pkg == null) {
                continue;
            }
            packages.put(memberDir, pkg);
            if (ws == null) {
                continue; // a lone package is its own workspace: path deps are not members
            }
            for (CargoDependency d : pkg.dependencies()) {
                Path p = d.path();
                if (p != null && p.startsWith(dir) && !MemberGlobs.isExcluded(p, exclude) && queued.add(p)
                        && Files.isRegularFile(p.resolve("Cargo.toml"))) {
                    queue.add(p);
                }
            }
        }
        diags.throwIfErrors("the workspace manifests have errors");
        List<CargoPackage> members = List.copyOf(packages.values());
        return new CargoWorkspace(dir, manifest, members, defaultMembers, patches(rootToml, manifest, members));
    }

    /**
     * Reports each entry of {@code members} that names {@code memberDir} as a path, for a member without a
     * Cargo.toml; false when none does (a member found otherwise, whose manifest is gone since).
     */
    private static boolean noManifest(TomlArray members, Path dir, Path memberDir, Path manifest, Diagnostics diags) {
        boolean named = false;
        for (int i = 0; members != null && i < members.size(); i++) {
            String pattern = String.valueOf(members.get(i));
            if (!MemberGlobs.isGlob(pattern) && dir.resolve(pattern).normalize().equals(memberDir)) {
                diags.error(TomlEditor.location(manifest, members.inputPositionOf(i)), "workspace member '" + pattern
                        + "' has no Cargo.toml", "create " + pattern + "/Cargo.toml or remove it from [workspace] members");
                named = true;
            }
        }
        return named;
    }

    /** The keys {@code [workspace.package]} of a root manifest defines (empty when it has none or cannot be read). */
    public static Set<String> workspacePackageKeys(Path rootManifest) {
        try {
            TomlParseResult r = Files.isRegularFile(rootManifest)
                    ? TomlAccess.parse(rootManifest, TextFiles.read(rootManifest), new Diagnostics()) : null;
            return r != null && r.get(List.of("workspace", "package")) instanceof TomlTable t ? Set.copyOf(t.keySet())
                    : Set.of();
        } catch (ReleaseException | UncheckedIOException unreadable) { // reported by load
            return Set.of();
        }
    }

    /**
     * The root's {@code [patch.<registry>]} entries whose {@code path} is a member's directory (cargo reads
     * {@code [patch]} in the root manifest only). A registry written as crates.io's index URL counts as crates-io.
     */
    private static List<CargoWorkspace.Patch> patches(TomlParseResult rootToml, Path manifest,
            List<CargoPackage> members) {
        List<CargoWorkspace.Patch> out = new ArrayList<>();
        if (!(rootToml.get(List.of("patch")) instanceof TomlTable patch)) {
            return out;
        }
        Path dir = manifest.getParent();
        for (String registry : patch.keySet()) {
            if (!(patch.get(List.of(registry)) instanceof TomlTable entries)) {
                continue;
            }
            String name = registry.equals(CRATES_IO_INDEX) ? CargoWorkspace.CRATES_IO : registry;
            for (String key : entries.keySet()) {
                if (entries.get(List.of(key)) instanceof TomlTable e && e.get(List.of("path")) instanceof String p) {
                    Path target = dir.resolve(p).normalize();
                    members.stream().filter(m -> m.dir().equals(target)).findFirst()
                            .ifPresent(m -> out.add(new CargoWorkspace.Patch(name, m.name(), m, TomlEditor.location(
                                    manifest, rootToml.inputPositionOf(List.of("patch", registry, key))))));
                }
            }
        }
        return List.copyOf(out);
    }

    private static final String CRATES_IO_INDEX = "https://github.com/rust-lang/crates.io-index";

    private CargoPackage readPackage(Path wsRoot, Path manifest, TomlParseResult toml, TomlAccess in,
            TomlAccess rootAccess, TomlTable wsPackage, TomlTable wsDeps, Diagnostics diags) {
        boolean isProject = toml.get(List.of("package")) == null && toml.get(List.of("project")) != null;
        String pkgKey = isProject ? "project" : "package";
        if (toml.get(List.of(pkgKey)) != null && in.table(toml, pkgKey, pkgKey) == null) {
            return null; // wrong type: reported
        }
        TomlTable pkg = toml.getTable(pkgKey);
        if (pkg == null) {
            diags.error(new Location(manifest, 1, 1), "no [package] table", "a workspace member needs a [package] section");
            return null;
        }
        Path dir = manifest.getParent();
        Map<String, Location> locs = new LinkedHashMap<>();
        locs.put("package", TomlEditor.location(manifest, toml.inputPositionOf(List.of("package"))));
        for (String k : pkg.keySet()) {
            locs.put(k, TomlEditor.location(manifest, toml.inputPositionOf(List.of("package", k))));
        }
        if (pkg.get(List.of("name")) != null && in.string(pkg, "name", "name") == null) {
            return null;
        }
        String name = pkg.getString("name");
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
                        wsRoot, manifest, in, rootAccess, wsDeps, at, diags);
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

    private CargoDependency dependency(String key, Object spec, DependencyKind kind, String target, Path wsRoot,
            Path manifest, TomlAccess in, TomlAccess rootAccess, TomlTable wsDeps, Location at, Diagnostics diags) {
        Path dir = manifest.getParent();
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
        Path path = pathStr == null ? null : baseDir.resolve(pathStr).normalize();
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
