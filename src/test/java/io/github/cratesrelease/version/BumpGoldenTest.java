package io.github.cratesrelease.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.WorkspaceLoader;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden files: src/test/resources/bump/NAME/before is bumped, and every file must then equal NAME/expected (or
 * stay as in before when expected has no copy). Independently of the goldens, the only bytes that may differ are
 * version strings, and cargo must accept the result with --locked --offline.
 */
class BumpGoldenTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path tmp;

    @Test
    void minorBumpOfEveryStyleChangesOnlyVersionStrings() throws IOException {
        Path before = Fixtures.resource("bump/styles/before");
        Path ws = Fixtures.copy(before, tmp.resolve("styles"));
        var result = bump(ws, VersionBump.Level.MINOR, false);

        Map<String, String> moved = new TreeMap<>();
        result.changes().forEach(c -> moved.put(c.name(), c.from() + " -> " + c.to()));
        assertEquals(Map.of("app", "0.3.0 -> 0.4.0", "kernel", "0.3.0 -> 0.4.0", "tool", "0.3.0 -> 0.4.0",
                "extra", "0.3.0 -> 0.4.0", "util", "1.2.3 -> 1.3.0"), moved);
        assertMatchesGolden(before, Fixtures.resource("bump/styles/expected"), ws);

        // cargo accepts the bumped workspace as locked, and builds it offline (no external dependencies)
        Processes.ok(ws, "cargo", "metadata", "--format-version", "1", "--locked", "--offline");
        Processes.ok(ws, "cargo", "build", "--locked", "--offline", "--quiet");
        // the workspace model and cargo agree on the new versions
        CargoWorkspace model = new WorkspaceLoader().load(ws);
        JsonNode meta = JsonMapper.builder().build().readTree(Processes.cargoMetadata(ws));
        Map<String, String> fromCargo = new TreeMap<>();
        meta.get("packages").forEach(p -> fromCargo.put(p.get("name").asString(), p.get("version").asString()));
        Map<String, String> fromModel = new TreeMap<>();
        model.members().forEach(p -> fromModel.put(p.name(), p.version()));
        assertEquals(fromCargo, fromModel);
        assertEquals(Map.of("app", "0.4.0", "kernel", "0.4.0", "tool", "0.4.0", "extra", "0.4.0", "util", "1.3.0"),
                fromModel);
        for (CargoPackage p : model.members()) {
            p.dependencies().stream().filter(d -> d.path() != null && d.req() != null).forEach(d -> assertTrue(
                    io.github.cratesrelease.semver.VersionReq.parse(d.req()).matches(io.github.cratesrelease.semver
                            .Version.parse(model.target(d).orElseThrow().version())), p.name() + " -> " + d.key()));
        }
    }

    @Test
    void aDryRunPrintsTheUnifiedDiffAndWritesNothing() throws IOException {
        Path before = Fixtures.resource("bump/styles/before");
        Path ws = Fixtures.copy(before, tmp.resolve("styles"));
        RecordingReporter out = new RecordingReporter();
        var result = new BumpEngine(env(), out).bump(new BumpRequest(ws.resolve("release.yaml"),
                VersionBump.Level.MINOR, null, List.of(), true, false, DAY));
        assertEquals(6, result.files().size());
        assertMatchesGolden(before, before, ws);
        String text = out.text();
        assertTrue(text.contains("--- a/crates/util/Cargo.toml\n[INFO] +++ b/crates/util/Cargo.toml"), text);
        assertTrue(text.contains("[INFO] -version = \"1.2.3\"   # its own version\n"
                + "[INFO] +version = \"1.3.0\"   # its own version"), text);
        assertTrue(text.contains("[INFO] -pinned = { package = \"util\", path = \"../util\", version = \"=1.2.3\" }"),
                text);
        assertTrue(text.contains("Dry run: 6 file(s) would change; nothing was written"), text);
    }

    @Test
    void dependentsThatAreNotBumpedAreNamed() throws IOException {
        Path ws = Fixtures.copy(Fixtures.resource("bump/styles/before"), tmp.resolve("styles"));
        RecordingReporter out = new RecordingReporter();
        var result = new BumpEngine(env(), out).bump(new BumpRequest(ws.resolve("release.yaml"),
                VersionBump.Level.MAJOR, null, List.of("util"), false, false, DAY));
        assertEquals(List.of("util"), result.changes().stream().map(VersionPlanner.Change::name).toList());
        // app pins util directly; tool inherits util-r from [workspace.dependencies]
        assertTrue(out.text().contains("Note: requirements of app, tool changed, but they are not bumped"), out.text());
        assertTrue(Files.readString(ws.resolve("crates/app/Cargo.toml")).contains("version = \"=2.0.0\""));
        assertTrue(Files.readString(ws.resolve("Cargo.toml")).contains("version = \"^2.0.0\""));
        Processes.ok(ws, "cargo", "metadata", "--format-version", "1", "--locked", "--offline");
    }

    static BumpEngine.BumpResult bump(Path ws, VersionBump.Level level, boolean commit) {
        return new BumpEngine(env(), new RecordingReporter()).bump(new BumpRequest(ws.resolve("release.yaml"), level,
                null, List.of(), false, commit, DAY));
    }

    static Map<String, String> env() {
        return Map.of("HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH"));
    }

    /** Every file of {@code before} equals its golden copy (or itself), and differs only in version strings. */
    static void assertMatchesGolden(Path before, Path expected, Path actual) throws IOException {
        try (Stream<Path> files = Files.walk(before)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = before.relativize(f).toString();
                String was = Files.readString(f);
                String now = Files.readString(actual.resolve(rel));
                Path golden = expected.resolve(rel);
                assertEquals(Files.isRegularFile(golden) ? Files.readString(golden) : was, now, rel);
                assertEquals(withoutVersions(was), withoutVersions(now), rel + ": a byte other than a version changed");
            }
        }
    }

    static String withoutVersions(String text) {
        return text.replaceAll("\\d+(\\.\\d+){0,2}(-[0-9A-Za-z.]+)?", "V");
    }
}
