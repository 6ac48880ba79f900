package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Cargo workspace: its root and members (in discovery order), and the root's {@code [patch.<registry>]} entries
 * that point at members.
 */
public record CargoWorkspace(Path root, Path manifest, List<CargoPackage> members, List<Path> defaultMembers,
        List<Patch> patches) {

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

    public CargoWorkspace(Path root, Path manifest, List<CargoPackage> members, List<Path> defaultMembers) {
        this(root, manifest, members, defaultMembers, List.of());
    }

    public Optional<CargoPackage> member(String name) {
        return members.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The member a dependency points at: a path dependency whose directory is a member's, or a registry dependency
     * that a {@code [patch.<registry>]} entry of the root redirects to a member.
     */
    public Optional<CargoPackage> target(CargoDependency d) {
        if (d.path() != null) {
            Path dir = d.path().normalize();
            return members.stream().filter(p -> p.dir().equals(dir)).findFirst();
        }
        if (d.git() != null || d.registryIndex() != null) {
            return Optional.empty();
        }
        return patched(d.registry(), d.packageName()).map(Patch::member);
    }

    /** The patch entry that redirects {@code name} from {@code registry} (null: crates.io) to a member, if any. */
    public Optional<Patch> patched(String registry, String name) {
        String r = registry == null ? CRATES_IO : registry;
        return patches.stream().filter(p -> p.registry().equals(r) && p.name().equals(name)).findFirst();
    }
}
