package io.github.cratesrelease.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value of the wrong type says how to write it (not what the key is for); a choice says what is allowed. */
class SpecMessagesTest {

    @TempDir
    Path temp;

    private List<String> errors(String text) {
        Path spec = Fixtures.write(temp.resolve("release.yaml"), text);
        ReleaseException e = assertThrows(ReleaseException.class, () -> new SpecLoader().load(spec));
        return e.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::format)
                .map(f -> f.replace(temp.toAbsolutePath().normalize() + "/", "")).toList();
    }

    private void assertOnly(String expected, String spec) {
        List<String> errors = errors(spec);
        assertEquals(List.of(expected), errors);
    }

    @Test
    void anInvalidNameIsLocatedAtTheNameNotAtTheStartOfItsSection() {
        assertOnly("release.yaml:5:3: invalid name '2fast' in crates (A crate name as crates.io accepts it: an ASCII "
                + "letter, then letters, digits, '-' or '_', at most 64 characters.)", """
                version: 1
                crates:
                  engine-core: {}
                  engine-app: {}
                  2fast: {}
                """);
    }

    @Test
    void aWrongTypeSaysHowToWriteTheValue() {
        assertOnly("release.yaml:4:12: wait.timeout must be a duration, not an integer (write a duration such as 10m)",
                """
                version: 1
                wait:
                  strategy: index
                  timeout: 10
                """);
        assertOnly("release.yaml:4:27: crates.engine-core.publish must be true or false, not a string "
                + "(write true or false)", """
                version: 1
                crates:
                  engine-app: {}
                  engine-core: { publish: yes }
                """);
        assertOnly("release.yaml:4:31: changelog.require-unreleased-entries must be true or false, not a string "
                + "(write true or false)", """
                version: 1
                changelog:
                  path: CHANGELOG.md
                  require-unreleased-entries: "no"
                """);
        assertOnly("release.yaml:5:7: versioning.groups.render must be a list, not a mapping "
                + "(write a list such as [my-core, my-cli])", """
                version: 1
                versioning:
                  groups:
                    render:
                      core: x
                """);
        assertOnly("release.yaml:2:9: crates must be a mapping, not a list "
                + "(write a mapping keyed by name such as { engine-core: {}, engine-app: {} })", """
                version: 1
                crates: [engine-core, engine-app]
                """);
        assertOnly("release.yaml:2:12: workspace must be a string, not an integer (quote it: \"5\")", """
                version: 1
                workspace: 5
                """);
        assertOnly("release.yaml:4:12: registries.kellnr.token must be a mapping, not a list "
                + "(write a mapping such as { env: MY_TOKEN }; its keys: env, server, provider)", """
                version: 1
                registries:
                  kellnr:
                    token: [KELLNR_TOKEN]
                """);
    }

    @Test
    void noTypeHintRepeatsTheKeysDescription() {
        List<String> errors = errors("""
                version: 1
                wait: fast
                post-publish:
                  - verify: yes
                  - run: cargo-test
                """);
        assertEquals(3, errors.size(), errors.toString());
        for (String e : errors) {
            assertTrue(e.contains("(write "), e);
            assertFalse(e.contains("wait policy between publish waves"), e);
            assertFalse(e.contains("Every crate of the release visible"), e);
            assertFalse(e.contains("environment: CRATE_NAME"), e);
        }
        assertTrue(errors.get(0).contains("wait must be a mapping, not a string (write a mapping such as "
                + "{ strategy: index }; its keys: strategy, timeout, interval, delay)"), errors.get(0));
        assertTrue(errors.get(1).contains("post-publish[0].verify must be empty or a mapping, not a string "
                + "(write a mapping such as { timeout: 10m }; its keys: timeout, or leave it empty)"), errors.get(1));
        assertTrue(errors.get(2).contains("post-publish[1].run must be a list, not a string "
                + "(write a list such as [cargo-test])"), errors.get(2));
    }

    @Test
    void orderSaysWhatIsAllowed() {
        assertOnly("release.yaml:2:8: order is `auto` or a list of crate names, not 'yes' "
                + "(write auto, or a list such as [my-core, my-cli])", """
                version: 1
                order: yes
                """);
        assertOnly("release.yaml:2:8: order is `auto` or a list of crate names, not a mapping "
                + "(write auto, or a list such as [my-core, my-cli])", """
                version: 1
                order: { first: engine-core }
                """);
    }

    @Test
    void aListWhereAListIsAllowedGetsItsOwnErrorsOnly() {
        assertOnly("release.yaml:2:22: order lists 'engine-core' twice (remove one of them)", """
                version: 1
                order: [engine-core, engine-core]
                """);
        List<String> errors = errors("""
                version: 1
                order: [engine-core, "engine app"]
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("release.yaml:2:22: order[1] is not in the expected form (A crate name"),
                errors.get(0));
    }

    @Test
    void aSpecPathThatIsADirectoryIsNamedWithoutALocation() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("release.yaml"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> new SpecLoader().load(dir));
        Diagnostic d = e.diagnostics().errors().get(0);
        assertNull(d.location(), d.format());
        assertTrue(d.format().startsWith("the release spec " + dir.toAbsolutePath().normalize() + " is a directory"),
                d.format());
        assertTrue(d.format().contains("release.yaml/release.yaml"), d.format());
    }
}
