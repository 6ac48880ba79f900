package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the workspace a directory belongs to, as cargo does: the nearest ancestor whose Cargo.toml has [workspace]. */
public final class WorkspaceRoot {

    private WorkspaceRoot() {
    }

    /** The workspace root containing {@code dir} (itself included), or {@code dir} when there is none above it. */
    public static Path of(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            Path manifest = d.resolve("Cargo.toml");
            if (Files.isRegularFile(manifest) && hasWorkspace(manifest)) {
                return d;
            }
        }
        return start;
    }

    private static boolean hasWorkspace(Path manifest) {
        try {
            TomlParseResult t = TomlAccess.parse(manifest, TextFiles.read(manifest), new Diagnostics());
            return t.get("workspace") instanceof TomlTable;
        } catch (RuntimeException unreadable) { // not UTF-8, too large, not TOML: not the root cargo would take
            return false;
        }
    }
}
