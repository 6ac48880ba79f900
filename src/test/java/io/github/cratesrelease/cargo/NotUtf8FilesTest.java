package io.github.cratesrelease.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.version.BumpEngine;
import io.github.cratesrelease.version.BumpRequest;
import io.github.cratesrelease.version.VersionBump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cargo.toml, Cargo.lock, CHANGELOG.md and release.yaml that are not UTF-8: located at the first bad byte. */
class NotUtf8FilesTest {

    @TempDir
    Path tmp;

    /** The example workspace with the first {@code marker} of {@code rel} followed by byte {@code bad}. */
    private Path spoiled(String rel, String marker, int bad) throws IOException {
        Path ws = Fixtures.example(tmp.resolve(rel.replace('/', '_') + bad));
        Path f = ws.resolve(rel);
        String text = Files.readString(f);
        int at = text.indexOf(marker) + marker.length();
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) bad;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(f, all);
        return ws;
    }

    private static List<String> errors(Path ws, Runnable goal) {
        ReleaseException e = assertThrows(ReleaseException.class, goal::run);
        String prefix = ws + "/";
        return e.diagnostics().errors().stream().map(Diagnostic::format)
                .map(s -> s.startsWith(prefix) ? s.substring(prefix.length()) : s).toList();
    }

    private static Runnable analyze(Path ws) {
        return () -> new Analyzer(Map.of()).analyze(ws.resolve("release.yaml"));
    }

    @Test
    void aManifestThatIsNotUtf8() throws IOException {
        Path ws = spoiled("Cargo.toml", "resolver = \"2", 0xff);
        assertEquals(List.of("Cargo.toml:3:14: not UTF-8: byte 0xff (at offset 112) is not part of a UTF-8 "
                + "character (save Cargo.toml as UTF-8)"), errors(ws, analyze(ws)));
        ws = spoiled("crates/core/Cargo.toml", "[package]\n", 0xc3);
        assertEquals(List.of("crates/core/Cargo.toml:2:1: not UTF-8: byte 0xc3 (at offset 10) is not part "
                + "of a UTF-8 character (save Cargo.toml as UTF-8)"), errors(ws, analyze(ws)));
    }

    @Test
    void aSpecThatIsNotUtf8() throws IOException {
        Path ws = spoiled("release.yaml", "order: au", 0x80);
        assertEquals(List.of("release.yaml:16:10: not UTF-8: byte 0x80 (at offset 349) is not part of a "
                + "UTF-8 character (save release.yaml as UTF-8)"), errors(ws, analyze(ws)));
    }

    @Test
    void aLockFileAndAChangelogThatAreNotUtf8() throws IOException {
        Path ws = spoiled("Cargo.lock", "name = \"llmo-audit\"\nversion = \"0.", 0xfe);
        assertEquals(List.of("Cargo.lock:7:14: not UTF-8: byte 0xfe (at offset 149) is not part of a UTF-8 "
                + "character (save Cargo.lock as UTF-8)"), errors(ws, bump(ws)));
        ws = spoiled("CHANGELOG.md", "All notable ", 0xe2);
        assertEquals(List.of("CHANGELOG.md:3:13: not UTF-8: byte 0xe2 (at offset 25) is not part of a "
                + "UTF-8 character (save CHANGELOG.md as UTF-8)"), errors(ws, bump(ws)));
    }

    private static Runnable bump(Path ws) {
        return () -> new BumpEngine(Map.of("HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH")),
                new RecordingReporter()).bump(new BumpRequest(ws.resolve("release.yaml"), VersionBump.Level.MINOR,
                null, List.of(), true, false, LocalDate.of(2026, 12, 2)));
    }
}
