package io.github.cratesrelease.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dcrates.diffFile}: the diff of a dry-run bump, applied with the real {@code git apply} to a fresh copy of
 * the workspace, gives byte for byte what the bump itself writes: manifests (one with CRLF line ends, one whose last
 * line, the edited requirement, has no newline), the root's [workspace.dependencies], Cargo.lock and a changelog.
 */
class BumpDiffFileTest {

    @TempDir
    Path tmp;

    private Path workspace(String name) throws IOException {
        Path ws = Fixtures.workspace("patch-linked", tmp.resolve(name));
        Fixtures.write(ws.resolve("release.yaml"), Files.readString(ws.resolve("release.yaml"))
                + "versioning:\n  mode: shared\nchangelog:\n  path: CHANGELOG.md\n");
        Fixtures.write(ws.resolve("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Fixed\n- A wake-up lost "
                + "under load.\n\n## [1.40.0] - 2026-10-01\n\n### Added\n- The first release.\n");
        Path util = ws.resolve("tokio-util/Cargo.toml");
        Files.writeString(util, Files.readString(util).replace("\n", "\r\n"));
        Path stream = ws.resolve("tokio-stream/Cargo.toml");
        Files.writeString(stream, Files.readString(stream).stripTrailing());
        Processes.ok(ws, "cargo", "generate-lockfile", "--offline");
        return ws;
    }

    private static BumpEngine.BumpResult bump(Path ws, boolean dryRun, Path diffFile) {
        return new BumpEngine(BumpGoldenTest.env(), new RecordingReporter()).bump(new BumpRequest(
                ws.resolve("release.yaml"), VersionBump.Level.MAJOR, null, List.of(), dryRun, false,
                BumpGoldenTest.DAY, diffFile));
    }

    @Test
    void theDiffFileAppliesWithGitApplyAndGivesWhatTheBumpWrites() throws IOException {
        Path dry = workspace("dry");
        Path fresh = workspace("fresh");
        Path bumped = workspace("bumped");
        Path diff = tmp.resolve("out/bump.diff");
        var result = bump(dry, true, diff);
        assertTrue(Files.isRegularFile(diff));
        assertEquals(Files.readString(fresh.resolve("tokio/Cargo.toml")), Files.readString(dry.resolve(
                "tokio/Cargo.toml")), "a dry run writes only the diff");

        Processes.ok(fresh, "git", "apply", "--check", diff.toString());
        Processes.ok(fresh, "git", "apply", diff.toString());
        bump(bumped, false, null);
        assertEquals(9, result.files().size(), result.files().keySet().toString());
        try (Stream<Path> files = Files.walk(bumped)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = bumped.relativize(f);
                assertEquals(Files.readString(f), Files.readString(fresh.resolve(rel)), rel.toString());
            }
        }
        String text = Files.readString(diff);
        assertTrue(text.contains("+tokio-util = { version = \"3.0.0\", optional = true }\n\\ No newline at end of file"),
                text);
        assertTrue(text.contains("-version = \"0.7.12\"\r\n+version = \"3.0.0\"\r\n"), text);
    }
}
