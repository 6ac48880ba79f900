package io.github.cratesrelease.cargo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

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
            TomlParseResult t = Toml.parse(Files.readString(manifest));
            return t.getTable("workspace") != null;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
