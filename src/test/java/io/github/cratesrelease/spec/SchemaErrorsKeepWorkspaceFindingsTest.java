package io.github.cratesrelease.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema error does not hide the workspace's own problems: one exception lists both, as long as what is found in
 * the workspace does not depend on the broken key. Fixture: a game-engine workspace (shared [workspace.package],
 * crates/ members, a test-utility member, an example).
 */
class SchemaErrorsKeepWorkspaceFindingsTest {

    @TempDir
    Path temp;

    private TestWorkspace ws;

    @BeforeEach
    void engineWorkspace() {
        ws = new TestWorkspace(temp)
                .file("Cargo.toml", """
                        [workspace]
                        resolver = "2"
                        members = ["crates/*", "tools/test-utils", "examples/hello"]

                        [workspace.package]
                        version = "0.14.0"
                        edition = "2021"
                        license = "MIT OR Apache-2.0"
                        repository = "https://example.com/engine"

                        [workspace.dependencies]
                        engine-math = { path = "crates/engine-math", version = "0.14.0" }
                        engine-core = { path = "crates/engine-core", version = "0.14.0" }
                        """)
                .file("crates/engine-math/Cargo.toml", member("engine-math", "Vector math for the engine", ""))
                .file("crates/engine-core/Cargo.toml", member("engine-core", "Core of the engine",
                        "[dependencies]\nengine-math.workspace = true\n"))
                // forgot license.workspace = true: crates.io refuses it
                .file("crates/engine-render/Cargo.toml", """
                        [package]
                        name = "engine-render"
                        version.workspace = true
                        edition.workspace = true
                        description = "Renderer of the engine"

                        [dependencies]
                        engine-core = { path = "../engine-core" }
                        """)
                .file("tools/test-utils/Cargo.toml", member("engine-test-utils", "Test helpers", "")
                        .replace("[package]\n", "[package]\npublish = false\n"))
                .file("examples/hello/Cargo.toml", member("hello", "An example", "")
                        .replace("[package]\n", "[package]\npublish = false\n"));
        for (String dir : List.of("crates/engine-math", "crates/engine-core", "crates/engine-render",
                "tools/test-utils", "examples/hello")) {
            ws.file(dir + "/src/lib.rs", "pub fn f() {}\n");
        }
    }

    private static String member(String name, String description, String rest) {
        return """
                [package]
                name = "%s"
                version.workspace = true
                edition.workspace = true
                license.workspace = true
                description = "%s"
                %s""".formatted(name, description, rest);
    }

    private ReleaseException failure(String spec) {
        ws.spec(spec);
        return assertThrows(ReleaseException.class, ws::analyze);
    }

    private static List<String> errors(ReleaseException e, Path root) {
        return e.diagnostics().sorted().stream().filter(d -> d.isError())
                .map(d -> d.format().replace(root.toAbsolutePath().normalize() + "/", "")).toList();
    }

    @Test
    void aBrokenWaitDoesNotHideTheManifestsErrors() {
        ReleaseException e = failure("""
                version: 1
                crates:
                  engine-math: {}
                  engine-core: {}
                  engine-render: {}
                  engine-test-utils: { publish: false }
                  hello: { publish: false }
                wait:
                  strategy: index
                  timeout: 10
                """);
        List<String> errors = errors(e, temp);
        assertEquals(3, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).startsWith("crates/engine-render/Cargo.toml:1:1: crate 'engine-render' has neither "
                + "license nor license-file"), errors.get(0));
        assertTrue(errors.get(1).startsWith("crates/engine-render/Cargo.toml:8:1: path dependency 'engine-core' of "
                + "'engine-render' has no version"), errors.get(1));
        assertEquals("release.yaml:10:12: wait.timeout must be a duration, not an integer (write a duration such as 10m)",
                errors.get(2));
        assertEquals("release.yaml is not a valid release spec (1 error); the workspace has 2 more errors",
                e.getMessage());
    }

    @Test
    void aBrokenCratesSectionStillReportsTheManifestsOwnErrorsButNothingThatDependsOnIt() {
        ws.file("crates/engine-math/Cargo.toml", member("engine-math", "Vector math", "")
                .replace("license.workspace = true", "rust-version.workspace = true"));
        ReleaseException e = failure("""
                version: 1
                crates:
                  engine-math: {}
                  engine-core: { publish: maybe }
                  engine-render: {}
                """);
        List<String> errors = errors(e, temp);
        assertEquals(2, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).startsWith("crates/engine-math/Cargo.toml:5:1: 'rust-version.workspace = true' but "
                + "[workspace.package] has no 'rust-version'"), errors.get(0));
        assertTrue(errors.get(1).startsWith("release.yaml:4:27: crates.engine-core.publish must be true or false"),
                errors.get(1));
        // which crates are released is not known while crates: is broken: no crates.io metadata finding
        assertFalse(errors.stream().anyMatch(m -> m.contains("license")), errors.toString());
    }

    @Test
    void anUnknownKeyCountsAsTheKeyItWasMeantToBe() {
        ReleaseException e = failure("""
                version: 1
                crate:
                  engine-math: {}
                """);
        List<String> errors = errors(e, temp);
        // 'crate' was meant to be 'crates': the release set is unknown, the manifests themselves are fine
        assertEquals(List.of("release.yaml:2:1: unknown key 'crate' in the spec (did you mean 'crates'?)"), errors);
        assertEquals("release.yaml is not a valid release spec (1 error)", e.getMessage());
    }

    @Test
    void aBrokenWorkspaceKeyReadsNoWorkspace() {
        ReleaseException e = failure("""
                version: 1
                workspace: [crates]
                wait: { timeout: 10 }
                """);
        assertEquals(2, e.diagnostics().errors().size(), e.fullMessage());
        assertTrue(e.diagnostics().errors().stream().allMatch(d -> d.location().file().endsWith("release.yaml")),
                e.fullMessage());
    }
}
