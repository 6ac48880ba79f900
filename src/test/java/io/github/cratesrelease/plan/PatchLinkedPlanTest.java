package io.github.cratesrelease.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tokio-shaped workspace whose members require each other from crates.io and are linked only through the root's
 * {@code [patch.crates-io]}: those requirements are sibling requirements for the plan and the reconciliation.
 */
class PatchLinkedPlanTest {

    @TempDir
    Path temp;

    private static Analysis analyze(Path ws) {
        return new Analyzer(Map.of("HOME", ws.resolve("home").toString())).analyze(ws.resolve("release.yaml"));
    }

    private static List<String> errors(Analysis a, Path ws) {
        return a.diagnostics().errors().stream().map(d -> d.format().replace(ws + "/", "")).toList();
    }

    @Test
    void patchedRequirementsOrderThePlan() {
        Path ws = Fixtures.workspace("patch-linked", temp);
        Analysis a = analyze(ws);
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics().all().toString());
        List<List<String>> waves = a.plan().waves().stream()
                .map(w -> w.crates().stream().map(PublishPlan.PlannedCrate::name).toList()).toList();
        assertEquals(List.of(List.of("tokio-macros"), List.of("tokio"), List.of("tokio-util"), List.of("tokio-stream"),
                List.of("tokio-test")), waves);
        PublishPlan.PlannedCrate stream = a.plan().waves().get(3).crates().get(0);
        assertEquals(List.of("tokio", "tokio-util"), stream.dependsOn());
    }

    @Test
    void aPatchedRequirementTheMemberNoLongerSatisfiesIsAnErrorAtTheDependencyLine() throws IOException {
        Path ws = Fixtures.workspace("patch-linked", temp);
        Path util = ws.resolve("tokio-util/Cargo.toml");
        Files.writeString(util, Files.readString(util).replace("version = \"0.7.12\"", "version = \"0.8.0\""));
        Analysis a = analyze(ws);
        assertNull(a.plan());
        List<String> errors = errors(a, ws);
        assertEquals(1, errors.size(), errors.toString());
        // tokio-stream's [dependencies] tokio-util entry is line 13; examples is not released: cargo's concern only
        assertTrue(errors.get(0).startsWith("tokio-stream/Cargo.toml:13:1: dependency 'tokio-util' of 'tokio-stream' "
                + "requires tokio-util '0.7.0', which its current version 0.8.0 does not satisfy"), errors.get(0));
    }

    @Test
    void aPatchToADirectoryThatIsNoMemberLinksNothing() throws IOException {
        Path ws = Fixtures.workspace("patch-linked", temp);
        Path root = ws.resolve("Cargo.toml");
        Files.writeString(root, Files.readString(root).replace("tokio-util = { path = \"tokio-util\" }\n",
                "tokio-util = { path = \"vendor/tokio-util\" }\n"));
        Analysis a = analyze(ws);
        assertTrue(a.diagnostics().errors().isEmpty(), a.diagnostics().all().toString());
        assertEquals(List.of("tokio"), a.plan().crates().stream().filter(c -> c.name().equals("tokio-stream"))
                .findFirst().orElseThrow().dependsOn());
    }

    @Test
    void aPatchOfANamedRegistryLinksRequirementsOnThatRegistryOnly() {
        // a private-registry workspace: members require each other from kellnr, [patch.kellnr] builds the siblings
        TestWorkspace w = new TestWorkspace(temp.resolve("kellnr")).workspace("\n[patch.kellnr]\n"
                        + "kv-core = { path = \"crates/kv-core\" }\n")
                .crate("kv-core", "0.3.0", "")
                .crate("kv-server", "0.3.0", "\n[dependencies]\nkv-core = { version = \"0.3\", registry = \"kellnr\" }\n")
                .crate("kv-cli", "0.3.0", "\n[dependencies]\nkv-core = \"0.2\"\n") // crates.io's kv-core: not patched
                .spec("version: 1\ndefaults: { registry: kellnr }\nregistries:\n  kellnr:\n"
                        + "    index: sparse+https://kellnr.example.com/api/v1/crates/\n");
        Analysis a = w.analyze();
        assertEquals(List.of("kv-core"), a.plan().crates().stream().filter(c -> c.name().equals("kv-server"))
                .findFirst().orElseThrow().dependsOn());
        assertEquals(List.of(), a.plan().crates().stream().filter(c -> c.name().equals("kv-cli"))
                .findFirst().orElseThrow().dependsOn());
    }
}
