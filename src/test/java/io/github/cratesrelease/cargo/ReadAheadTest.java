package io.github.cratesrelease.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From {@link ManifestFiles#READ_AHEAD_FROM} members on, the members' manifests are read, parsed and modelled on
 * every core: the model and every finding, in its order, are those of reading them one by one.
 */
class ReadAheadTest {

    @TempDir
    Path tmp;

    private static final int MEMBERS = 48;

    /** A workspace of {@link #MEMBERS} crates, each depending on the one before (some through the workspace). */
    private Path workspace(String rootExtra) {
        Path ws = tmp.resolve("ws");
        StringBuilder root = new StringBuilder("[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.package]\n"
                + "version = \"0.3.0\"\nlicense = \"MIT\"\nedition = \"2021\"\n" + rootExtra
                + "\n[workspace.dependencies]\n");
        for (int i = 0; i < MEMBERS; i += 2) {
            root.append("m").append(i).append(" = { path = \"crates/m").append(i).append("\", version = \"0.3.0\" }\n");
        }
        Fixtures.write(ws.resolve("Cargo.toml"), root.toString());
        for (int i = 0; i < MEMBERS; i++) {
            String dep = i == 0 ? "" : i % 2 == 1 ? "m" + (i - 1) + ".workspace = true\n"
                    : "m" + (i - 1) + " = { path = \"../m" + (i - 1) + "\", version = \"0.3.0\", features = [\"x\"] }\n";
            Fixtures.write(ws.resolve("crates/m" + i + "/Cargo.toml"), "[package]\nname = \"m" + i + "\"\n"
                    + "version.workspace = true\nlicense.workspace = true\nedition.workspace = true\n"
                    + (i % 3 == 0 ? "readme = \"README.md\"\ndescription = \"crate " + i + "\"\n" : "")
                    + "\n[features]\nx = []\n\n[dependencies]\n" + dep);
            Fixtures.write(ws.resolve("crates/m" + i + "/src/lib.rs"), "");
        }
        return ws;
    }

    @Test
    void theModelIsTheOneOfReadingOneByOne() {
        Path ws = workspace("");
        CargoWorkspace ahead = new WorkspaceLoader().load(ws);
        CargoWorkspace oneByOne = new WorkspaceLoader(Integer.MAX_VALUE).load(ws);
        assertEquals(MEMBERS, ahead.members().size());
        assertEquals(oneByOne.members(), ahead.members());
        assertEquals(oneByOne.patches(), ahead.patches());
    }

    @Test
    void theFindingsAreTheOnesOfReadingOneByOneInTheSameOrder() throws IOException {
        // a key of [workspace.package] of the wrong type, reported for each member that inherits it
        Path ws = workspace("description = 7\n");
        Path members = ws.resolve("crates");
        Fixtures.write(members.resolve("m3/Cargo.toml"), "[package]\nname = [1]\nversion = \"0.3.0\"\n");
        Fixtures.write(members.resolve("m7/Cargo.toml"), "[package]\nname = \"m7\"\nversion = \"0.3.0\"\n"
                + "description.workspace = true\nkeywords = \"cli\"\n\n[dependencies]\nnope.workspace = true\n"
                + "serde = 1\n");
        Fixtures.write(members.resolve("m11/Cargo.toml"), "[package\nname = \"m11\"\n");
        Files.write(members.resolve("m13/Cargo.toml"), new byte[] {'[', 'p', (byte) 0xC3, 0x28, ']', '\n'});
        Fixtures.write(members.resolve("m17/Cargo.toml"), "[lib]\npath = \"src/lib.rs\"\n");
        Fixtures.write(members.resolve("m19/Cargo.toml"), "[package]\nname = \"m19\"\nversion = \"0.3.0\"\n"
                + "description.workspace = true\nrepository.workspace = true\n");
        List<String> ahead = errors(() -> new WorkspaceLoader().load(ws));
        List<String> oneByOne = errors(() -> new WorkspaceLoader(Integer.MAX_VALUE).load(ws));
        assertTrue(ahead.size() >= 8, String.join("\n", ahead));
        assertEquals(oneByOne, ahead);
    }

    @Test
    void aMemberNamedByPathWithoutAManifestIsReportedAtItsEntryInItsTurn() throws IOException {
        Path ws = workspace("");
        // the same members named one by one, two of them without a Cargo.toml (one with its directory, one without)
        StringBuilder members = new StringBuilder("[workspace]\nmembers = [\n");
        for (int i = 0; i < MEMBERS; i++) {
            members.append("  \"crates/m").append(i).append("\",\n").append(i == 5 ? "  \"crates/gone\",\n" : "");
        }
        members.append("  \"crates/nowhere\",\n]\n");
        Path root = ws.resolve("Cargo.toml");
        Fixtures.write(root, members + Files.readString(root).substring("[workspace]\nmembers = [\"crates/*\"]\n".length()));
        Fixtures.write(ws.resolve("crates/gone/src/lib.rs"), "");
        Fixtures.write(ws.resolve("crates/m9/Cargo.toml"), "[package]\nname = \"m9\"\nversion = []\n");
        List<String> ahead = errors(() -> new WorkspaceLoader().load(ws));
        assertEquals(List.of(
                root + ":9:3: workspace member 'crates/gone' has no Cargo.toml (create crates/gone/Cargo.toml or "
                        + "remove it from [workspace] members)",
                ws.resolve("crates/m9/Cargo.toml") + ":3:11: 'version' must be a string, found an array (write "
                        + "version = \"...\")",
                root + ":52:3: workspace member 'crates/nowhere' has no Cargo.toml (create crates/nowhere/Cargo.toml "
                        + "or remove it from [workspace] members)"), ahead);
        assertEquals(errors(() -> new WorkspaceLoader(Integer.MAX_VALUE).load(ws)), ahead);
    }

    private static List<String> errors(org.junit.jupiter.api.function.Executable load) {
        ReleaseException e = assertThrows(ReleaseException.class, load);
        return e.diagnostics().all().stream().map(Diagnostic::format).toList();
    }
}
