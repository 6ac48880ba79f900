package io.github.cratesrelease.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A duration too long to count (wait, post-publish verify): a located error at its key, not a NumberFormatException. */
class OverflowingDurationsTest {

    @TempDir
    Path tmp;

    private List<String> errors(String from, String to) throws IOException {
        Path ws = Fixtures.example(tmp.resolve("d" + Math.abs(to.hashCode())));
        Path spec = ws.resolve("release.yaml");
        String text = Files.readString(spec);
        Files.writeString(spec, text.replace(from, to));
        ReleaseException e = assertThrows(ReleaseException.class, () -> new Analyzer(Map.of()).analyze(spec));
        String prefix = spec + ":";
        return e.diagnostics().errors().stream().map(Diagnostic::format)
                .map(s -> s.startsWith(prefix) ? "release.yaml:" + s.substring(prefix.length()) : s).toList();
    }

    @Test
    void aWaitTimeoutThatOverflowsIsLocatedAtItsKey() throws IOException {
        assertEquals(List.of("release.yaml:19:3: 'timeout': too long a duration: 99999999999999999999h (write a "
                + "duration such as 30s, 10m or 1h30m)"), errors("  timeout: 10m\n", "  timeout: 99999999999999999999h\n"));
        assertEquals(List.of("release.yaml:20:3: 'interval': too long a duration: 9223372036854775807m (write a "
                + "duration such as 30s, 10m or 1h30m)"), errors("  interval: 2s\n", "  interval: 9223372036854775807m\n"));
        assertEquals(List.of("release.yaml:19:3: 'timeout': too long a duration: 2562047788016h1m (write a "
                + "duration such as 30s, 10m or 1h30m)"), errors("  timeout: 10m\n", "  timeout: 2562047788016h1m\n"));
    }

    @Test
    void aVerifyTimeoutThatOverflowsIsLocatedAtItsKey() throws IOException {
        assertEquals(List.of("release.yaml:35:15: 'timeout': too long a duration: 99999999999999999999s (write a "
                + "duration such as 30s, 10m or 1h30m)"), errors("verify: { timeout: 10m }",
                "verify: { timeout: 99999999999999999999s }"));
    }
}
