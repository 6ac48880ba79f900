package io.github.cratesrelease.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goals of one Maven run that only read share one analysis (mvn crates:validate crates:plan reads the manifests
 * once), and only while the files it was made from are unchanged: the bundled example, edited between the goals as a
 * user or another plugin would.
 */
class SharedAnalysisTest {

    @TempDir
    Path tmp;

    private Path spec;
    private final Map<String, String> env = Map.of("HOME", "/nonexistent-home", "PATH", System.getenv("PATH"));

    @BeforeEach
    void example() {
        spec = Fixtures.example(tmp).resolve("release.yaml");
        SharedAnalysis.forget();
    }

    @AfterEach
    void clean() {
        SharedAnalysis.forget();
    }

    private Analysis analyse(String run) {
        try (RunContext ctx = RunContext.builder(env, new RecordingReporter()).spec(spec).shareAnalysisWithin(run)
                .build()) {
            return ctx.analysis();
        }
    }

    private static CargoPackage member(Analysis a, String name) {
        return a.workspace().member(name).orElseThrow();
    }

    @Test
    void theSecondGoalOfARunTakesTheFirstsAnalysisWithFindingsOfItsOwn() {
        Analysis validate = analyse("run-1");
        validate.diagnostics().add(Diagnostic.warning(Location.of(spec), "changelog: added by validate", "hint"));
        Analysis plan = analyse("run-1");
        assertSame(validate.workspace(), plan.workspace());
        assertSame(validate.plan(), plan.plan());
        assertNotSame(validate.diagnostics(), plan.diagnostics());
        assertTrue(plan.diagnostics().all().stream().noneMatch(d -> d.message().contains("added by validate")),
                "a goal's own findings stay its own");
        assertNotSame(validate.workspace(), analyse("run-2").workspace(), "another Maven run reads again");
    }

    @Test
    void aManifestEditedBetweenTheGoalsIsReadAgainEvenAtTheSameSize() throws Exception {
        Analysis first = analyse("run-1");
        Path manifest = member(first, "llmo-audit").manifest();
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("Audit log records", "Audit log RECORDS"));
        Analysis second = analyse("run-1");
        assertNotSame(first.workspace(), second.workspace());
        assertEquals("Audit log RECORDS for the orchestrator.", member(second, "llmo-audit").description());
        assertSame(second.workspace(), analyse("run-1").workspace(), "and that reading is shared again");
    }

    @Test
    void aCrateAddedUnderAGlobOrAnEditedSpecIsReadAgain() throws Exception {
        Analysis first = analyse("run-1");
        int members = first.workspace().members().size();
        Fixtures.write(first.workspace().root().resolve("crates/zeta/Cargo.toml"), """
                [package]
                name = "llmo-zeta"
                version.workspace = true
                edition.workspace = true
                license.workspace = true
                """);
        Fixtures.write(first.workspace().root().resolve("crates/zeta/src/lib.rs"), "");
        Analysis second = analyse("run-1");
        assertEquals(members + 1, second.workspace().members().size());

        Files.writeString(spec, Files.readString(spec) + "\n# a comment\n");
        assertNotSame(second.workspace(), analyse("run-1").workspace());
    }

    @Test
    void aDeclaredReadmeRemovedBetweenTheGoalsIsLookedForAgainAnUndeclaredOneEditedChangesNothing() throws Exception {
        Path audit = spec.getParent().resolve("crates/audit");
        Path manifest = audit.resolve("Cargo.toml");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("(?m)^(name = .*)$",
                "$1\nreadme = \"docs/README.md\""));
        Fixtures.write(audit.resolve("docs/README.md"), "# audit\n");
        Fixtures.write(spec.getParent().resolve("crates/core/README.md"), "# core\n");  // cargo's default, undeclared
        Analysis first = analyse("run-1");
        assertEquals(audit.resolve("docs/README.md"), member(first, "llmo-audit").readme());
        assertEquals(null, member(first, "llmo-core").readme(), "an undeclared readme is not looked for");

        Files.writeString(spec.getParent().resolve("crates/core/README.md"), "# core, edited\n");
        assertSame(first.workspace(), analyse("run-1").workspace(), "the analysis reads no readme's content");

        Files.delete(audit.resolve("docs/README.md"));
        Analysis second = analyse("run-1");
        assertNotSame(first.workspace(), second.workspace());
        assertTrue(second.diagnostics().all().stream().anyMatch(d -> d.message().contains("docs/README.md does not exist")),
                String.valueOf(second.diagnostics().all()));
    }

    @Test
    void aCargoConfigWrittenBetweenTheGoalsIsReadAgain() throws Exception {
        Files.createDirectories(spec.getParent().resolve(".cargo"));  // so only the file itself is new
        Analysis first = analyse("run-1");
        Fixtures.write(first.workspace().root().resolve(".cargo/config.toml"),
                "[registries.kellnr]\nindex = \"sparse+https://kellnr.example/api/v1/crates/\"\n");
        Analysis second = analyse("run-1");
        assertNotSame(first.workspace(), second.workspace());
        assertEquals("sparse+https://kellnr.example/api/v1/crates/", second.cargoConfig().registry("kellnr").index());
    }

    @Test
    void aGoalThatMayChangeFilesForgetsTheAnalysis() {
        Analysis first = analyse("run-1");
        try (RunContext bump = RunContext.builder(env, new RecordingReporter()).spec(spec).build()) {
            bump.analysis();
        }
        assertNotSame(first.workspace(), analyse("run-1").workspace());
    }
}
