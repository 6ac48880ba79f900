package io.github.cratesrelease.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input in the spec (issue 17 part 1), each class a located error at the place in release.yaml: characters YAML
 * does not allow, an unsupported %YAML version, a tag its value contradicts, numbers out of range, a path with a NUL,
 * and a {@code workspace:} that names a directory without Cargo.toml.
 */
class SpecBadInputTest {

    @TempDir
    Path temp;

    private List<String> errors(String text) {
        Path spec = Fixtures.write(temp.resolve("release.yaml"), text);
        ReleaseException e = assertThrows(ReleaseException.class, () -> new SpecLoader().load(spec));
        return e.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::format)
                .map(f -> f.replace(temp.toAbsolutePath().normalize() + "/", "")).toList();
    }

    @Test
    void aCharacterYamlDoesNotAllowIsLocatedAtItsLineAndColumn() {
        assertEquals(List.of("release.yaml:2:14: YAML error: character U+0000 is not allowed in YAML (remove it, or "
                + "write it escaped in a double-quoted string (\\u0000))"), errors("version: 1\nworkspace: ab\0c\n"));
    }

    @Test
    void anUnsupportedYamlVersionIsLocatedAtTheDirectiveWithoutJavasToString() {
        List<String> errors = errors("# spec\n%YAML 9.9\n---\nversion: 1\n");
        assertEquals(List.of("release.yaml:2:1: unsupported YAML version 9.9: this reader reads YAML 1.x (remove the "
                + "%YAML directive, or write %YAML 1.2)"), errors);
        assertFalse(errors.get(0).contains("Version{"));
    }

    @Test
    void aTagItsValueContradictsIsLocatedAtTheValue() {
        assertEquals("release.yaml:2:12: 'x' is tagged !!int but is not an integer (remove the tag, or write an "
                + "integer)", errors("version: 1\nworkspace: !!int x\n").get(0));
        assertEquals("release.yaml:2:12: 'yes please' is tagged !!bool but is not true or false (remove the tag, or "
                + "write true or false)", errors("version: 1\nworkspace: !!bool yes please\n").get(0));
    }

    @Test
    void aNumberOutOfRangeIsLocatedAtTheNumber() {
        assertEquals(List.of("release.yaml:4:26: 'burst' must be an integer from 1 to 2147483647, found "
                + "'99999999999999999999' (write a number in that range)"), errors("""
                version: 1
                rate-limits:
                  crates-io:
                    new-crates: { burst: 99999999999999999999, interval: 1m }
                """));
        assertEquals(List.of("release.yaml:10:21: 'some-key' must be an integer from -9223372036854775808 to "
                + "9223372036854775807, found '9223372036854775808' (write a number in that range)"), errors("""
                version: 1
                redist:
                  - name: x
                    git: https://github.com/example/x
                    rev: 0123456789abcdef0123456789abcdef01234567
                    crates: [x]
                    patches:
                      x:
                        package:
                          some-key: 9223372036854775808
                """));
    }

    @Test
    void aPathWithANulIsLocatedAtItsKey() {
        assertEquals(List.of("release.yaml:2:12: 'workspace' is not a valid path: it holds a NUL character (write the "
                + "path without control characters)"), errors("version: 1\nworkspace: \"a\\0b\"\n"));
        assertEquals(List.of("release.yaml:3:9: 'path' is not a valid path: it holds a NUL character (write the "
                + "path without control characters)"), errors("version: 1\nchangelog:\n  path: \"CHANGE\\0LOG.md\"\n"));
    }

    @Test
    void aWorkspaceWithoutCargoTomlIsReportedAtTheSpecsWorkspaceKey() {
        Path spec = Fixtures.write(temp.resolve("release.yaml"), "version: 1\nworkspace: /\ncrates:\n  a: {}\n");
        ReleaseException e = assertThrows(ReleaseException.class, () -> new Analyzer(Map.of()).analyze(spec));
        assertEquals(List.of(spec + ":2:12: no Cargo.toml at the workspace root /, the directory named here (set "
                + "'workspace:' in the spec to the directory that holds the workspace's root Cargo.toml)"),
                e.diagnostics().errors().stream().map(Diagnostic::format).toList());
    }
}
