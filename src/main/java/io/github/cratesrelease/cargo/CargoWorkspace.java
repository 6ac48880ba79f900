package io.github.cratesrelease.cargo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A Cargo workspace: its root and members (in discovery order). */
public record CargoWorkspace(Path root, Path manifest, List<CargoPackage> members, List<Path> defaultMembers) {

    public Optional<CargoPackage> member(String name) {
        return members.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The member a dependency points at: a path dependency whose directory is a member's. */
    public Optional<CargoPackage> target(CargoDependency d) {
        if (d.path() == null) {
            return Optional.empty();
        }
        Path dir = d.path().normalize();
        return members.stream().filter(p -> p.dir().equals(dir)).findFirst();
    }
}
