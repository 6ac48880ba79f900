package io.github.cratesrelease.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.TestWorkspace;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.release.InitGoal;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Contexts;
import io.github.cratesrelease.output.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecInitializerTest {

    @TempDir
    Path temp;

    private Map<String, String> env() {
        return Map.of("HOME", temp.resolve("home").toString());
    }

    /** crates:init for {@code spec} ({@code ws} null: the spec's directory). */
    private Path init(Path spec, Path ws, boolean dryRun, boolean force) {
        try (RunContext ctx = Contexts.of(env(), Reporter.SILENT, spec, dryRun)) {
            return InitGoal.init(ctx, new InitGoal.Options(force, ws));
        }
    }

    @Test
    void infersRegistriesFromCargoConfigAndPublishLists() throws Exception {
        Path ws = Fixtures.workspace("full", temp);
        Files.delete(ws.resolve("release.yaml"));
        Fixtures.write(ws.resolve("crates/ab/Cargo.toml"), Files.readString(ws.resolve("crates/ab/Cargo.toml"))
                .replace("description = \"two letters\"", "description = \"two letters\"\npublish = [\"local\", \"other\"]"));
        Path spec = init(ws.resolve("release.yaml"), null, false, false);
        String text = Files.readString(spec);
        assertTrue(text.contains("registries:\n  local:\n    # index: taken from .cargo/config.toml"), text);
        assertTrue(text.contains("  other:\n    # index: sparse+https://<host>/<path>/   TODO"), text);
        assertTrue(text.contains("    token: { env: CARGO_REGISTRIES_LOCAL_TOKEN }"), text);
        assertTrue(text.contains("  ab: { registry: local }"), text);
        assertTrue(text.contains("  a: {}"), text);
        assertTrue(text.contains("  internal-tool: { publish: false }"), text);
        assertTrue(text.contains("order: auto"), text);
        // the written spec is schema-valid; 'other' has no index yet, which validate reports with its place
        Analysis a = new Analyzer(env()).analyze(spec);
        assertTrue(a.diagnostics().errors().stream().anyMatch(d -> d.format().contains("registry 'other' has no index URL")),
                a.diagnostics().all().toString());
    }

    @Test
    void initOnTheExampleValidatesCleanly() {
        Path ws = Fixtures.example(temp);
        Path spec = init(ws.resolve("new/release.yaml"), ws, false, false);
        Analysis a = new Analyzer(env()).analyze(spec);
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics().all().toString());
        assertEquals(8, a.plan().crateCount());
    }

    @Test
    void refusesToOverwriteUnlessForcedAndDryRunWritesNothing() throws Exception {
        Path ws = Fixtures.example(temp);
        Path spec = ws.resolve("release.yaml");
        String before = Files.readString(spec);
        assertThrows(ReleaseException.class, () -> init(spec, null, false, false));
        init(spec, null, true, false);
        assertEquals(before, Files.readString(spec));
        init(spec, null, false, true);
        assertTrue(Files.readString(spec).contains("llmo-cli: {}"));
    }

    @Test
    void tomlErrorsAreLocated() {
        TestWorkspace w = new TestWorkspace(temp).workspace("")
                .file("crates/bad/Cargo.toml", "[package]\nname = \"bad\"\nversion = \"1.0.0\nedition = \"2021\"\n")
                .spec("version: 1\n");
        String all = String.join("\n", w.findings());
        assertTrue(all.matches("(?s)error: crates/bad/Cargo\\.toml:3:\\d+: TOML error: .*"), all);
    }
}
