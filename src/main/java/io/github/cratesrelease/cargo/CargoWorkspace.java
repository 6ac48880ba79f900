package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Location;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Cargo workspace: its root and members (in discovery order), and the root's {@code [patch.<registry>]} entries
 * that point at members.
 */
public final class CargoWorkspace {

    /** The registry name cargo gives crates.io (also the default of a dependency without {@code registry}). */
    public static final String CRATES_IO = "crates-io";

    /**
     * A {@code [patch.<registry>]} entry of the root manifest whose {@code path} is a member's directory: cargo builds
     * the member wherever a dependency asks {@code registry} for {@code name}, so such requirements are sibling
     * requirements.
     *
     * @param registry  the patched registry's name ({@code crates-io} or a name from {@code [registries]})
     * @param name      the patched package's name (the member's name)
     * @param member    the member the entry points at
     * @param location  where the entry is written in the root manifest
     */
    public record Patch(String registry, String name, CargoPackage member, Location location) {
    }

    private final Path root;
    private final Path manifest;
    private final List<CargoPackage> members;
    private final List<Path> defaultMembers;
    private final List<Patch> patches;
    private final Set<String> workspacePackageKeys;
    // lookups by name, directory and patched name: a workspace of thousands of crates asks them per dependency
    private final Map<String, CargoPackage> byName = new HashMap<>();
    private final Map<Path, CargoPackage> byDir = new HashMap<>();
    private final Map<String, Patch> byPatch = new HashMap<>();

    public CargoWorkspace(Path root, Path manifest, List<CargoPackage> members, List<Path> defaultMembers,
            List<Patch> patches, Set<String> workspacePackageKeys) {
        this.root = root;
        this.workspacePackageKeys = Set.copyOf(workspacePackageKeys);
        this.manifest = manifest;
        this.members = List.copyOf(members);
        this.defaultMembers = List.copyOf(defaultMembers);
        this.patches = List.copyOf(patches);
        for (CargoPackage p : this.members) {
            byName.putIfAbsent(p.name(), p);
            byDir.putIfAbsent(p.dir(), p);
        }
        for (Patch p : this.patches) {
            byPatch.putIfAbsent(p.registry() + "\n" + p.name(), p);
        }
    }

    public CargoWorkspace(Path root, Path manifest, List<CargoPackage> members, List<Path> defaultMembers) {
        this(root, manifest, members, defaultMembers, List.of(), Set.of());
    }

    /** The keys the root's {@code [workspace.package]} defines, which members may inherit (empty without one). */
    public Set<String> workspacePackageKeys() {
        return workspacePackageKeys;
    }

    public Path root() {
        return root;
    }

    public Path manifest() {
        return manifest;
    }

    /** The members, in discovery order. */
    public List<CargoPackage> members() {
        return members;
    }

    public List<Path> defaultMembers() {
        return defaultMembers;
    }

    public List<Patch> patches() {
        return patches;
    }

    public Optional<CargoPackage> member(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The member a dependency points at: a path dependency whose directory is a member's, or a registry dependency
     * that a {@code [patch.<registry>]} entry of the root redirects to a member.
     */
    public Optional<CargoPackage> target(CargoDependency d) {
        if (d.path() != null) {
            CargoPackage p = byDir.get(d.path());  // a member's own directory instance, read from its manifest
            return Optional.ofNullable(p != null ? p : byDir.get(d.path().normalize()));
        }
        if (d.git() != null || d.registryIndex() != null) {
            return Optional.empty();
        }
        return patched(d.registry(), d.packageName()).map(Patch::member);
    }

    /** The patch entry that redirects {@code name} from {@code registry} (null: crates.io) to a member, if any. */
    public Optional<Patch> patched(String registry, String name) {
        String r = registry == null ? CRATES_IO : registry;
        return Optional.ofNullable(byPatch.get(r + "\n" + name));
    }

    @Override
    public String toString() {
        return "CargoWorkspace[root=" + root + ", members=" + members.size() + "]";
    }
}
