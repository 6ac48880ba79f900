package io.github.cratesrelease.plan;

import java.nio.file.Path;
import java.util.List;

/** The publish order: waves of crates; a crate depends only on crates of earlier waves. */
public record PublishPlan(List<Wave> waves, boolean explicitOrder) {

    /** A crate to publish, with the released crates it must follow. */
    public record PlannedCrate(String name, String version, String registry, Path manifest, List<String> dependsOn) {
    }

    public record Wave(int number, List<PlannedCrate> crates) {
    }

    public int crateCount() {
        return waves.stream().mapToInt(w -> w.crates().size()).sum();
    }

    public List<PlannedCrate> crates() {
        return waves.stream().flatMap(w -> w.crates().stream()).toList();
    }
}
