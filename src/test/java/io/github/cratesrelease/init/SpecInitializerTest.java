package io.github.cratesrelease.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.github.cratesrelease.spec.ActionSpec;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            return InitGoal.init(ctx, new InitGoal.Options(force, ws, false));
        }
    }

    @Test
    void infersRegistriesFromCargoConfigAndPublishListsAndWritesAnEntryOnlyWhereNeeded() throws Exception {
        Path ws = Fixtures.workspace("full", temp);
        Files.delete(ws.resolve("release.yaml"));
        Path ab = ws.resolve("crates/ab/Cargo.toml");
        String manifest = Files.readString(ab);
        Fixtures.write(ab, manifest.replace("description = \"two letters\"",
                "description = \"two letters\"\npublish = [\"local\", \"other\"]"));
        Path spec = init(ws.resolve("release.yaml"), null, false, false);
        String text = Files.readString(spec);
        // local is defined by .cargo/config.toml: its entry only holds the index wait crates.io (the default) skips
        assertTrue(text.contains("\n# local: index sparse+http://127.0.0.1:9/index/ from .cargo/config.toml; token "
                + "from CARGO_REGISTRIES_LOCAL_TOKEN"), text);
        assertTrue(text.contains("registries:\n  local:\n    wait: { strategy: index, timeout: 10m, interval: 2s }"),
                text);
        assertFalse(text.contains("other:"), "no crate goes to 'other': " + text);
        assertTrue(text.contains("  ab: { registry: local }"), text);
        assertTrue(text.contains("  a: {}"), text);
        assertTrue(text.contains("  internal-tool: { publish: false }"), text);
        assertTrue(text.contains("order: auto"), text);
        // no member has a binary: the cargo-install line is a commented example to fill in
        assertTrue(text.contains("\n  # - cargo-install: { crate: <a crate with a binary>, run: [\"--version\"] }"),
                text);

        // a registry nobody defines: an entry whose index is to be written, said by init, reported by validate
        Fixtures.write(ab, manifest.replace("description = \"two letters\"",
                "description = \"two letters\"\npublish = [\"other\"]"));
        text = Files.readString(init(ws.resolve("release.yaml"), null, false, true));
        assertTrue(text.contains("registries:\n  other:\n    # index: sparse+https://<host>/<path>/   FIX"), text);
        assertTrue(text.contains("    token: { env: CARGO_REGISTRIES_OTHER_TOKEN }"), text);
        assertTrue(text.contains("\n# FIX: registry 'other' is not defined in .cargo/config.toml nor by "
                + "CARGO_REGISTRIES_OTHER_INDEX: write its index URL under registries.other.index in the spec"), text);
        Analysis a = new Analyzer(env()).analyze(spec);
        assertTrue(a.diagnostics().errors().stream().anyMatch(d -> d.format().contains("registry 'other' has no index URL")),
                a.diagnostics().all().toString());
    }

    @Test
    void initOnTheExampleValidatesCleanly() throws Exception {
        Path ws = Fixtures.example(temp);
        Path spec = init(ws.resolve("new/release.yaml"), ws, false, false);
        Analysis a = new Analyzer(env()).analyze(spec);
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics().all().toString());
        assertEquals(8, a.plan().crateCount());
        // the example keeps a root CHANGELOG.md: init writes it to the spec, and its sections are in order
        assertTrue(Files.readString(spec).contains("\nchangelog:"), Files.readString(spec));
        assertEquals(List.of(), Analyzer.changelogFindings(a, false).all().stream().map(d -> d.format()).toList());

        String text = Files.readString(spec);
        assertTrue(text.contains("crates:release"), "the header names the goal that uses the spec: " + text);
        assertTrue(text.contains("\ntags:"), text);
        assertTrue(text.contains("\n  name: \"{crate}-v{version}\""), text);
        assertTrue(text.contains("\n  annotated: true"), text);
        assertTrue(text.contains("\n  # push: origin"), "push is the user's choice, commented: " + text);
        assertTrue(text.contains("\npost-publish:"), text);
        assertTrue(text.contains("\n  - verify: { timeout: 10m }"), text);
        // llmo-cli has a [[bin]] (llmo, its only binary): suggested, commented
        assertTrue(text.contains("\n  # - cargo-install: { crate: llmo-cli, run: [\"--version\"] }"), text);

        ReleaseSpec s = a.spec();
        assertEquals(new ReleaseSpec.TagsSpec(true, "{crate}-v{version}", false, true, "Release {crate} {version}",
                false, null, s.tags().location()), s.tags());
        assertEquals(1, s.postPublish().size(), s.postPublish().toString());
        ActionSpec.Verify v = (ActionSpec.Verify) s.postPublish().get(0);
        assertEquals(java.time.Duration.ofMinutes(10), v.timeout());
    }

    @Test
    void theCargoInstallSuggestionNamesAPublishableCrateWithABinaryAndTheSpecStaysValidWhenUncommented()
            throws Exception {
        Path ws = new TestWorkspace(temp.resolve("bins")).workspace("")
                .crate("a-lib", "0.1.0", "")
                .crate("b-tool", "0.1.0", "publish = false")
                .file("crates/b-tool/src/main.rs", "fn main() {}\n")
                .crate("c-cli", "0.1.0", "[[bin]]\nname = \"c\"\npath = \"src/c.rs\"\n\n[[bin]]\nname = \"c2\"\n"
                        + "path = \"src/c2.rs\"\n")
                .file("crates/c-cli/src/c.rs", "fn main() {}\n")
                .file("crates/c-cli/src/c2.rs", "fn main() {}\n")
                .crate("d-cli", "0.1.0", "")
                .file("crates/d-cli/src/bin/d.rs", "fn main() {}\n")
                .root();
        Path spec = init(ws.resolve("release.yaml"), null, false, false);
        String text = Files.readString(spec);
        // b-tool is not published (cargo install could not find it); c-cli has two binaries: the first is named
        String line = "  # - cargo-install: { crate: c-cli, bin: c, run: [\"--version\"] }";
        assertTrue(text.contains("\n" + line), text);

        Files.writeString(spec, text.replace(line, line.replaceFirst("# ", "")).replace("  # push: origin",
                "  push: origin"));
        Analysis a = new Analyzer(env()).analyze(spec);
        assertEquals(List.of(), a.diagnostics().errors().stream().map(d -> d.format()).toList());
        assertEquals("origin", a.spec().tags().push());
        ActionSpec.CargoInstall c = (ActionSpec.CargoInstall) a.spec().postPublish().get(1);
        assertEquals(List.of("c-cli", "c", List.of("--version")), List.of(c.target(), c.bin(), c.args()));
    }

    @Test
    void aMemberWithOnlySrcBinIsABinaryCrate() throws Exception {
        Path ws = new TestWorkspace(temp.resolve("srcbin")).workspace("")
                .crate("x", "0.1.0", "")
                .file("crates/x/src/bin/tool.rs", "fn main() {}\n")
                .root();
        String text = Files.readString(init(ws.resolve("release.yaml"), null, false, false));
        assertTrue(text.contains("\n  # - cargo-install: { crate: x, run: [\"--version\"] }"), text);
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
