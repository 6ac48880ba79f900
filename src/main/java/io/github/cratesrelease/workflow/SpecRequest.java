package io.github.cratesrelease.workflow;

import java.nio.file.Path;

/**
 * What a goal asks of the engine.
 *
 * @param spec            the release spec file
 * @param outputDirectory where reports go; null means {@code target/crates} next to the spec
 * @param dryRun          change nothing
 * @param force           overwrite existing files (init)
 * @param failOnWarnings  treat warnings as errors (validate)
 */
public record SpecRequest(Path spec, Path outputDirectory, boolean dryRun, boolean force, boolean failOnWarnings) {

    public static SpecRequest of(Path spec) {
        return new SpecRequest(spec, null, false, false, false);
    }

    public Path resolvedOutputDirectory() {
        if (outputDirectory != null) {
            return outputDirectory.toAbsolutePath().normalize();
        }
        Path abs = spec.toAbsolutePath().normalize();
        return abs.getParent().resolve("target").resolve("crates");
    }
}
