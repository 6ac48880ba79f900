package io.github.cratesrelease.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TOML readers beyond the manifests' [package] and [workspace] (issue 17 part 1): dependency tables, cargo's
 * .cargo/config.toml, a file past the size limit — each a located error, never a silent skip, a ClassCastException
 * or a hang — and a long run of comment lines, which the reader takes in linear time.
 */
class TypedTomlReadsTest {

    @TempDir
    Path tmp;

    private static final String ROOT = "[workspace]\nmembers = [\"crates/*\"]\n";

    private Path workspace(String member) {
        Path ws = tmp.resolve("ws");
        Fixtures.write(ws.resolve("Cargo.toml"), ROOT);
        Fixtures.write(ws.resolve("crates/core/Cargo.toml"), member);
        Fixtures.write(ws.resolve("crates/core/src/lib.rs"), "");
        return ws;
    }

    private static List<String> errors(Path ws, Runnable r) {
        ReleaseException e = assertThrows(ReleaseException.class, r::run);
        return e.diagnostics().errors().stream().map(Diagnostic::format)
                .map(f -> f.replace(ws.toAbsolutePath().normalize() + "/", "")).toList();
    }

    @Test
    void aDependencyTableOfTheWrongTypeIsLocated() {
        Path ws = workspace("dev-dependencies = 7\n[package]\nname = \"core\"\nversion = \"0.1.0\"\n"
                + "[target]\nunix = \"x\"\n");
        assertEquals(List.of(
                "crates/core/Cargo.toml:1:20: 'dev-dependencies' must be a table, found an integer (write it as a "
                        + "table: [dev-dependencies] with keys below it)",
                "crates/core/Cargo.toml:6:8: 'target.unix' must be a table, found a string (write it as a table: "
                        + "[target.unix] with keys below it)"),
                errors(ws, () -> new WorkspaceLoader().load(ws)));
    }

    @Test
    void cargoConfigWithAWrongTypeIsLocated() {
        Path ws = workspace("[package]\nname = \"core\"\nversion = \"0.1.0\"\n");
        Fixtures.write(ws.resolve(".cargo/config.toml"), "[registries.corp]\nindex = 7\n[registries]\nother = \"x\"\n");
        assertEquals(List.of(
                ".cargo/config.toml:2:9: 'registries.corp.index' must be a string, found an integer (write index = "
                        + "\"...\")",
                ".cargo/config.toml:4:9: 'registries.other' must be a table, found a string (write it as a table: "
                        + "[registries.other] with keys below it)"),
                errors(ws, () -> CargoConfig.load(ws, Map.of())));
        Fixtures.write(ws.resolve(".cargo/config.toml"), "[registries.corp]\nindex = \n");
        assertEquals(1, errors(ws, () -> CargoConfig.load(ws, Map.of())).size());
        Fixtures.write(ws.resolve(".cargo/config.toml"), "[registries.corp]\nindex = \"sparse+https://x/\"\n");
        assertEquals("sparse+https://x/", CargoConfig.load(ws, Map.of()).registry("corp").index());
    }

    @Test
    void tenThousandCommentLinesInARowAreReadQuickly() {
        Path ws = workspace("[package]\nname = \"core\"\n" + "# a comment\n\n".repeat(5000) + "version = \"0.1.0\"\n");
        CargoWorkspace read = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> new WorkspaceLoader().load(ws));
        assertEquals("0.1.0", read.members().get(0).version());
        Path fine = workspace("[package]\nname = \"core\"\ndescription = \"\"\"\n" + "\n".repeat(400)
                + "\"\"\"\nversion = \"0.1.0\"\n");
        assertEquals("core", new WorkspaceLoader().load(fine).members().get(0).name(), "blank lines in a string");
    }

    @Test
    void aFilePastTheSizeLimitIsRefusedAtTheLineWhereTheLimitFalls() throws Exception {
        Path f = tmp.resolve("Cargo.lock");
        Files.writeString(f, "version = 3\n".repeat(10) + "x".repeat(100));
        assertEquals(List.of("Cargo.lock:9:1: the file is larger than the limit of 100 bytes (the limit is passed in "
                + "this line) (check that Cargo.lock is the right file; it is far larger than any real one)"),
                errors(tmp, () -> TextFiles.read(f, 100)));
        assertEquals(8 << 20, TextFiles.MAX_BYTES);
    }
}
