package io.github.cratesrelease.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Contexts;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.version.BumpEngine;
import io.github.cratesrelease.version.BumpRequest;
import io.github.cratesrelease.version.VersionBump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's chain on real-shaped workspaces: init → validate → plan → bump → changelog-check, each through the
 * goal's entry point, on a bevy/wasmtime-sized workspace with test and example members, a private-registry one
 * whose siblings say registry = "kellnr", a tokio-shaped one linked through [patch.crates-io], and one whose
 * changelog writes its releases as "## v0.3.0 (2024-05-02)".
 */
class RealWorkspacesChainTest {

    @TempDir
    Path tmp;

    private Map<String, String> env() {
        return Map.of("HOME", tmp.resolve("home").toString());
    }

    /** Runs the chain; returns everything the goals printed. */
    private String chain(Path ws) throws Exception {
        Files.deleteIfExists(ws.resolve("release.yaml"));
        Path spec = ws.resolve("release.yaml");
        RecordingReporter out = new RecordingReporter();
        try (RunContext ctx = Contexts.of(env(), out, spec)) {
            InitGoal.init(ctx, new InitGoal.Options(false, null, false));
        }
        try (RunContext ctx = Contexts.of(env(), out, spec)) {
            SpecGoals.validate(ctx, false);
            SpecGoals.plan(ctx);
        }
        new BumpEngine(env(), out).bump(new BumpRequest(spec, VersionBump.Level.MINOR, null, List.of(), false, false,
                LocalDate.of(2026, 12, 2)));
        try (RunContext ctx = Contexts.of(env(), out, spec)) {
            SpecGoals.validate(ctx, false);
            SpecGoals.changelogCheck(ctx, false);
        }
        return out.text();
    }

    @Test
    void aLargeEngineWorkspaceWithTestAndExampleMembers() throws Exception {
        Path ws = Fixtures.workspace("engine-large", tmp);
        String out = chain(ws);
        assertTrue(out.contains("is valid: 28 crate(s) to release from 38 workspace member(s)"), out);
        assertTrue(out.contains("keeps no changelog"), out);
    }

    @Test
    void aPrivateRegistryWorkspaceWithRegistryMarkers() throws Exception {
        Path ws = Fixtures.workspace("private-kellnr", tmp);
        String out = chain(ws);
        assertTrue(Files.readString(ws.resolve("release.yaml")).contains("registry: kellnr"), out);
        assertTrue(out.contains("is valid: 6 crate(s) to release"), out);
    }

    @Test
    void aWorkspaceLinkedThroughPatchCratesIo() throws Exception {
        Path ws = Fixtures.workspace("patch-linked", tmp);
        String out = chain(ws);
        assertTrue(out.contains("Plan written to"), out);
        String util = Files.readString(ws.resolve("tokio-util/Cargo.toml"));
        assertTrue(util.contains("version = \"0.8.0\"") || util.contains("version = \"0.") , util);
        assertTrue(out.lines().filter(l -> l.contains("is valid")).count() == 2, "valid before and after the bump: "
                + out);
    }

    @Test
    void aChangelogWithVPrefixedHeadingsIsCheckedAndPromotedInItsStyle() throws Exception {
        Path ws = Fixtures.workspace("changelog-root", tmp);
        Path log = ws.resolve("CHANGELOG.md");
        Files.writeString(log, Files.readString(log).replace("## [0.3.0] - 2024-05-02", "## v0.3.0 (2024-05-02)")
                .replace("## [0.2.1] - 2024-03-11", "## v0.2.1 (2024-03-11)").replace("## [Unreleased]", "## Unreleased")
                .replace("[0.3.0]: ", "[v0.3.0]: ").replace("[0.2.1]: ", "[v0.2.1]: "));
        String out = chain(ws);
        String after = Files.readString(log);
        assertTrue(after.contains("## v0.4.0 (2026-12-02)"), after);
        assertTrue(after.contains("## v0.3.0 (2024-05-02)"), after);
        assertTrue(out.contains("Changelog ready for the release of"), out);
        assertEquals(1, after.lines().filter(l -> l.startsWith("## Unreleased")).count(), after);
    }
}
