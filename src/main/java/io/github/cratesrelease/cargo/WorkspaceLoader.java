package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Cargo workspace the way cargo does: {@code members} globs and {@code exclude},
 * {@code default-members}, implicit members (path dependencies inside the workspace); each member's manifest is
 * modelled by a {@link PackageReader} ({@code [workspace.package]} and {@code [workspace.dependencies]} inheritance,
 * normal/dev/build and target-specific dependency tables, renamed dependencies). TOML errors are reported located,
 * all at once.
 */
public final class WorkspaceLoader {

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
        Load load = new Load(dir, manifest, rootToml, files.access(manifest), diags);
        TomlTable ws = load.ws;
        List<Path> defaultMembers = new ArrayList<>();
        if (rootToml.get(List.of("package")) != null || rootToml.get(List.of("project")) != null) {
            load.memberDirs.put(dir, dir);
        }
        if (ws != null) {
            TomlAccess rootAccess = load.rootAccess;
            for (String e : rootAccess.stringsOrEmpty(ws, "exclude", "exclude")) {
                Path p = MemberGlobs.under(dir, e, rootAccess.valueAt(ws, "exclude"), "exclude", diags);
                if (p != null) {
                    load.exclude.add(p);
                }
            }
            load.memberEntries = rootAccess.strings(ws, "members", "members") == null ? null : ws.getArray("members");
            for (int i = 0; load.memberEntries != null && i < load.memberEntries.size(); i++) {
                load.listEntry(i);
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
        List<Path> listed = new ArrayList<>(load.memberDirs.keySet());
        files.readAhead(listed, (d, m, toml, in, findings) -> load.reader.read(d, m, toml, in,
                load.rootAccess.reportingTo(findings), findings));
        load.queue.addAll(listed);
        load.queued.addAll(listed);
        for (int i = 0; !load.queue.isEmpty(); i++) {
            load.readMember(load.queue.removeFirst(), i < listed.size() ? i : -1);
        }
        diags.throwIfErrors("the workspace manifests have errors");
        List<CargoPackage> members = List.copyOf(load.packages.values());
        return new CargoWorkspace(dir, manifest, members, defaultMembers, patches(rootToml, manifest, members),
                load.wsPackage == null ? Set.of() : Set.copyOf(load.wsPackage.keySet()));
    }

    /** One load's state: the root, the members found so far and the ones still to read. */
    private final class Load {
        final Path dir;
        final Path manifest;
        final TomlParseResult rootToml;
        final TomlAccess rootAccess;
        final TomlTable ws;
        final TomlTable wsPackage;
        final Diagnostics diags;
        final PackageReader reader;
        final List<Path> exclude = new ArrayList<>();
        /** The members listed, each directory to the one instance every later lookup uses (its hash computed once). */
        final Map<Path, Path> memberDirs = new LinkedHashMap<>();
        TomlArray memberEntries;
        final Deque<Path> queue = new ArrayDeque<>();
        final Set<Path> queued = new HashSet<>();
        final Map<Path, CargoPackage> packages = new LinkedHashMap<>();

        Load(Path dir, Path manifest, TomlParseResult rootToml, TomlAccess rootAccess, Diagnostics diags) {
            this.dir = dir;
            this.manifest = manifest;
            this.rootToml = rootToml;
            this.rootAccess = rootAccess;
            this.diags = diags;
            this.ws = rootAccess.table(rootToml, "workspace", "workspace");
            this.wsPackage = ws == null ? null : rootAccess.table(ws, "package", "workspace.package");
            this.reader = new PackageReader(dir, wsPackage, ws == null ? null : rootAccess.table(ws, "dependencies",
                    "workspace.dependencies"), memberDirs);
        }

        /** The members entry {@code i}: a path, or a glob expanded. */
        void listEntry(int i) {
            String pattern = String.valueOf(memberEntries.get(i));
            try {
                if (!MemberGlobs.isGlob(pattern)) {
                    // a member named as a path is not looked at here (a thousand stats before the first read):
                    // reading its manifest finds it, and one without is reported at this entry in its turn
                    Path p = dir.resolve(pattern).normalize();
                    memberDirs.putIfAbsent(p, p);
                    return;
                }
                for (Path p : MemberGlobs.expand(dir, pattern)) {
                    if (!MemberGlobs.isExcluded(p, exclude)) {
                        memberDirs.putIfAbsent(p, p);
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

        /**
         * Reads the member in {@code memberDir} (the {@code listed}-th member listed, or -1 for one a path dependency
         * led to) and queues the members its path dependencies lead to.
         */
        void readMember(Path memberDir, int listed) {
            boolean root = memberDir.equals(dir);
            ManifestFiles.Read ahead = root ? null : files.ahead(listed);
            CargoPackage pkg;
            if (ahead != null) {
                diags.addAll(ahead.findings());
                pkg = ahead.modelled() ? (CargoPackage) ahead.model() : null;
            } else {
                Path m = memberDir.resolve("Cargo.toml");
                if (!root && !Files.isRegularFile(m) && noManifest(memberEntries, dir, memberDir, manifest, diags)) {
                    return;
                }
                TomlParseResult toml = root ? rootToml : files.parse(m, diags);
                if (toml == null || toml.hasErrors()) {
                    return;
                }
                pkg = reader.read(memberDir, m, toml, root ? rootAccess : files.access(m), rootAccess, diags);
            }
            if (pkg == null) {
                return;
            }
            packages.put(memberDir, pkg);
            if (ws == null) {
                return; // a lone package is its own workspace: path deps are not members
            }
            for (CargoDependency d : pkg.dependencies()) {
                Path p = d.path();
                if (p != null && p.startsWith(dir) && !MemberGlobs.isExcluded(p, exclude) && queued.add(p)
                        && Files.isRegularFile(p.resolve("Cargo.toml"))) {
                    queue.add(p);
                }
            }
        }
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
}
