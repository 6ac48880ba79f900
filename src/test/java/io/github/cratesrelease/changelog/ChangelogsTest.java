package io.github.cratesrelease.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.release.SpecGoals;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Contexts;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.TestWorkspace;
import io.github.cratesrelease.version.BumpEngine;
import io.github.cratesrelease.version.BumpRequest;
import io.github.cratesrelease.version.VersionBump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changelogs through the engine: per-crate and workspace files, crates:changelog-check, validate, bump commits. */
class ChangelogsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path tmp;

    private static String log(String unreleased, String version) {
        return "# Changelog\n\n## [Unreleased]\n" + unreleased + "\n## [" + version + "] - 2026-10-01\n- Earlier.\n";
    }

    private TestWorkspace perCrate() {
        return new TestWorkspace(tmp.resolve("ws")).workspace("")
                .crate("a", "0.3.0", "")
                .crate("b", "1.0.0", "\n[dependencies]\na = { path = \"../a\", version = \"0.3.0\" }\n")
                .file("crates/a/CHANGELOG.md", log("- Faster a.\n", "0.3.0"))
                .file("crates/b/CHANGELOG.md", log("- Fixed b.\n", "1.0.0"))
                .spec("version: 1\nchangelog:\n  path: '{crate_dir}/CHANGELOG.md'\n");
    }

    private static BumpEngine.BumpResult bump(TestWorkspace w, RecordingReporter out, boolean commit,
            String... crates) {
        return new BumpEngine(env(), out).bump(new BumpRequest(w.root().resolve("release.yaml"),
                VersionBump.Level.PATCH, null, List.of(crates), false, commit, DAY));
    }

    private static Map<String, String> env() {
        return Map.of("HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH"));
    }

    private static void changelogCheck(RecordingReporter out, Path spec, boolean beforeBump) {
        try (RunContext ctx = Contexts.of(env(), out, spec)) {
            SpecGoals.changelogCheck(ctx, beforeBump);
        }
    }

    private static void validate(RecordingReporter out, Path spec) {
        try (RunContext ctx = Contexts.of(env(), out, spec)) {
            SpecGoals.validate(ctx, false);
        }
    }

    @Test
    void perCrateChangelogsArePromotedAndThenPassTheCheck() throws IOException {
        TestWorkspace w = perCrate();
        Processes.ok(w.root(), "cargo", "generate-lockfile", "--offline");
        RecordingReporter out = new RecordingReporter();
        changelogCheck(out, w.root().resolve("release.yaml"), true);
        bump(w, out, false);
        Processes.ok(w.root(), "cargo", "metadata", "--format-version", "1", "--locked", "--offline");
        assertTrue(Files.readString(w.root().resolve("Cargo.lock")).contains("name = \"b\"\nversion = \"1.0.1\""));
        assertEquals(log("\n## [0.3.1] - 2026-11-21\n- Faster a.\n", "0.3.0"),
                Files.readString(w.root().resolve("crates/a/CHANGELOG.md")));
        assertEquals(log("\n## [1.0.1] - 2026-11-21\n- Fixed b.\n", "1.0.0"),
                Files.readString(w.root().resolve("crates/b/CHANGELOG.md")));
        changelogCheck(out, w.root().resolve("release.yaml"), false);
        assertTrue(out.text().contains("Changelogs ready for the release of 2 crate(s)"), out.text());
        // now the unreleased sections are empty: a check before the next bump says so, located
        ReleaseException e = assertThrows(ReleaseException.class, () -> changelogCheck(new RecordingReporter(), w.root().resolve("release.yaml"), true));
        String msg = e.fullMessage().replace(w.root() + "/", "");
        assertTrue(msg.contains("crates/a/CHANGELOG.md:3:1: the '## [Unreleased]' section is empty"), msg);
        assertTrue(msg.contains("crates/b/CHANGELOG.md:3:1: the '## [Unreleased]' section is empty"), msg);
    }

    @Test
    void perCrateLinksNameTheCrate() throws IOException {
        TestWorkspace w = perCrate().spec("version: 1\nchangelog:\n  path: '{crate_dir}/CHANGELOG.md'\n"
                + "  compare-link: https://x/compare/{crate}-v{previous}...{crate}-v{version}\n");
        bump(w, new RecordingReporter(), false, "a");
        assertTrue(Files.readString(w.root().resolve("crates/a/CHANGELOG.md"))
                .endsWith("- Earlier.\n\n[0.3.1]: https://x/compare/a-v0.3.0...a-v0.3.1\n"));
        TestWorkspace shared = perCrate().spec("version: 1\nchangelog:\n  compare-link: https://x/{crate}\n");
        assertTrue(shared.findings().contains("error: release.yaml:2:1: changelog link templates use {crate}, but the "
                + "changelog is one file for the workspace (use {crate} only with path: '{crate_dir}/CHANGELOG.md')"),
                shared.findings().toString());
    }

    @Test
    void theCheckLocatesAMissingOrEmptySectionAndAMissingFile() {
        TestWorkspace w = new TestWorkspace(tmp.resolve("ws")).workspace("")
                .crate("a", "0.3.0", "")
                .crate("b", "1.0.0", "")
                .crate("c", "2.0.0", "")
                .file("crates/a/CHANGELOG.md", log("- Pending.\n", "0.2.0"))
                .file("crates/b/CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-10-01\n\n"
                        + "### Added\n\n## [0.9.0] - 2026-09-01\n- x\n")
                .spec("version: 1\nchangelog:\n  path: '{crate_dir}/CHANGELOG.md'\n");
        ReleaseException e = assertThrows(ReleaseException.class, () -> changelogCheck(new RecordingReporter(), w.root().resolve("release.yaml"), false));
        String msg = e.fullMessage().replace(w.root() + "/", "");
        assertTrue(msg.contains("crates/a/CHANGELOG.md:3:1: no section for a 0.3.0 (run crates:bump, which turns "
                + "'## [Unreleased]' into '## [0.3.0] - "), msg);
        assertTrue(msg.contains("release.yaml:2:1: changelog crates/c/CHANGELOG.md does not exist"), msg);
        assertEquals(2, e.diagnostics().errors().size(), msg);
        // an empty released section is history, not a reason to refuse: a warning
        assertTrue(e.diagnostics().warnings().stream().anyMatch(x -> x.format().replace(w.root() + "/", "")
                .equals("crates/b/CHANGELOG.md:5:1: the section for b 1.0.0 is empty (list the changes of 1.0.0 "
                        + "under it)")), e.diagnostics().all().toString());
        // validate reports the same findings as warnings and passes
        RecordingReporter out = new RecordingReporter();
        validate(out, w.root().resolve("release.yaml"));
        assertTrue(out.text().contains("[WARN] ") && out.text().contains("changelog: the section for b 1.0.0 is empty"),
                out.text());
        assertTrue(out.text().contains("is valid"), out.text());
    }

    @Test
    void oneWorkspaceChangelogNeedsOneVersion() {
        TestWorkspace w = new TestWorkspace(tmp.resolve("ws")).workspace("")
                .crate("a", "0.3.0", "")
                .crate("b", "1.0.0", "")
                .file("CHANGELOG.md", log("- Pending.\n", "1.0.0"))
                .spec("version: 1\nchangelog: {}\n");
        ReleaseException e = assertThrows(ReleaseException.class, () -> bump(w, new RecordingReporter(), false));
        assertTrue(e.fullMessage().contains("is shared by crates that move to different versions (a 0.3.1, b 1.0.1)"),
                e.fullMessage());
        assertTrue(e.fullMessage().contains("changelog.path: '{crate_dir}/CHANGELOG.md'"), e.fullMessage());
        // one crate moving alone is fine
        bump(w, new RecordingReporter(), false, "b");
        assertTrue(w.root().resolve("CHANGELOG.md").toFile().exists());
    }

    @Test
    void commitHoldsExactlyTheBumpedFiles() throws IOException {
        TestWorkspace w = perCrate().file("notes.txt", "unrelated\n");
        git(w.root(), "init", "-q");
        git(w.root(), "add", "-A");
        git(w.root(), "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start");
        Files.writeString(w.root().resolve("notes.txt"), "unrelated, uncommitted\n");
        RecordingReporter out = new RecordingReporter();
        var r = new BumpEngine(Map.of("HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH"),
                "GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com", "GIT_COMMITTER_NAME", "t",
                "GIT_COMMITTER_EMAIL", "t@example.com"), out).bump(new BumpRequest(w.root().resolve("release.yaml"),
                        VersionBump.Level.PATCH, null, List.of("a"), false, true, DAY));
        assertTrue(r.commit() != null && r.commit().length() == 40, String.valueOf(r.commit()));
        assertEquals("Release a 0.3.1\n\ncrates/a/CHANGELOG.md\ncrates/a/Cargo.toml\ncrates/b/Cargo.toml\n",
                git(w.root(), "show", "--format=%s", "--name-only", "HEAD"));
        assertEquals(" M notes.txt\n", git(w.root(), "status", "--porcelain"));

        // a file the bump would edit has uncommitted changes: refused before anything is written
        Files.writeString(w.root().resolve("crates/a/CHANGELOG.md"), log("- More.\n", "0.3.1"));
        String cargoToml = Files.readString(w.root().resolve("crates/a/Cargo.toml"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> bump(w, new RecordingReporter(), true, "a"));
        assertTrue(e.fullMessage().contains("files the bump edits have uncommitted changes: M crates/a/CHANGELOG.md"),
                e.fullMessage());
        assertEquals(cargoToml, Files.readString(w.root().resolve("crates/a/Cargo.toml")));
    }

    @Test
    void sinceARefEachChangedCrateNeedsAnEntryAndTheHintMakesTheCheckPass() throws IOException {
        TestWorkspace w = new TestWorkspace(tmp.resolve("ws")).workspace("")
                .crate("a", "0.3.0", "")
                .crate("b", "1.0.0", "")
                .crate("c", "2.0.0", "")
                .file("crates/a/src/lib.rs", "pub fn a() {}\n")
                .file("crates/a/CHANGELOG.md", log("", "0.3.0"))
                .file("crates/b/CHANGELOG.md", log("", "1.0.0"))
                .file("crates/c/CHANGELOG.md", log("", "2.0.0"))
                .spec("version: 1\nchangelog:\n  path: '{crate_dir}/CHANGELOG.md'\n");
        git(w.root(), "init", "-q", "-b", "main");
        git(w.root(), "add", "-A");
        git(w.root(), "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base");
        git(w.root(), "tag", "base");
        // a branch: a's code changes (committed), b gets a new file (untracked) and an entry, c is untouched
        Files.writeString(w.root().resolve("crates/a/src/lib.rs"), "pub fn a() -> u8 { 1 }\n");
        git(w.root(), "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "a returns 1");
        Files.writeString(w.root().resolve("crates/b/src/extra.rs"), "pub fn extra() {}\n");
        Files.writeString(w.root().resolve("crates/b/CHANGELOG.md"), log("- `extra`.\n", "1.0.0"));
        Path spec = w.root().resolve("release.yaml");

        // without -Dcrates.since the released versions are all there: the check passes
        changelogCheck(new RecordingReporter(), spec, false);
        ReleaseException e = assertThrows(ReleaseException.class, () -> since(spec, "base"));
        assertEquals(List.of("crates/a/CHANGELOG.md:3:1: a changed since base (crates/a/src/lib.rs), but the "
                + "'## [Unreleased]' section has no entry (list the change under '## [Unreleased]')"),
                e.diagnostics().all().stream().map(d -> d.format().replace(w.root() + "/", "")).toList());

        // crates:review against the same base shows it, as a warning in the changelog category
        RecordingReporter rout = new RecordingReporter();
        try (RunContext ctx = Contexts.of(env(), rout, spec)) {
            var report = io.github.cratesrelease.review.ReviewGoal.review(ctx,
                    new io.github.cratesrelease.review.ReviewOptions("base", "never", null));
            assertTrue(report.findings().stream().anyMatch(f -> f.category().equals("changelog")
                    && f.file().equals("crates/a/CHANGELOG.md") && f.line() == 3
                    && f.message().startsWith("a changed since base (crates/a/src/lib.rs)")),
                    report.findings().toString());
        }

        // the hint, applied as written: an entry under the heading
        Files.writeString(w.root().resolve("crates/a/CHANGELOG.md"), log("- `a` returns 1.\n", "0.3.0"));
        RecordingReporter out = new RecordingReporter();
        since(spec, "base", out);
        assertTrue(out.text().contains("with an entry for each crate changed since base"), out.text());

        ReleaseException bad = assertThrows(ReleaseException.class, () -> since(spec, "no-such-ref"));
        assertTrue(bad.fullMessage().contains("-Dcrates.since=no-such-ref names no commit of this repository"),
                bad.fullMessage());
    }

    @Test
    void eachPerCrateChangelogKeepsItsOwnStyle() throws IOException {
        String a = "# Unreleased\n\n- Faster a.\n\n# 0.3.0 (July 20th, 2026)\n\n- First.\n";
        String b = "# Changelog\n\n## Unreleased\n\n- Fixed b.\n\n## v1.0.0 (2026-10-01)\n\n### Features\n\n"
                + "- First.\n";
        TestWorkspace w = perCrate().file("crates/a/CHANGELOG.md", a).file("crates/b/CHANGELOG.md", b);
        Path spec = w.root().resolve("release.yaml");
        changelogCheck(new RecordingReporter(), spec, false);
        bump(w, new RecordingReporter(), false);
        assertEquals(a.replace("# Unreleased\n", "# Unreleased\n\n# 0.3.1 (November 21st, 2026)\n"),
                Files.readString(w.root().resolve("crates/a/CHANGELOG.md")));
        assertEquals(b.replace("## Unreleased\n", "## Unreleased\n\n## v1.0.1 (2026-11-21)\n"),
                Files.readString(w.root().resolve("crates/b/CHANGELOG.md")));
        RecordingReporter out = new RecordingReporter();
        changelogCheck(out, spec, false);
        assertTrue(out.text().contains("Changelogs ready for the release of 2 crate(s)"), out.text());
    }

    @Test
    void theSpecsHeadingTemplateWritesTheFirstReleaseAndAWrongOneIsLocated() throws IOException {
        TestWorkspace w = new TestWorkspace(tmp.resolve("ws")).workspace("")
                .crate("a", "0.3.0", "")
                .file("CHANGELOG.md", "# Changelog\n\n# Unreleased\n\n- First.\n")
                .spec("version: 1\nchangelog:\n  heading: '# v{version} ({date:MMMM do, yyyy})'\n");
        bump(w, new RecordingReporter(), false);
        assertEquals("# Changelog\n\n# Unreleased\n\n# v0.3.1 (November 21st, 2026)\n\n- First.\n",
                Files.readString(w.root().resolve("CHANGELOG.md")));
        changelogCheck(new RecordingReporter(), w.root().resolve("release.yaml"), false);

        w.spec("version: 1\nchangelog:\n  heading: 'v{version} ({date})'\n");
        ReleaseException e = assertThrows(ReleaseException.class,
                () -> changelogCheck(new RecordingReporter(), w.root().resolve("release.yaml"), false));
        assertTrue(e.fullMessage().contains("release.yaml:3:12: changelog.heading 'v{version} ({date})' is not a "
                + "heading template: the heading template must start with '#'"), e.fullMessage());
    }

    private static void since(Path spec, String ref) {
        since(spec, ref, new RecordingReporter());
    }

    private static void since(Path spec, String ref, RecordingReporter out) {
        try (RunContext ctx = Contexts.of(env(), out, spec)) {
            SpecGoals.changelogCheck(ctx, false, ref);
        }
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return Processes.ok(dir, cmd.toArray(String[]::new));
    }
}
