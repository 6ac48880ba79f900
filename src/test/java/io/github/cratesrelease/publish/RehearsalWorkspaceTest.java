package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RehearsalWorkspaceTest {

    private static final Path WS = Path.of("/ws").toAbsolutePath();

    @Test
    void pathDependenciesOnReleasedCratesPointAtTheRehearsalRegistryAndNothingElseChanges() {
        String before = """
                [package]
                name = "x"  # keep me
                version = "0.1.0"
                publish = ["crates-io", "corp"]

                [dependencies]
                a = { path = "../a", version = "0.1.0" }   # inline
                ext = "1.0"
                keep = { path = "../not-released", version = "1" }
                r = { path = "../r", version = "1", registry = "corp" }

                [dependencies.b]
                version = "0.1"
                path = "../b"

                [dev-dependencies]
                a.path = "../a"
                a.version = "0.1.0"

                [target.'cfg(unix)'.build-dependencies]
                b = { version = "0.1", path = "../b" }
                """;
        String after = RehearsalWorkspace.rewrite(before, WS.resolve("x"),
                Set.of(WS.resolve("a"), WS.resolve("b"), WS.resolve("r")), "rehearsal");
        assertEquals("""
                [package]
                name = "x"  # keep me
                version = "0.1.0"
                publish = true

                [dependencies]
                a = { registry = "rehearsal", path = "../a", version = "0.1.0" }   # inline
                ext = "1.0"
                keep = { path = "../not-released", version = "1" }
                r = { path = "../r", version = "1", registry = "rehearsal" }

                [dependencies.b]
                version = "0.1"
                registry = "rehearsal"
                path = "../b"

                [dev-dependencies]
                a.registry = "rehearsal"
                a.path = "../a"
                a.version = "0.1.0"

                [target.'cfg(unix)'.build-dependencies]
                b = { version = "0.1", registry = "rehearsal", path = "../b" }
                """, after);
    }

    @Test
    void workspaceDependenciesAreRewrittenRelativeToTheRoot() {
        String before = """
                [workspace]
                members = ["crates/*"]

                [workspace.package]
                publish = ["corp"]

                [workspace.dependencies]
                a = { path = "crates/a", version = "0.1.0" }
                """;
        String after = RehearsalWorkspace.rewrite(before, WS, Set.of(WS.resolve("crates/a")), "rehearsal");
        assertEquals(before.replace("publish = [\"corp\"]", "publish = true")
                .replace("a = { path", "a = { registry = \"rehearsal\", path"), after);
    }
}
