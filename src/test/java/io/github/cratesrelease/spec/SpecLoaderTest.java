package io.github.cratesrelease.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

    @TempDir
    Path temp;

    private Path spec(String text) {
        return Fixtures.write(temp.resolve("release.yaml"), text);
    }

    private List<String> errors(String text) {
        ReleaseException e = assertThrows(ReleaseException.class, () -> new SpecLoader().load(spec(text)));
        return e.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
    }

    @Test
    void readsTheFullCoreShape() {
        ReleaseSpec s = new SpecLoader().load(spec("""
                version: 1
                workspace: rust
                defaults: { registry: my-private }
                registries:
                  my-private:
                    index: sparse+https://example.com/cargo/index/
                    token: { env: MY_PRIVATE_TOKEN }
                    wait: { strategy: index, timeout: 10m, interval: 2s }
                crates:
                  my-core: {}
                  my-cli: { registry: crates-io }
                  my-internal: { publish: false }
                order: [my-core, my-cli]
                wait: { strategy: fixed, delay: 1m30s }
                """));
        assertEquals(temp.resolve("rust").toAbsolutePath().normalize(), s.workspaceRoot());
        assertEquals("my-private", s.defaultRegistry());
        assertEquals("my-private", s.registryOf("my-core"));
        assertEquals("crates-io", s.registryOf("my-cli"));
        assertFalse(s.crates().get("my-internal").publish());
        ReleaseSpec.RegistrySpec r = s.registries().get("my-private");
        assertEquals(ReleaseSpec.TokenRef.Kind.ENV, r.token().kind());
        assertEquals("MY_PRIVATE_TOKEN", r.token().reference());
        assertEquals(ReleaseSpec.WaitPolicy.Strategy.INDEX, s.waitFor("my-private").strategy());
        assertEquals(ReleaseSpec.WaitPolicy.Strategy.FIXED, s.waitFor("crates-io").strategy());
        assertEquals(Duration.ofSeconds(90), s.waitPolicy().delay());
        assertEquals(List.of("my-core", "my-cli"), s.order().names());
        assertEquals(13, s.order().locations().get(0).line());
        assertEquals(10, s.crates().get("my-core").location().line());
        assertEquals(3, s.crates().get("my-core").location().column());
    }

    @Test
    void reportsEveryErrorAtOnceWithLineColumnAndFix() {
        List<String> errors = errors("""
                version: 1
                registy: {}
                crates:
                  my-core: { registri: x }
                wait: { strategy: sometimes, timeout: ten }
                order: first
                """);
        assertEquals(5, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).matches("release\\.yaml:2:1: unknown key 'registy' in the spec \\(did you mean 'registries'\\?\\)"
                .replace("release\\.yaml", ".*release\\.yaml")), errors.get(0));
        assertTrue(errors.get(1).contains("release.yaml:4:14: unknown key 'registri' in crates.my-core (did you mean 'registry'?)"),
                errors.get(1));
        assertTrue(errors.get(2).contains("release.yaml:5:19: wait.strategy must be one of: none, index, fixed"), errors.get(2));
        assertTrue(errors.get(3).contains("release.yaml:5:39: wait.timeout is not in the expected form (A duration such as"),
                errors.get(3));
        assertTrue(errors.get(4).contains("release.yaml:6:8: order is `auto` or a list of crate names, not 'first' (write auto"), errors.get(4));
    }

    @Test
    void missingVersionAndWrongTypes() {
        List<String> errors = errors("""
                crates: [a, b]
                """);
        assertTrue(errors.stream().anyMatch(e -> e.contains("release.yaml:1:1: missing required key 'version' in the spec")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("release.yaml:1:9: crates must be a mapping, not a list")),
                errors.toString());
    }

    @Test
    void duplicateKeysAreErrorsWithBothPlaces() {
        List<String> errors = errors("""
                version: 1
                crates:
                  a: {}
                  a: {}
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("release.yaml:4:3: duplicate key 'a' (first defined at line 3)"), errors.get(0));
    }

    @Test
    void literalTokenIsRefusedWithoutRepeatingIt() {
        String canary = "cio_CANARY_4f9a1b2c3d4e5f60718293a4b5c6d7e8";
        ReleaseException e = assertThrows(ReleaseException.class, () -> new SpecLoader().load(spec("""
                version: 1
                registries:
                  my-private:
                    index: sparse+https://example.com/index/
                    token: %s
                """.formatted(canary))));
        String all = e.fullMessage();
        assertFalse(all.contains(canary), all);
        assertFalse(all.contains("CANARY"), all);
        assertTrue(all.contains("release.yaml:5:12: registries.my-private.token is written as a literal value"), all);
        assertTrue(all.contains("CARGO_REGISTRIES_MY_PRIVATE_TOKEN"), all);
        assertEquals(1, e.diagnostics().errors().size(), all);
    }

    @Test
    void aliasBombIsStoppedByALimit() {
        StringBuilder y = new StringBuilder("version: 1\nredist:\n");
        y.append("  - &a0 { name: x }\n");
        for (int i = 1; i < 30; i++) {
            y.append("  - &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        List<String> errors = errors(y.toString());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("expands to more than 100000 nodes"), errors.get(0));
    }

    @Test
    void deepNestingIsStoppedByALimit() {
        String deep = "version: 1\nredist: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        List<String> errors = errors(deep);
        assertTrue(errors.get(0).contains("nesting deeper than 64 levels"), errors.get(0));
    }

    @Test
    void hugeInputIsRefusedBeforeParsing() {
        String huge = "version: 1\n# " + "x".repeat(2 << 20) + "\n";
        List<String> errors = errors(huge);
        assertTrue(errors.get(0).contains("release.yaml:2:1: the file is larger than the limit of 1048576 bytes (the "
                + "limit is passed in this line)"), errors.get(0));
    }

    @Test
    void syntaxErrorsAreLocated() {
        List<String> errors = errors("version: 1\ncrates:\n  a: {\n");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).matches(".*release\\.yaml:\\d+:\\d+: YAML syntax error: .*"), errors.get(0));
    }

    @Test
    void emptyAndMissingFiles() {
        assertTrue(errors("").get(0).contains("the spec is empty"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> new SpecLoader().load(temp.resolve("nope.yaml")));
        assertTrue(e.fullMessage().contains("crates:init"), e.fullMessage());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("10 minutes"));
    }

    @Test
    void crateWithoutValueIsAllowed() {
        ReleaseSpec s = new SpecLoader().load(spec("version: 1\ncrates:\n  a:\n"));
        assertTrue(s.crates().get("a").publish());
        assertNull(s.crates().get("a").registry());
    }
}
