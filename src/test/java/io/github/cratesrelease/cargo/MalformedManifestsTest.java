package io.github.cratesrelease.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.version.BumpEngine;
import io.github.cratesrelease.version.BumpRequest;
import io.github.cratesrelease.version.VersionBump;
import io.github.cratesrelease.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifests and lock files with a value of the wrong type, or not valid TOML: each is a located error (a
 * {@link ReleaseException}), never a ClassCastException or a TomlInvalidTypeException.
 */
class MalformedManifestsTest {

    @TempDir
    Path tmp;

    private static final String MEMBER = "[package]\nname = \"core\"\nversion = \"0.1.0\"\n";

    /** A workspace with root manifest {@code root} and a member crates/core with manifest {@code member}. */
    private Path workspace(String root, String member) {
        Path ws = tmp.resolve("ws");
        Fixtures.write(ws.resolve("Cargo.toml"), root);
        Fixtures.write(ws.resolve("crates/core/Cargo.toml"), member);
        Fixtures.write(ws.resolve("crates/core/src/lib.rs"), "");
        return ws;
    }

    private static List<String> errors(Path ws) {
        ReleaseException e = assertThrows(ReleaseException.class, () -> new WorkspaceLoader().load(ws));
        return e.diagnostics().errors().stream().map(Diagnostic::format).toList();
    }

    @Test
    void anEmptyRootManifestSaysItHasNeitherWorkspaceNorPackage() {
        for (String root : List.of("", "# nothing yet\n", "[dependencies]\nserde = \"1\"\n")) {
            Path ws = workspace(root, MEMBER);
            assertEquals(List.of(ws.resolve("Cargo.toml") + ":1:1: the root Cargo.toml has neither [workspace] nor "
                    + "[package]: cargo sees no crate here (add [workspace] with members = [\"crates/*\"] (or a "
                    + "[package]), or point the spec's workspace: at the directory of the workspace's root Cargo.toml)"),
                    errors(ws), root);
        }
    }

    @Test
    void wrongTypesInTheWorkspaceTable() {
        Path ws = workspace("[workspace]\nresolver = \"2\"\nmembers = \"crates/*\"\n", MEMBER);
        String root = ws.resolve("Cargo.toml").toString();
        assertEquals(List.of(root + ":3:11: 'members' must be an array of strings, found a string "
                + "(write members = [\"...\"])"), errors(ws));

        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\nexclude = \"x\"\ndefault-members = 7\n", MEMBER);
        assertEquals(List.of(root + ":3:11: 'exclude' must be an array of strings, found a string "
                + "(write exclude = [\"...\"])", root + ":4:19: 'default-members' must be an array of strings, "
                + "found an integer (write default-members = [\"...\"])"), errors(ws));

        ws = workspace("[workspace]\nmembers = [\"crates/*\", 3]\n", MEMBER);
        assertEquals(List.of(root + ":2:24: 'members' must be an array of strings, found an integer in it "
                + "(quote each entry: members = [\"...\"])"), errors(ws));

        ws = workspace("workspace = 1\n", MEMBER);
        assertEquals(List.of(root + ":1:13: 'workspace' must be a table, found an integer "
                + "(write it as a table: [workspace] with keys below it)"), errors(ws));
    }

    @Test
    void wrongTypesOfWorkspacePackageAndDependencies() {
        Path ws = workspace("[workspace]\nmembers = [\"crates/*\"]\npackage = [\"x\"]\ndependencies = \"serde\"\n",
                MEMBER);
        String root = ws.resolve("Cargo.toml").toString();
        assertEquals(List.of(root + ":3:11: 'workspace.package' must be a table, found an array "
                + "(write it as a table: [workspace.package] with keys below it)", root + ":4:16: "
                + "'workspace.dependencies' must be a table, found a string (write it as a table: "
                + "[workspace.dependencies] with keys below it)"), errors(ws));

        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\nllmo-secrets = -1\n",
                MEMBER + "\n[dependencies]\nllmo-secrets = { workspace = true }\n");
        assertEquals(List.of(root + ":5:16: workspace dependency 'llmo-secrets' must be a version string or a table, "
                + "found an integer (write llmo-secrets = \"1.0\" or llmo-secrets = { path = \"...\", version = "
                + "\"...\" })"), errors(ws));

        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.package]\nversion = 1\n",
                "[package]\nname = \"core\"\nversion.workspace = true\n");
        assertEquals(List.of(root + ":5:11: 'version' must be a string, found an integer (write version = \"...\")"),
                errors(ws));
    }

    @Test
    void wrongTypesInAMembersPackageTable() {
        Path ws = workspace("[workspace]\nmembers = [\"crates/*\"]\n", "[package]\nname = [1, 2]\nversion = \"0.1.0\"\n");
        String member = ws.resolve("crates/core/Cargo.toml").toString();
        assertEquals(List.of(member + ":2:8: 'name' must be a string, found an array (write name = \"...\")"),
                errors(ws));

        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\n", "package = \"x\"\n");
        assertEquals(List.of(member + ":1:11: 'package' must be a table, found a string "
                + "(write it as a table: [package] with keys below it)"), errors(ws));

        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\n", "[[package]]\nname = \"core\"\n");
        assertEquals(List.of(member + ":1:1: 'package' must be a table, found an array of tables "
                + "(write it as a table: [package] with keys below it)"), errors(ws));

        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\n", MEMBER + "publish = \"no\"\nkeywords = \"cli\"\n"
                + "description = 5\n");
        assertEquals(List.of(member + ":6:15: 'description' must be a string, found an integer "
                + "(write description = \"...\")", member + ":5:12: 'keywords' must be an array of strings, "
                + "found a string (write keywords = [\"...\"])", member + ":4:11: 'publish' must be an array of "
                + "strings, found a string (write publish = [\"...\"])"), errors(ws));

        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\n", MEMBER
                + "\n[dependencies]\nserde = { version = 1, optional = \"yes\", features = \"derive\" }\n");
        assertEquals(List.of(member + ":6:53: 'features' must be an array of strings, found a string "
                + "(write features = [\"...\"])", member + ":6:21: 'version' must be a string, found an integer "
                + "(write version = \"...\")", member + ":6:35: 'optional' must be a boolean, found a string "
                + "(write optional = true or optional = false)"), errors(ws));
    }

    /** crates:bump of the example workspace (a dry run) with a Cargo.lock of the wrong shape. */
    private List<String> lockErrors(String lock) throws IOException {
        Path ws = Fixtures.example(tmp.resolve("lock-" + lock.hashCode()));
        Files.writeString(ws.resolve("Cargo.lock"), lock);
        ReleaseException e = assertThrows(ReleaseException.class, () -> new BumpEngine(
                Map.of("HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH")),
                new RecordingReporter()).bump(new BumpRequest(ws.resolve("release.yaml"), VersionBump.Level.MINOR,
                null, List.of(), true, false, LocalDate.of(2026, 12, 2))));
        String prefix = ws.resolve("Cargo.lock") + ":";
        return e.diagnostics().errors().stream().map(Diagnostic::format)
                .map(s -> s.startsWith(prefix) ? "Cargo.lock:" + s.substring(prefix.length()) : s).toList();
    }

    @Test
    void wrongTypesInCargoLock() throws IOException {
        assertEquals(List.of("Cargo.lock:5:11: 'version' must be a string, found an integer (write version = \"...\")"),
                lockErrors("version = 3\n\n[[package]]\nname = \"llmo-audit\"\nversion = 1\n"));
        assertEquals(List.of("Cargo.lock:6:16: 'dependencies' must be an array of strings, found a string "
                + "(write dependencies = [\"...\"])"), lockErrors(
                "version = 3\n\n[[package]]\nname = \"llmo-auth\"\nversion = \"0.4.0\"\ndependencies = \"x\"\n"));
        assertEquals(List.of("Cargo.lock:3:1: 'package' must be an array of tables, found a table "
                + "(write each entry as a [[package]] table)"), lockErrors(
                "version = 3\n\n[package]\nname = \"llmo-auth\"\nversion = \"0.4.0\"\n"));
    }

    @Test
    void aTomlSyntaxErrorIsLocatedAtTheParsersPosition() throws IOException {
        assertEquals(List.of("Cargo.lock:5:9: TOML error: expected '=' after the key version, found '\"' (write key = value) "
                + "(fix the TOML syntax at this place)"),
                lockErrors("version = 3\n\n[[package]]\nname = \"llmo-audit\"\nversion \"0.4.0\"\n"));
        assertEquals(List.of("Cargo.lock:2:10: TOML error: expected ]] or '.' after package, found a single ']' (write [[name]]) "
                + "(fix the TOML syntax at this place)"),
                lockErrors("version = 3\n[[package]\n"));
        Path ws = workspace("[workspace]\nmembers = [\"crates/*\"\n", MEMBER);
        assertEquals(List.of(ws.resolve("Cargo.toml") + ":3:1: TOML error: expected ',' or ']', found end of file; the array "
                + "opened at line 2, column 11 is not closed (separate its values with commas, end it with ]) (fix the TOML "
                + "syntax at this place)"),
                errors(ws));
        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\n", MEMBER + "edition = 2021-\n");
        assertEquals(List.of(ws.resolve("crates/core/Cargo.toml") + ":4:16: TOML error: expected 2 digits for the month of a date-time (write "
                + "YYYY-MM-DD, HH:MM:SS or YYYY-MM-DDTHH:MM:SSZ) (fix the TOML syntax at this place)"), errors(ws));
    }

    @Test
    void aMemberGlobWithASyntaxErrorOrANulIsLocatedAtItsEntry() {
        Path ws = workspace("[workspace]\nmembers = [\n  \"crates/*\",\n  \"crates/[a-\",\n]\n", MEMBER);
        String root = ws.resolve("Cargo.toml").toString();
        assertEquals(List.of(root + ":4:3: workspace member 'crates/[a-' is not a valid path or glob: Missing ']' "
                + "(fix this entry of [workspace] members, e.g. \"crates/*\")"), errors(ws));
        ws = workspace("[workspace]\nmembers = [\"crates/*\", \"crates/\\u0000\"]\n", MEMBER);
        assertEquals(List.of(root + ":2:24: workspace member 'crates/\\u0000' is not a valid path or glob: Nul character not allowed "
                + "(fix this entry of [workspace] members, e.g. \"crates/*\")"), errors(ws));
        ws = workspace("[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"x\\u0000\"]\n"
                + "default-members = [\"\\u0000\"]\n", MEMBER);
        assertEquals(List.of(root + ":3:11: 'exclude' entry 'x\\u0000' is not a valid path: Nul character not allowed "
                + "(fix this entry of [workspace] exclude)", root + ":4:19: 'default-members' entry '\\u0000' is "
                + "not a valid path: Nul character not allowed (fix this entry of [workspace] default-members)"), errors(ws));
    }
}
