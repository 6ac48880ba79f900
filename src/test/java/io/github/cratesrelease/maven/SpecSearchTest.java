package io.github.cratesrelease.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cratesrelease.cargo.WorkspaceRoot;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run from a crate's directory, the goals find the spec and the workspace root upward, as cargo does. */
class SpecSearchTest {

    @TempDir
    Path tmp;

    @Test
    void theSpecIsFoundInAParentDirectoryButNotAboveTheRepository() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Fixtures.write(repo.resolve("release.yaml"), "version: 1\n");
        Path crate = Files.createDirectories(repo.resolve("crates/core/src"));
        assertEquals(repo.resolve("release.yaml"), AbstractCratesMojo.findSpec(crate));
        Fixtures.write(tmp.resolve("release.yaml"), "version: 1\n");  // outside the repository: never taken
        Path other = Files.createDirectories(tmp.resolve("other/.git").getParent().resolve("x"));
        Files.createDirectories(tmp.resolve("other/.git"));
        assertEquals(other.resolve("release.yaml"), AbstractCratesMojo.findSpec(other));
    }

    @Test
    void initFromACrateDirectoryWritesTheSpecAtTheWorkspaceRoot() throws Exception {
        Path ws = tmp.resolve("ws");
        Fixtures.write(ws.resolve("Cargo.toml"), "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.package]\n"
                + "version = \"0.1.0\"\n");
        Fixtures.write(ws.resolve("crates/a/Cargo.toml"), "[package]\nname = \"a\"\nversion.workspace = true\n");
        assertEquals(ws.toAbsolutePath(), WorkspaceRoot.of(ws.resolve("crates/a")));
        assertEquals(ws.toAbsolutePath().resolve("release.yaml"), new InitMojo().defaultSpec(ws.resolve("crates/a")));
    }
}
