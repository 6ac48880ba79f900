package io.github.cratesrelease.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reconciliation finding, each with its file:line:col and fix. */
class ReconcilerTest {

    @TempDir
    Path temp;

    private List<String> findings;

    @BeforeEach
    void buildTroubledWorkspace() {
        TestWorkspace w = new TestWorkspace(temp)
                .workspace("""
                        [workspace.dependencies]
                        priv-lib = { path = "crates/priv-lib", version = "0.1.0" }
                        """)
                .file(".cargo/config.toml", "[registries.corp]\nindex = \"sparse+http://127.0.0.1:9/index/\"\n")
                .file("crates/nodesc/src/lib.rs", "")
                .file("crates/nodesc/Cargo.toml", "[package]\nname = \"nodesc\"\nversion = \"1.0.0\"\n")
                .crate("base", "1.0.0", "")
                .crate("pathnover", "1.0.0", "[dependencies]\nbase = { path = \"../base\" }\n")
                .crate("wrongreq", "1.0.0", "[dependencies]\nbase = { path = \"../base\", version = \"2\" }\n")
                .crate("priv-lib", "0.1.0", "")
                .crate("uses-priv", "0.1.0", "[dependencies]\npriv-lib.workspace = true\n")
                .crate("cio-uses-priv", "0.1.0",
                        "[dependencies]\npriv-lib = { path = \"../priv-lib\", version = \"0.1\", registry = \"corp\" }\n")
                .crate("internal", "0.1.0", "publish = false\n")
                .crate("dep-on-internal", "0.1.0", "[dependencies]\ninternal = { path = \"../internal\", version = \"0.1\" }\n")
                .crate("onlycorp", "0.1.0", "publish = [\"corp\"]\n")
                .crate("manykw", "0.1.0", "keywords = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]\n")
                .crate("badreadme", "0.1.0", "readme = \"MISSING.md\"\n")
                .crate("undefreg", "0.1.0", "[dependencies]\nx = { version = \"1\", registry = \"nowhere\" }\n")
                .crate("forgotten", "0.1.0", "")
                .spec("""
                        version: 1
                        crates:
                          nodesc: {}
                          base: {}
                          pathnover: {}
                          wrongreq: {}
                          priv-lib: { registry: corp }
                          uses-priv: { registry: corp }
                          cio-uses-priv: {}
                          internal: { publish: false }
                          dep-on-internal: {}
                          onlycorp: {}
                          manykw: {}
                          badreadme: {}
                          undefreg: { registry: corpp }
                          ghost: {}
                        """);
        findings = w.findings();
    }

    private void assertFinding(String expected) {
        assertTrue(findings.stream().anyMatch(f -> f.startsWith(expected)),
                "missing finding:\n  " + expected + "\nin:\n  " + String.join("\n  ", findings));
    }

    @Test
    void specCrateMissingFromWorkspace() {
        assertFinding("error: release.yaml:16:3: crate 'ghost' is not a member of the workspace");
    }

    @Test
    void publishableMemberMissingFromSpecIsAWarningWithTheLineToAdd() {
        assertFinding("warning: release.yaml:2:1: publishable workspace member 'forgotten' (forgotten) is not in the spec, "
                + "so it will not be released (add '  forgotten: {}' under crates:");
    }

    @Test
    void cratesIoRequiredMetadata() {
        assertFinding("error: crates/nodesc/Cargo.toml:1:1: crate 'nodesc' has no description; crates.io requires one "
                + "(add description = \"...\" to [package])");
        assertFinding("error: crates/nodesc/Cargo.toml:1:1: crate 'nodesc' has neither license nor license-file");
        assertFinding("error: crates/manykw/Cargo.toml:7:1: crate 'manykw' has 6 keywords; crates.io allows 5");
        assertFinding("error: crates/badreadme/Cargo.toml:7:1: readme ");
    }

    @Test
    void pathDependencyWithoutVersion() {
        assertFinding("error: crates/pathnover/Cargo.toml:8:1: path dependency 'base' of 'pathnover' has no version; "
                + "cargo cannot publish a crate whose dependency has only a path (add version = \"1.0.0\")");
    }

    @Test
    void requirementNotSatisfiedByCurrentVersion() {
        assertFinding("error: crates/wrongreq/Cargo.toml:8:1: dependency 'base' of 'wrongreq' requires base '2', which its "
                + "current version 1.0.0 does not satisfy (set version = \"1.0.0\"");
    }

    @Test
    void pathDependencyOnPrivateRegistryCrateNeedsRegistryKey() {
        assertFinding("error: crates/uses-priv/Cargo.toml:8:1: path dependency 'priv-lib' of 'uses-priv' has no registry, "
                + "but 'priv-lib' is published to 'corp'; cargo would look for it on crates.io (add registry = \"corp\" in "
                + "[workspace.dependencies] of the root Cargo.toml)");
    }

    @Test
    void cratesIoCrateDependingOnAnotherRegistry() {
        assertFinding("error: crates/cio-uses-priv/Cargo.toml:8:1: 'cio-uses-priv' goes to crates.io but depends on "
                + "'priv-lib', which goes to 'corp'");
    }

    @Test
    void publishedCrateDependingOnUnpublishedOne() {
        assertFinding("error: crates/dep-on-internal/Cargo.toml:8:1: 'dep-on-internal' is published but depends on "
                + "'internal', which is never published");
    }

    @Test
    void packagePublishListExcludingTheSpecRegistry() {
        assertFinding("error: crates/onlycorp/Cargo.toml:7:1: crate 'onlycorp' may only be published to [corp] "
                + "(package.publish), but the spec publishes it to 'crates-io'");
    }

    @Test
    void undefinedRegistries() {
        assertFinding("error: release.yaml:15:25: crate 'undefreg' uses registry 'corpp', which is not defined "
                + "(did you mean 'corp'?)");
        assertFinding("error: crates/undefreg/Cargo.toml:8:1: dependency 'x' of 'undefreg' names registry 'nowhere', "
                + "which is not defined (declare it under registries:");
    }

    @Test
    void findingsAreOrderedAndCounted() {
        assertEquals(13, findings.stream().filter(f -> f.startsWith("error")).count(), String.join("\n", findings));
    }

    @Test
    void missingLicenseSuggestsInheritingTheWorkspacesOne() {
        List<String> found = new TestWorkspace(temp.resolve("inheriting"))
                .workspace("""
                        [workspace.package]
                        version = "0.3.0"
                        license = "MIT OR Apache-2.0"
                        """)
                .file("crates/wasm-parse/src/lib.rs", "")
                .file("crates/wasm-parse/Cargo.toml", """
                        [package]
                        name = "wasm-parse"
                        version.workspace = true
                        description = "A parser"
                        """)
                .spec("version: 1\ncrates:\n  wasm-parse: {}\n")
                .findings();
        assertTrue(found.contains("error: crates/wasm-parse/Cargo.toml:1:1: crate 'wasm-parse' has neither license nor "
                + "license-file; crates.io requires one (add license.workspace = true to [package]: the root "
                + "Cargo.toml's [workspace.package] has a license)"), String.join("\n", found));
        // without a workspace license, the fix is to write one
        assertFinding("error: crates/nodesc/Cargo.toml:1:1: crate 'nodesc' has neither license nor license-file; "
                + "crates.io requires one (add license = \"MIT OR Apache-2.0\"");
    }
}
