package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a publish prints and how it fails when cargo fails (real cargo, rehearsal registry): our lines on the
 * console, cargo's in a log (and at debug level), cargo's error lines in the failure message itself.
 */
class CargoOutputTest {

    /** A line cargo prints while it works ("   Compiling geo-types v0.3.0 (...)", "Packaged 4 files, ..."). */
    private static final Pattern CARGO_PROGRESS = Pattern.compile("^\\[(INFO|WARN)] (warning:|note:"
            + "|\\s+(Packaging|Packaged \\d+ files|Verifying|Compiling|Checking|Updating|Uploading|Uploaded|Finished"
            + "|Locking|Adding|Installing|Installed|Downloaded|Downloading|Replacing|Waiting|Published)).*");

    @TempDir
    Path tmp;

    /**
     * A small geometry workspace shaped like many on crates.io: a types crate, an algorithms crate on it, and a
     * command-line tool that is only a binary, with inherited package fields.
     */
    private TestWorkspace geo(String workspacePackage, String algoExtra) {
        TestWorkspace ws = new TestWorkspace(tmp.resolve("geo")).workspace("""

                [workspace.package]
                edition = "2021"
                %s

                [workspace.dependencies]
                geo-types = { path = "crates/geo-types", version = "0.3.0" }
                geo-algo = { path = "crates/geo-algo", version = "0.3.0" }
                """.formatted(workspacePackage));
        ws.crate("geo-types", "0.3.0", workspacePackage.contains("rust-version") ? "rust-version.workspace = true\n"
                : "");
        ws.file("crates/geo-types/src/lib.rs", """
                /// A point in the plane.
                #[derive(Debug, Clone, Copy, PartialEq)]
                pub struct Point { pub x: f64, pub y: f64 }
                """);
        ws.crate("geo-algo", "0.3.0", algoExtra + "\n[dependencies]\ngeo-types.workspace = true\n");
        ws.file("crates/geo-algo/src/lib.rs", """
                use geo_types::Point;

                /// Twice the signed area of a polygon (shoelace formula).
                pub fn area2(ring: &[Point]) -> f64 {
                    ring.iter().zip(ring.iter().cycle().skip(1)).map(|(a, b)| a.x * b.y - b.x * a.y).sum()
                }
                """);
        ws.file("crates/geo-cli/Cargo.toml", """
                [package]
                name = "geo-cli"
                version = "0.3.0"
                edition = "2021"
                description = "Computes polygon areas from the command line."
                license = "MIT"

                [[bin]]
                name = "geo"
                path = "src/main.rs"

                [dependencies]
                geo-types.workspace = true
                geo-algo.workspace = true
                """);
        ws.file("crates/geo-cli/src/main.rs", """
                use geo_types::Point;

                fn main() {
                    let square = [Point { x: 0.0, y: 0.0 }, Point { x: 1.0, y: 0.0 }, Point { x: 1.0, y: 1.0 }];
                    println!("{}", geo_algo::area2(&square) / 2.0);
                }
                """);
        ws.file(".gitignore", "target/\n");
        ws.spec("""
                version: 1
                workspace: .
                defaults:
                  registry: crates-io
                order: auto
                wait:
                  strategy: none
                """);
        return ws;
    }

    private static PublishOptions.Builder rehearsal(TestWorkspace ws) {
        return PublishOptions.builder(ws.root().resolve("release.yaml")).rehearse(true);
    }

    /** Info, warn and error as the console shows them; debug lines (Maven's -X) kept apart. */
    private static final class Console implements Reporter {
        final RecordingReporter shown = new RecordingReporter();
        final List<String> debug = new CopyOnWriteArrayList<>();

        @Override
        public void info(String line) {
            shown.info(line);
        }

        @Override
        public void warn(String line) {
            shown.warn(line);
        }

        @Override
        public void error(String line) {
            shown.error(line);
        }

        @Override
        public void debug(String line) {
            debug.add(line);
        }
    }

    @Test
    void aSuccessfulPublishShowsOneLineOfOursPerCrateAndKeepsCargosOutputInTheLog() {
        TestWorkspace ws = geo("", "");
        Console console = new Console();
        PublishResult r = new PublishEngine(System.getenv(), console).publish(rehearsal(ws).verify(true)
                .consumerCheck(false).build());
        assertEquals(3, r.count(Status.PUBLISHED), console.shown.text());
        List<String> cargoLines = console.shown.lines.stream().filter(l -> CARGO_PROGRESS.matcher(l).matches())
                .toList();
        assertEquals(List.of(), cargoLines, "cargo's progress on the console");
        assertTrue(console.shown.lines.stream().anyMatch(l -> l.matches(
                "\\[INFO] Packaged geo-algo 0\\.3\\.0 \\(\\d+ files, [0-9.]+ (B|KiB)\\)")), console.shown.text());
        Path log = ws.root().resolve("target/crates/rehearsal/cargo.log");
        assertEquals(1, console.shown.lines.stream().filter(l -> l.contains(log.toString())).count(),
                "the log's path, printed once: " + console.shown.text());
        String logged = read(log);
        assertTrue(logged.contains("Compiling geo-algo v0.3.0"), logged);
        assertTrue(console.debug.stream().anyMatch(l -> l.contains("Verifying geo-algo v0.3.0")),
                "cargo's lines at debug level: " + console.debug);
        assertTrue(console.shown.lines.size() <= 30, "lines: " + console.shown.lines.size() + "\n"
                + console.shown.text());
    }

    @Test
    void aCompileErrorInOneCrateIsInTheFailureMessageLocatedAtThatCrate() {
        TestWorkspace ws = geo("", "");
        ws.file("crates/geo-algo/src/lib.rs", """
                use geo_types::Point;

                pub fn area2(ring: &[Point]) -> f64 {
                    ring.len() as f64 * undefined_scale
                }
                """);
        Console console = new Console();
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(System.getenv(), console)
                .publish(rehearsal(ws).verify(true).build()));
        assertEquals(1, e.diagnostics().errors().size(), e.getMessage());
        Diagnostic d = e.diagnostics().errors().get(0);
        System.out.println(d.format());
        assertEquals(ws.root().resolve("crates/geo-algo/Cargo.toml").toAbsolutePath().normalize(),
                d.location().file().toAbsolutePath().normalize(), d.format());
        assertTrue(d.message().contains("cargo package failed for geo-algo 0.3.0"), d.message());
        assertTrue(d.message().contains("error[E0425]: cannot find value `undefined_scale` in this scope"),
                d.message());
        assertTrue(d.message().contains("src/lib.rs:4:"), d.message());
        assertTrue(d.hint().contains("target/crates/rehearsal/cargo.log"), d.hint());
        assertFalse(console.shown.text().contains("Compiling"), console.shown.text());
    }

    @Test
    void aRustVersionNewerThanTheLocalRustcFailsBeforeAnyBuildNamingBothVersions() {
        TestWorkspace ws = geo("rust-version = \"1.999\"", "rust-version = \"1.998.1\"");
        List<List<String>> launched = new CopyOnWriteArrayList<>();
        ProcessRunner runner = new ProcessRunner(System.getenv());
        runner.onLaunch(launched::add);
        Console console = new Console();
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(System.getenv(), console,
                runner).publish(rehearsal(ws).verify(true).build()));
        assertEquals(List.of(), launched.stream().filter(c -> c.size() > 1 && c.get(1).equals("package")).toList(),
                "nothing may be built");
        List<String> found = e.diagnostics().sorted().stream().map(d -> d.format().replace(ws.root()
                .toAbsolutePath().normalize() + "/", "")).toList();
        found.forEach(System.out::println);
        assertEquals(2, found.size(), String.join("\n", found));
        String local = rustc();
        assertTrue(found.get(0).startsWith("Cargo.toml:7:1: geo-types 0.3.0 requires rustc 1.999 (rust-version of "
                + "[workspace.package]), but the local rustc is " + local), found.get(0));
        assertTrue(found.get(0).contains("rustup toolchain install 1.999 && rustup override set 1.999"),
                found.get(0));
        assertTrue(found.get(1).startsWith("crates/geo-algo/Cargo.toml:7:1: geo-algo 0.3.0 requires rustc 1.998.1"),
                found.get(1));
        assertTrue(found.get(1).contains("or lower rust-version to " + local.substring(0, local.lastIndexOf('.'))),
                found.get(1));
    }

    @Test
    void theConsumerCheckBuildsLibrariesAsDependenciesAndInstallsBinaries() {
        TestWorkspace ws = geo("", "");
        Console console = new Console();
        PublishResult r = new PublishEngine(System.getenv(), console).publish(rehearsal(ws).verify(false).build());
        assertEquals(3, r.count(Status.PUBLISHED), console.shown.text());
        assertTrue(console.shown.text().contains("Consumer check passed from the rehearsal registry: 2 libraries "
                + "built as dependencies (geo-types, geo-algo); 1 binary crate(s) installed (geo-cli)"),
                console.shown.text());
        String consumer = read(ws.root().resolve("target/crates/rehearsal/consumer/Cargo.toml"));
        assertFalse(consumer.contains("geo-cli"), "a bin-only crate as a dependency proves nothing: " + consumer);
        assertTrue(Files.isRegularFile(ws.root().resolve("target/crates/rehearsal/consumer/installed/bin/geo")));
    }

    @Test
    void publishShowsTheChangelogWarningsValidateShows() {
        TestWorkspace ws = geo("", "");
        ws.file("CHANGELOG.md", """
                # Changelog

                ## [Unreleased]

                - Polygon areas.
                """);
        ws.spec(read(ws.root().resolve("release.yaml")) + "changelog:\n  path: CHANGELOG.md\n");
        Console console = new Console();
        new PublishEngine(System.getenv(), console).publish(rehearsal(ws).dryRun(true).verify(false).build());
        assertTrue(console.shown.lines.stream().anyMatch(l -> l.startsWith("[WARN] ") && l.contains("CHANGELOG.md:")
                && l.contains("changelog: ")), console.shown.text());
    }

    private static String rustc() {
        ProcessRunner.Result r = new ProcessRunner(System.getenv()).run(Path.of("."), Map.of(), List.of("rustc",
                "--version"), null, null);
        return r.stdout().get(0).split(" ")[1].replaceAll("-.*", "");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
