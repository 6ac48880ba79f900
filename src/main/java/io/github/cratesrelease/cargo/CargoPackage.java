package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A workspace member as its manifest declares it, with workspace inheritance applied.
 *
 * @param publishTo  null = any registry; empty = {@code publish = false}; else the allowed registry names
 * @param readme     absolute path of the readme file the manifest declares ({@code readme = "..."}, or
 *                   {@code readme = true} for README.md), or null: cargo's default when none is declared (README.md,
 *                   README.txt or README in the crate's directory) is not looked for
 * @param locations  where keys of {@code [package]} are written: "package" (the table), "name", "version",
 *                   "publish", "description", "license", "license-file", "readme", "keywords", "categories"
 * @param inherited  the [package] keys taken from [workspace.package] ({@code key.workspace = true})
 * @param features   the [features] table: each feature and what it enables
 */
public record CargoPackage(
        String name,
        String version,
        Path manifest,
        Path dir,
        List<String> publishTo,
        String description,
        String license,
        Path licenseFile,
        Path readme,
        List<String> keywords,
        List<String> categories,
        List<CargoDependency> dependencies,
        Map<String, Location> locations,
        java.util.Set<String> inherited,
        Map<String, List<String>> features) {

    /** {@code version.workspace = true}: the version is written in the root's [workspace.package]. */
    public boolean inheritsVersion() {
        return inherited.contains("version");
    }

    public boolean isPublishable() {
        return publishTo == null || !publishTo.isEmpty();
    }

    public boolean mayPublishTo(String registry) {
        return publishTo == null || publishTo.contains(registry);
    }

    /** Location of a [package] key, else of the [package] table, else of the manifest. */
    public Location at(String key) {
        Location l = locations.get(key);
        if (l == null) {
            l = locations.get("package");
        }
        return l == null ? Location.of(manifest) : l;
    }
}
