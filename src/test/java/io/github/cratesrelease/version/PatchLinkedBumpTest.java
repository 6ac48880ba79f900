package io.github.cratesrelease.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bumping a crate of a tokio-shaped workspace, whose members require each other from crates.io and are linked only
 * through the root's {@code [patch.crates-io]}: the requirements on it follow, in their own style, and cargo then
 * still builds the siblings (every patch used, Cargo.lock in step).
 */
class PatchLinkedBumpTest {

    @TempDir
    Path tmp;

    private static BumpEngine.BumpResult bump(Path ws, VersionBump.Level level, String crate, RecordingReporter out) {
        return new BumpEngine(BumpGoldenTest.env(), out).bump(new BumpRequest(ws.resolve("release.yaml"), level,
                null, List.of(crate), false, false, BumpGoldenTest.DAY));
    }

    private static String read(Path ws, String rel) throws IOException {
        return Files.readString(ws.resolve(rel));
    }

    @Test
    void requirementsOnAPatchedMemberFollowItsBump() throws IOException {
        Path ws = Fixtures.workspace("patch-linked", tmp);
        Processes.ok(ws, "cargo", "generate-lockfile", "--offline");
        RecordingReporter out = new RecordingReporter();
        var result = bump(ws, VersionBump.Level.MINOR, "tokio-util", out);
        assertEquals(List.of("tokio-util"), result.changes().stream().map(VersionPlanner.Change::name).toList());
        assertTrue(read(ws, "tokio-util/Cargo.toml").contains("version = \"0.8.0\""));
        assertTrue(read(ws, "tokio-stream/Cargo.toml").contains("tokio-util = { version = \"0.8.0\", optional = true }"),
                read(ws, "tokio-stream/Cargo.toml"));
        assertTrue(read(ws, "examples/Cargo.toml").contains("tokio-util = \"0.8\"\n"), read(ws, "examples/Cargo.toml"));
        assertTrue(out.text().contains("tokio-stream/Cargo.toml:13:16: [dependencies] tokio-util requirement 0.7.0 "
                + "-> 0.8.0"), out.text());
        // cargo agrees: every [patch] entry is used (an unmatched one would send cargo to crates.io, offline: fails)
        Processes.ok(ws, "cargo", "metadata", "--format-version", "1", "--locked", "--offline");
        assertTrue(new Analyzer(Map.of()).analyze(ws.resolve("release.yaml")).diagnostics().errors().isEmpty());
    }

    @Test
    void aWorkspaceDependencyOnAPatchedMemberFollowsToo() throws IOException {
        Path ws = Fixtures.workspace("patch-linked", tmp);
        Processes.ok(ws, "cargo", "generate-lockfile", "--offline");
        RecordingReporter out = new RecordingReporter();
        bump(ws, VersionBump.Level.MAJOR, "tokio", out);
        assertTrue(read(ws, "tokio/Cargo.toml").contains("version = \"2.0.0\""));
        assertTrue(read(ws, "Cargo.toml").contains("tokio = { version = \"2.0.0\", features = [\"sync\"] }"),
                read(ws, "Cargo.toml"));
        assertTrue(read(ws, "tokio-stream/Cargo.toml").contains("tokio = { version = \"2.0.0\", features"));
        assertTrue(read(ws, "tokio-test/Cargo.toml").contains("tokio = { version = \"2.0.0\", features"));
        Processes.ok(ws, "cargo", "metadata", "--format-version", "1", "--locked", "--offline");
        // tokio-util inherits the [workspace.dependencies] entry: named in the note; examples is never published
        String text = out.text();
        assertTrue(text.contains("Note: requirements of tokio-stream, tokio-test, tokio-util changed, but they are "
                + "not bumped"), text);
        assertTrue(text.contains("examples/Cargo.toml:8:11: [dev-dependencies] tokio requirement 1.0.0 -> 2.0.0"), text);
        assertFalse(text.lines().anyMatch(l -> l.contains("Note:") && l.contains("examples")), text);
    }
}
