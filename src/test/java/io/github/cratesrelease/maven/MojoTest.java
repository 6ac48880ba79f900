package io.github.cratesrelease.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The goals through Maven's plugin descriptor and parameter injection (maven-plugin-testing-harness). */
@org.apache.maven.api.plugin.testing.MojoTest
class MojoTest {

    private static final String EXAMPLE = "${project.basedir}/examples/orchestrator/release.yaml";
    private static final String INVALID = "${project.basedir}/src/test/resources/specs/invalid/release.yaml";

    @Test
    @InjectMojo(goal = "plan")
    @MojoParameter(name = "spec", value = EXAMPLE)
    @MojoParameter(name = "outputDirectory", value = "${project.basedir}/target/mojo-tests/plan")
    void planWritesPlanJson(PlanMojo mojo) throws Exception {
        Path out = Paths.get("target/mojo-tests/plan/plan.json").toAbsolutePath();
        Files.deleteIfExists(out);
        mojo.execute();
        JsonNode plan = JsonMapper.builder().build().readTree(out.toFile());
        assertEquals(5, plan.get("waves").size());
        assertEquals("llmo-cli", plan.get("waves").get(4).get(0).get("name").asString());
        assertEquals("0.4.0", plan.get("waves").get(0).get(0).get("version").asString());
        assertEquals("crates-io", plan.get("waves").get(0).get(0).get("registry").asString());
    }

    @Test
    @InjectMojo(goal = "plan")
    @MojoParameter(name = "spec", value = EXAMPLE)
    @MojoParameter(name = "outputDirectory", value = "${project.basedir}/target/mojo-tests/dry")
    @MojoParameter(name = "dryRun", value = "true")
    void dryRunPlanWritesNothing(PlanMojo mojo) throws Exception {
        mojo.execute();
        assertFalse(Files.exists(Paths.get("target/mojo-tests/dry")));
    }

    @Test
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "spec", value = INVALID)
    void validateFailsWithLocatedErrorsAndNoCause(ValidateMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("release.yaml:3:1: unknown key 'ordr' in the spec (did you mean 'order'?)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("release.yaml:5:13: wait.strategy must be one of: none, index, fixed"),
                e.getMessage());
        assertEquals(null, e.getCause(), "a user error carries no stack trace");
    }

    @Test
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "spec", value = EXAMPLE)
    void validatePassesOnTheExample(ValidateMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "validate")
    @MojoParameter(name = "spec", value = INVALID)
    @MojoParameter(name = "skip", value = "true")
    void skip(ValidateMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "init")
    @MojoParameter(name = "spec", value = EXAMPLE)
    void initRefusesToOverwrite(InitMojo mojo) throws IOException {
        String before = Files.readString(Paths.get("examples/orchestrator/release.yaml"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("the spec already exists (run with -Dcrates.force=true"), e.getMessage());
        assertEquals(before, Files.readString(Paths.get("examples/orchestrator/release.yaml")));
    }

    @Test
    @InjectMojo(goal = "bump")
    @MojoParameter(name = "spec", value = EXAMPLE)
    void bumpNeedsALevelOrAVersion(BumpMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("say how to bump: -Dcrates.bump=major|minor|patch|release|rc|beta|alpha, or -Dcrates.version=X.Y.Z",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "bump")
    @MojoParameter(name = "spec", value = EXAMPLE)
    @MojoParameter(name = "bump", value = "huge")
    void bumpRefusesAnUnknownLevel(BumpMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("-Dcrates.bump: 'huge' is not a bump level: use major, minor, patch, release, rc, beta or alpha",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "bump")
    @MojoParameter(name = "spec", value = EXAMPLE)
    @MojoParameter(name = "bump", value = "patch")
    @MojoParameter(name = "dryRun", value = "true")
    void bumpDryRunLeavesTheExampleAlone(BumpMojo mojo) throws Exception {
        Path toml = Paths.get("examples/orchestrator/Cargo.toml").toAbsolutePath();
        String before = Files.readString(toml);
        mojo.execute();
        assertEquals(before, Files.readString(toml));
    }

    @Test
    @InjectMojo(goal = "changelog-check")
    @MojoParameter(name = "spec", value = EXAMPLE)
    @MojoParameter(name = "beforeBump", value = "true")
    void changelogCheckPassesOnTheExample(ChangelogCheckMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "release")
    @MojoParameter(name = "spec", value = EXAMPLE)
    @MojoParameter(name = "outputDirectory", value = "${project.basedir}/target/mojo-tests/release")
    @MojoParameter(name = "rehearse", value = "true")
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "crates", value = "llmo-core, nope")
    void releaseRefusesASelectionOfUnknownCratesWithoutAStackTrace(ReleaseMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("-Dcrates.crates names nope, not crate(s) of the plan"), e.getMessage());
        assertTrue(e.getMessage().contains("choose among: llmo-audit,"), e.getMessage());
        assertEquals(null, e.getCause(), "a user error carries no stack trace");
    }
}
