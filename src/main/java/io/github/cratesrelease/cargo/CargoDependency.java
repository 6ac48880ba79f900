package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Location;
import java.nio.file.Path;
import java.util.List;

/**
 * One dependency of a package, after {@code workspace = true} inheritance.
 *
 * @param key          the name written in the manifest (the rename when {@code package = ...} is used)
 * @param packageName  the real package name
 * @param req          the version requirement as written, or null when none
 * @param path         absolute path of a path dependency's directory, or null
 * @param registry     the {@code registry = "..."} name, or null (crates.io unless {@code registryIndex})
 * @param registryIndex the {@code registry-index = "..."} URL, or null
 * @param git          the {@code git = "..."} URL, or null
 * @param target       the {@code target.<cfg>} key of a platform-specific table, or null
 * @param inherited    declared with {@code workspace = true}
 * @param location     where the dependency is declared in the package's manifest
 */
public record CargoDependency(
        String key,
        String packageName,
        String req,
        Path path,
        String registry,
        String registryIndex,
        String git,
        boolean optional,
        boolean defaultFeatures,
        List<String> features,
        DependencyKind kind,
        String target,
        boolean inherited,
        Location location) {

    public boolean isRenamed() {
        return !key.equals(packageName);
    }

    /**
     * Whether the dependency orders publishing: normal and build dependencies always, dev-dependencies only
     * when versioned (cargo strips unversioned path dev-dependencies when packaging).
     */
    public boolean ordersPublish() {
        return kind != DependencyKind.DEV || req != null;
    }

    /** The table it was declared in, for messages: {@code [dependencies]}, {@code [target.'cfg(unix)'.dev-dependencies]}. */
    public String table() {
        return target == null ? "[" + kind.tableName() + "]" : "[target.'" + target + "'." + kind.tableName() + "]";
    }
}
