package io.github.cratesrelease.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.TestWorkspace;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Analyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    @TempDir
    Path temp;

    private static List<List<String>> waves(PublishPlan plan) {
        return plan.waves().stream().map(w -> w.crates().stream().map(PublishPlan.PlannedCrate::name).toList()).toList();
    }

    @Test
    void exampleWorkspacePublishesInGraphOrder() {
        Path ws = Fixtures.example(temp);
        Analysis a = new Analyzer(Map.of()).analyze(ws.resolve("release.yaml"));
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics().all().toString());
        assertEquals(List.of(
                List.of("llmo-audit", "llmo-secrets", "llmo-state"),
                List.of("llmo-auth", "llmo-providers"),
                List.of("llmo-core"),
                List.of("llmo-sdk"),
                List.of("llmo-cli")), waves(a.plan()));
        PublishPlan.PlannedCrate cli = a.plan().waves().get(4).crates().get(0);
        assertEquals(List.of("llmo-core", "llmo-providers", "llmo-sdk"), cli.dependsOn());
        assertEquals("0.4.0", cli.version());
        assertEquals("crates-io", cli.registry());
    }

    @Test
    void versionedDevDependencyOrdersAndUnversionedDevCycleDoesNot() {
        TestWorkspace w = new TestWorkspace(temp).workspace("")
                .crate("a", "1.0.0", "[dependencies]\nb = { path = \"../b\", version = \"1\" }\n")
                .crate("b", "1.0.0", "[dev-dependencies]\na = { path = \"../a\" }\n")
                .crate("c", "1.0.0", "[dev-dependencies]\na = { path = \"../a\", version = \"1\" }\n")
                .spec("version: 1\n");
        Analysis a = w.analyze();
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics().all().toString());
        assertEquals(List.of(List.of("b"), List.of("a"), List.of("c")), waves(a.plan()));
    }

    @Test
    void versionedDevDependencyCycleIsReportedWithEveryEdge() {
        TestWorkspace w = new TestWorkspace(temp).workspace("")
                .crate("x", "1.0.0", "[dependencies]\ny = { path = \"../y\", version = \"1\" }\n")
                .crate("y", "1.0.0", "[dev-dependencies]\nx = { path = \"../x\", version = \"1\" }\n")
                .spec("version: 1\n");
        Analysis a = w.analyze();
        assertNull(a.plan());
        List<String> f = w.findings();
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("error: crates/x/Cargo.toml:8:1: dependency cycle among published crates: x -> y -> x "
                + "(x -> y at crates/x/Cargo.toml:8:1 [dependencies]; y -> x at crates/y/Cargo.toml:8:1 [dev-dependencies])"),
                f.get(0));
    }

    @Test
    void explicitOrderIsCheckedAgainstTheGraph() {
        Path ws = Fixtures.example(temp);
        Fixtures.write(ws.resolve("release.yaml"), """
                version: 1
                order:
                  - llmo-secrets
                  - llmo-state
                  - llmo-audit
                  - llmo-auth
                  - llmo-core
                  - llmo-providers
                  - llmo-sdk
                  - llmo-cli
                """);
        Analysis a = new Analyzer(Map.of()).analyze(ws.resolve("release.yaml"));
        assertNull(a.plan());
        List<String> errors = a.diagnostics().errors().stream().map(d -> d.format()).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).matches(".*release\\.yaml:7:5: order publishes 'llmo-core' before 'llmo-providers', "
                + "but llmo-core depends on llmo-providers \\(.*crates/core/Cargo\\.toml:13:1, \\[dependencies\\]\\) "
                + "\\(move 'llmo-providers' above 'llmo-core' in order, or use 'order: auto'\\)"), errors.get(0));
    }

    @Test
    void validExplicitOrderGivesOneCratePerWave() {
        Path ws = Fixtures.example(temp);
        Fixtures.write(ws.resolve("release.yaml"), "version: 1\norder: [llmo-secrets, llmo-state, llmo-audit, llmo-auth, "
                + "llmo-providers, llmo-core, llmo-sdk, llmo-cli]\n");
        Analysis a = new Analyzer(Map.of()).analyze(ws.resolve("release.yaml"));
        assertTrue(a.plan().explicitOrder());
        assertEquals(8, a.plan().waves().size());
        assertEquals("llmo-providers", a.plan().waves().get(4).crates().get(0).name());
    }

    @Test
    void explicitOrderMustNameEveryReleasedCrateAndNoOther() {
        Path ws = Fixtures.example(temp);
        Fixtures.write(ws.resolve("release.yaml"), "version: 1\norder: [llmo-secrets, llmo-secret]\n");
        Analysis a = new Analyzer(Map.of()).analyze(ws.resolve("release.yaml"));
        List<String> errors = a.diagnostics().errors().stream().map(d -> d.format()).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("order names 'llmo-secret', which is not a released crate "
                + "(did you mean 'llmo-secrets'?)")), errors.toString());
        assertEquals(8, errors.size(), errors.toString()); // 1 unknown + 7 missing
    }

    private List<String> orderErrors(String... order) {
        Path ws = Fixtures.example(temp);
        Fixtures.write(ws.resolve("release.yaml"), "version: 1\norder:\n" + String.join("", java.util.Arrays
                .stream(order).map(n -> "  - " + n + "\n").toList()));
        Analysis a = new Analyzer(Map.of()).analyze(ws.resolve("release.yaml"));
        assertNull(a.plan());
        return a.diagnostics().errors().stream().map(d -> d.format().replace(ws + "/", "")).toList();
    }

    @Test
    void aCrateListedAboveSeveralOfItsDependenciesIsOneError() {
        List<String> errors = orderErrors("llmo-cli", "llmo-secrets", "llmo-state", "llmo-audit", "llmo-auth",
                "llmo-providers", "llmo-core", "llmo-sdk");
        assertEquals(List.of("release.yaml:3:5: order publishes 'llmo-cli' before 'llmo-sdk', but llmo-cli depends on "
                + "llmo-sdk (crates/cli/Cargo.toml:19:1, [dependencies]); it also depends on 'llmo-core' and "
                + "'llmo-providers', listed after it too (move 'llmo-cli' below 'llmo-sdk' in order, or use "
                + "'order: auto')"), errors);
    }

    @Test
    void aCrateListedBelowSeveralOfItsDependentsIsOneError() {
        List<String> errors = orderErrors("llmo-state", "llmo-audit", "llmo-auth", "llmo-providers", "llmo-core",
                "llmo-sdk", "llmo-cli", "llmo-secrets");
        assertEquals(List.of("release.yaml:5:5: order publishes 'llmo-auth' before 'llmo-secrets', but llmo-auth "
                + "depends on llmo-secrets (crates/auth/Cargo.toml:13:1, [dependencies]); so do 'llmo-providers', "
                + "listed before it too (move 'llmo-secrets' above 'llmo-auth' in order, or use 'order: auto')"),
                errors);
    }
}
