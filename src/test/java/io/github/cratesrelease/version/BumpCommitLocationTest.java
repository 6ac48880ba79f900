package io.github.cratesrelease.version;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding is located at file:line:col or not at all: never at a bare directory. */
class BumpCommitLocationTest {

    @TempDir
    Path temp;

    @Test
    void aCommitOutsideGitIsRefusedWithoutADirectoryAsItsLocation() throws Exception {
        TestWorkspace w = new TestWorkspace(temp.resolve("ws")).workspace("")
                .crate("tiny-core", "0.2.0", "")
                .spec("version: 1\ncrates:\n  tiny-core: {}\n");
        Map<String, String> env = Map.of("HOME", temp.resolve("home").toString(), "PATH", System.getenv("PATH"),
                "GIT_CEILING_DIRECTORIES", temp.toString());
        String manifest = Files.readString(w.root().resolve("crates/tiny-core/Cargo.toml"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> new BumpEngine(env, new RecordingReporter())
                .bump(new BumpRequest(w.root().resolve("release.yaml"), VersionBump.Level.PATCH, null,
                        List.of("tiny-core"), false, true, LocalDate.of(2026, 5, 1))));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertTrue(d.message().contains("the workspace is not in a git repository"), d.format());
        assertNull(d.location(), "a directory is no location: " + d.format());
        assertTrue(e.fullMessage().startsWith("-Dcrates.commit:"), e.fullMessage());
        assertTrue(manifest.equals(Files.readString(w.root().resolve("crates/tiny-core/Cargo.toml"))),
                "nothing written");
    }
}
