package io.github.cratesrelease.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.release.InitGoal;
import io.github.cratesrelease.release.SpecGoals;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Contexts;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crates:init → validate → plan (→ changelog-check) on workspaces shaped like real ones
 * (src/test/resources/workspaces/engine-large, private-kellnr, changelog-root), through the goals' entry points.
 */
class RealWorkspacesTest {

    @TempDir
    Path temp;

    private Map<String, String> env() {
        return Map.of("HOME", temp.resolve("home").toString());
    }

    /** Runs crates:init for the workspace at {@code ws}; returns what it printed. */
    private String init(Path ws) {
        RecordingReporter out = new RecordingReporter();
        try (RunContext ctx = Contexts.of(env(), out, ws.resolve("release.yaml"))) {
            InitGoal.init(ctx, new InitGoal.Options(false, null, false));
        }
        return out.text();
    }

    /** Runs crates:validate then crates:plan; returns what they printed (a failure propagates). */
    private String validateAndPlan(Path ws) {
        RecordingReporter out = new RecordingReporter();
        try (RunContext ctx = Contexts.of(env(), out, ws.resolve("release.yaml"))) {
            SpecGoals.validate(ctx, false);
            SpecGoals.plan(ctx);
        }
        return out.text();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void edit(Path f, String from, String to) {
        String text = read(f);
        assertTrue(text.contains(from), f + " has no '" + from + "'");
        Fixtures.write(f, text.replace(from, to));
    }

    /** The spec header names no file of the plugin's own repository (the user's has none of them). */
    private static void assertHeaderNamesNoForeignPaths(String spec) {
        String header = spec.substring(0, spec.indexOf("version: 1"));
        assertFalse(header.contains("docs/") || header.contains("schema/") || header.contains(".md")
                || header.contains(".json"), header);
    }

    @Test
    void aLargeEngineWorkspaceValidatesAndPlansWithItsTestExampleAndBenchMembersLeftOut() {
        Path ws = Fixtures.workspace("engine-large", temp);
        String out = init(ws);
        String spec = read(ws.resolve("release.yaml"));
        assertTrue(out.contains("10 member(s) that say nothing about publishing are listed as publish: false "
                + "(never released; the comment on each says why): gearbox-capi, gearbox-test-utils, headless, hello, "
                + "wasm-demo, gearbox-benches, gearbox-integration-tests, build-wasm-example, ci, gearbox-fuzz"), out);
        assertFalse(out.contains("Only you can fix"), out);
        assertTrue(spec.contains("\n  gearbox-capi: { publish: false }   # builds only a staticlib (crate-type), "
                + "which no Rust crate can depend on; to release it, write gearbox-capi: {}\n"), spec);
        assertTrue(spec.contains("\n  gearbox-test-utils: { publish: false }   # looks like a test crate: no "
                + "description in its Cargo.toml and no released crate depends on it; to release it, add description "
                + "to its Cargo.toml (crates.io requires it), then write gearbox-test-utils: {}\n"), spec);
        assertTrue(spec.contains("\n  wasm-demo: { publish: false }   # an example (examples/wasm-demo/); to release "
                + "it, add description to its Cargo.toml (crates.io requires it), then write wasm-demo: {}\n"), spec);
        assertTrue(spec.contains("\n  gearbox-fuzz: { publish: false }   # fuzz targets (fuzz/); to release it, add "
                + "description and license to its Cargo.toml (crates.io requires them), then write gearbox-fuzz: {}\n"),
                spec);
        assertTrue(spec.contains("\n  ci: { publish: false }   # a workspace tool (tools/ci/): no description"), spec);
        assertTrue(spec.contains("\n  gearbox-cli: {}\n"), spec);
        assertTrue(spec.contains("\ndefaults:\n  registry: crates-io\ncrates:\n"), "no registries: entry: " + spec);
        assertTrue(spec.contains("\nwait: { strategy: none }"), spec);
        assertTrue(spec.contains("\n# changelog: { path: CHANGELOG.md }   # choose"), "no changelog on disk: " + spec);
        assertHeaderNamesNoForeignPaths(spec);

        String run = validateAndPlan(ws);
        assertTrue(run.contains("Release spec release.yaml is valid: 28 crate(s) to release from 38 workspace "
                + "member(s)\n"), run);
        assertTrue(run.contains("Publish plan: 28 crates in 10 waves"), run);
        assertFalse(run.contains("[WARN]"), run);
    }

    @Test
    void aDefectOnlyAPersonCanFixIsSaidByInitInItsOutputAndTheFileAndValidateFailsOnExactlyThat() {
        Path ws = Fixtures.workspace("engine-large", temp);
        // gearbox-math has no description, but gearbox-audio (and others) depend on it: it must be released
        edit(ws.resolve("crates/gearbox-math/Cargo.toml"),
                "description = \"Vectors, matrices and bounding volumes for Gearbox\"\n", "");
        String out = init(ws);
        String fix = "crate 'gearbox-math' has no description, which crates.io requires, and 'gearbox-audio' depends "
                + "on it, so it is released: add description = \"...\" to [package] in crates/gearbox-math/Cargo.toml";
        assertTrue(out.contains("[WARN] Only you can fix this (the spec does not validate until then): " + fix), out);
        assertFalse(out.contains("check it with 'mvn crates:validate'"), out);
        String spec = read(ws.resolve("release.yaml"));
        assertTrue(spec.contains("\n# FIX: " + fix + "\n"), spec);
        assertTrue(spec.contains("\n  gearbox-math: {}   # FIX: no description (crates.io requires it); "
                + "'gearbox-audio' depends on it, so it is released\n"), spec);

        ReleaseException e = assertThrows(ReleaseException.class, () -> validateAndPlan(ws));
        List<String> errors = e.diagnostics().errors().stream().map(d -> d.format()).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("crates/gearbox-math/Cargo.toml:1:1: crate 'gearbox-math' has no "
                + "description; crates.io requires one"), errors.toString());
    }

    @Test
    void aPrivateRegistryWorkspaceWhoseSiblingsSayRegistryKellnrGoesToKellnr() {
        Path ws = Fixtures.workspace("private-kellnr", temp);
        String out = init(ws);
        String spec = read(ws.resolve("release.yaml"));
        assertTrue(spec.contains("\ndefaults:\n  registry: kellnr   # where the manifests send their crates"), spec);
        // .cargo/config.toml defines kellnr and cargo finds its token: no registries: entry is needed
        assertFalse(spec.contains("\nregistries:"), spec);
        assertTrue(spec.contains("\n# kellnr: index sparse+https://kellnr.acme.internal/api/v1/crates/ from "
                + ".cargo/config.toml; token from CARGO_REGISTRIES_KELLNR_TOKEN"), spec);
        assertTrue(spec.contains("\n  acme-core: {}\n"), spec);
        assertTrue(spec.contains("\n  acme-cli: {}\n"), spec);
        assertTrue(spec.contains("\n  acme-testkit: { publish: false }   # looks like a test crate: no description"
                + " in its Cargo.toml and no released crate depends on it; to release it, write acme-testkit: {}\n"),
                spec);
        assertTrue(spec.contains("\nwait: { strategy: index, timeout: 10m, interval: 2s }"), spec);
        assertFalse(out.contains("Only you can fix"), out);

        String run = validateAndPlan(ws);
        assertTrue(run.contains("Release spec release.yaml is valid: 6 crate(s) to release from 7 workspace "
                + "member(s)\n"), run);
        assertTrue(run.contains("Publish plan: 6 crates in 4 waves"), run);
        assertTrue(run.contains("   1     acme-proto    2.4.1    kellnr    -"), run);
    }

    @Test
    void whenTheSpecAndTheRegistryMarkersDisagreeValidateSaysToChangeTheSpecFirst() {
        Path ws = Fixtures.workspace("private-kellnr", temp);
        init(ws);
        edit(ws.resolve("release.yaml"), "  registry: kellnr   #", "  registry: crates-io   #");
        ReleaseException e = assertThrows(ReleaseException.class, () -> validateAndPlan(ws));
        String all = String.join("\n", e.diagnostics().errors().stream().map(d -> d.format()).toList());
        assertTrue(all.contains("crates/acme-core/Cargo.toml:11:1: dependency 'acme-proto' of 'acme-core' says "
                + "registry = \"kellnr\", but the spec publishes 'acme-proto' to 'crates-io' (if 'acme-proto' goes to "
                + "'kellnr', change the spec: defaults.registry: kellnr (or crates.acme-proto.registry: kellnr); else "
                + "change the manifest: remove registry = \"kellnr\")"), all);
    }

    @Test
    void publishListsAloneSendTheCratesToKellnrAndMissingRegistryMarkersAreDefectsInitNames() {
        Path ws = Fixtures.workspace("private-kellnr", temp);
        edit(ws.resolve("Cargo.toml"), "[workspace.package]\n", "[workspace.package]\npublish = [\"kellnr\"]\n");
        try (Stream<Path> s = Files.list(ws.resolve("crates"))) {
            for (Path dir : s.toList()) {
                Path m = dir.resolve("Cargo.toml");
                Fixtures.write(m, read(m).replace("publish = [\"kellnr\"]\n", ""));
                edit(m, "version.workspace = true\n", "version.workspace = true\npublish.workspace = true\n");
                Fixtures.write(m, read(m).replace(", registry = \"kellnr\"", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String out = init(ws);
        String spec = read(ws.resolve("release.yaml"));
        assertTrue(spec.contains("\ndefaults:\n  registry: kellnr"), spec);
        // package.publish is the member's own word: acme-testkit is released too
        assertTrue(spec.contains("\n  acme-testkit: {}   # FIX: its dependency 'acme-core' needs registry = "
                + "\"kellnr\"\n"), spec);
        String fix = "'acme-core' depends on 'acme-proto' by path (crates/acme-core/Cargo.toml), which goes to "
                + "'kellnr', but the dependency says no registry, so cargo would look for it on crates.io: add "
                + "registry = \"kellnr\" to it";
        assertTrue(out.contains("[WARN] Only you can fix this (the spec does not validate until then): " + fix), out);
        assertTrue(spec.contains("\n  acme-core: {}   # FIX: its dependency 'acme-proto' needs registry = "
                + "\"kellnr\"\n"), spec);
        ReleaseException e = assertThrows(ReleaseException.class, () -> validateAndPlan(ws));
        assertTrue(e.diagnostics().errors().stream().anyMatch(d -> d.format().contains("path dependency "
                + "'acme-proto' of 'acme-core' has no registry, but 'acme-proto' is published to 'kellnr'")),
                e.diagnostics().all().toString());
    }

    @Test
    void aRootChangelogIsWrittenToTheSpecAndTheReleaseChecksPass() {
        Path ws = Fixtures.workspace("changelog-root", temp);
        init(ws);
        String spec = read(ws.resolve("release.yaml"));
        assertTrue(spec.contains("\nchangelog:                    # one file for the workspace: a bump moves the "
                + "crates it lists to one version\n  path: \"CHANGELOG.md\"\norder:"), spec);
        assertTrue(spec.contains("\nwait: { strategy: none }"), spec);
        assertHeaderNamesNoForeignPaths(spec);
        String run = validateAndPlan(ws);
        assertTrue(run.contains("Release spec release.yaml is valid: 3 crate(s) to release from 3 workspace "
                + "member(s)\n"), run);
        RecordingReporter out = new RecordingReporter();
        try (RunContext ctx = Contexts.of(env(), out, ws.resolve("release.yaml"))) {
            SpecGoals.changelogCheck(ctx, false);
        }
        try (RunContext ctx = Contexts.of(env(), out, ws.resolve("release.yaml"))) {
            SpecGoals.changelogCheck(ctx, true);
        }
        String file = ws.resolve("CHANGELOG.md").toString();
        assertTrue(out.text().contains("Changelog ready for the release of 3 crate(s): " + file), out.text());
        assertTrue(out.text().contains("Changelog ready for a bump: " + file), out.text());
    }

    @Test
    void perCrateChangelogsAreFoundWithTheirUnreleasedHeadingAndACrateWithoutOneIsNamed() throws IOException {
        Path ws = Fixtures.workspace("changelog-root", temp);
        String log = read(ws.resolve("CHANGELOG.md")).replace("## [Unreleased]", "## [Prerelease] - Unreleased")
                .replace("[Unreleased]: ", "[Prerelease]: ");
        Files.delete(ws.resolve("CHANGELOG.md"));
        Fixtures.write(ws.resolve("crates/tinyq/CHANGELOG.md"), log);
        Fixtures.write(ws.resolve("crates/tinyq-core/CHANGELOG.md"), log);
        String out = init(ws);
        String spec = read(ws.resolve("release.yaml"));
        assertTrue(spec.contains("\nchangelog:                    # one file per crate\n"
                + "  path: \"{crate_dir}/CHANGELOG.md\"\n  unreleased-heading: \"[Prerelease] - Unreleased\"\n"), spec);
        String note = "no CHANGELOG.md yet for tinyq-cli: create each with a '## [Prerelease] - Unreleased' section before "
                + "crates:bump (validate warns until then)";
        assertTrue(spec.contains("\n  # " + note + "\n"), spec);
        assertTrue(out.contains("[WARN] Changelog: " + note), out);
        String run = validateAndPlan(ws);
        assertTrue(run.contains("is valid: 3 crate(s) to release from 3 workspace member(s), 1 warning(s)"), run);
        assertTrue(run.contains("changelog: changelog " + ws.resolve("crates/tinyq-cli/CHANGELOG.md")
                + " does not exist"), run);
    }
}
