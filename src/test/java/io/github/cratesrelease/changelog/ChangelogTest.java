package io.github.cratesrelease.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keep a Changelog parsing and promotion on the fixtures in src/test/resources/changelog (golden files). */
class ChangelogTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    private static Changelog read(String name, String heading) throws IOException {
        Path f = Fixtures.resource("changelog/" + name);
        return new Changelog(f, Files.readString(f), heading);
    }

    private static String golden(String name) throws IOException {
        return Files.readString(Fixtures.resource("changelog/" + name));
    }

    @Test
    void promotionMovesTheUnreleasedEntriesUnderTheNewVersionAndUpdatesLinks() throws IOException {
        Changelog log = read("workspace.md", "Unreleased");
        assertTrue(log.problems().isEmpty(), log.problems().all().toString());
        // the title '# Changelog' is a section of its own, neither a release nor the unreleased one
        assertEquals(3, log.sections().stream().filter(s -> s.kind() != Changelog.Kind.OTHER).count());
        Diagnostics d = new Diagnostics();
        String text = Promotion.promote(log, Version.parse("0.5.0"), DAY, true, new Promotion.Links(
                "https://github.com/example/orchestrator/compare/v{previous}...v{version}",
                "https://github.com/example/orchestrator/compare/v{previous}...HEAD"), d);
        assertTrue(d.isEmpty(), d.all().toString());
        assertEquals(golden("workspace.promoted.md"), text);
        // the promoted file is a valid changelog with a section for 0.5.0 and an empty unreleased one
        Changelog again = new Changelog(log.file(), text, "Unreleased");
        assertTrue(again.problems().isEmpty());
        assertTrue(again.release(Version.parse("0.5.0")).hasEntries());
        assertTrue(!again.unreleased().hasEntries());
    }

    @Test
    void aCustomUnreleasedHeadingIsPromotedAndKept() throws IOException {
        Changelog log = read("prerelease-heading.md", "[Prerelease] - Unreleased");
        Diagnostics d = new Diagnostics();
        String text = Promotion.promote(log, Version.parse("1.3.0"), DAY, true, Promotion.Links.NONE, d);
        assertEquals(golden("prerelease-heading.promoted.md"), text);
        // with the default heading, '[Prerelease] - Unreleased' is read as the unreleased section too (it says so)
        Changelog plain = read("prerelease-heading.md", "Unreleased");
        assertEquals("[Prerelease] - Unreleased", plain.unreleased().heading());
        assertEquals(text, Promotion.promote(plain, Version.parse("1.3.0"), DAY, true, Promotion.Links.NONE,
                new Diagnostics()));
    }

    @Test
    void malformedHeadingsAreErrorsForTheReleaseCheckedAndOneWarningInHistory() throws IOException {
        Changelog log = read("malformed.md", "Unreleased");
        assertEquals("## [{version}] - {date}", log.style().template());
        assertTrue(log.problems().isEmpty(), log.problems().all().toString());
        List<String> found = new java.util.ArrayList<>();
        for (String v : List.of("0.4.0", "0.3.1", "0.3.0", "0.2.0")) {
            log.problemsOf(Version.parse(v)).sorted().forEach(x -> found.add(x.location().line() + ":"
                    + x.location().column() + " " + x.message() + " (" + x.hint() + ")"));
        }
        assertEquals(List.of(
                "5:14 release 0.4.0 has a malformed date '2026-13-02' (write the date as YYYY-MM-DD (ISO 8601): "
                        + "'## [0.4.0] - " + java.time.LocalDate.now() + "')",
                "8:4 the heading of release 0.3.1 is not in the file's style '## [{version}] - {date}' "
                        + "(write '## [0.3.1] - 2026-08-20')",
                "11:4 release 0.3.0 has no date (write '## [0.3.0] - " + java.time.LocalDate.now() + "')",
                "20:4 a second section for version 0.3.0 (the first is at line 11) (merge the two sections into one)",
                "17:14 release 0.2.0 has a malformed date '2026-02-30' (write the date as YYYY-MM-DD (ISO 8601): "
                        + "'## [0.2.0] - " + java.time.LocalDate.now() + "')"), found);
        // '## Version three' has no version: a section that is no release, not a problem
        assertEquals(Changelog.Kind.OTHER, log.sections().stream().filter(s -> s.line() == 14).findFirst()
                .orElseThrow().kind());
        // history: one warning for the file, whatever the number of problems (0.3.1 is readable: not counted)
        List<Diagnostic> history = log.historyWarning(java.util.Set.of(Version.parse("0.4.0"))).all();
        assertEquals(1, history.size());
        assertEquals("malformed.md:11:4: release 0.3.0 has no date (and 2 more problem(s) in older sections, read "
                + "leniently)", history.get(0).location().toString().replaceAll(".*/", "") + ": "
                        + history.get(0).message());
        assertTrue(!history.get(0).isError());
    }

    @Test
    void promotionRefusesAnEmptyUnreleasedSectionAndAnExistingVersion() throws IOException {
        Changelog log = new Changelog(Path.of("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Added\n\n"
                + "## [0.4.0] - 2026-10-02\n- x\n", "Unreleased");
        Diagnostics d = new Diagnostics();
        assertNull(Promotion.promote(log, Version.parse("0.4.0"), DAY, true, Promotion.Links.NONE, d));
        assertEquals(List.of("CHANGELOG.md:3:1", "CHANGELOG.md:7:1"),
                d.sorted().stream().map(x -> x.location().toString()).toList());
        assertTrue(d.sorted().get(0).message().contains("section is empty"));
        assertTrue(d.sorted().get(1).message().contains("already a section for 0.4.0"));
        Diagnostics allowed = new Diagnostics();
        String text = Promotion.promote(log, Version.parse("0.4.1"), DAY, false, Promotion.Links.NONE, allowed);
        assertTrue(text.contains("## [Unreleased]\n\n## [0.4.1] - 2026-11-21\n\n### Added\n"), text);

        Diagnostics missing = new Diagnostics();
        Promotion.promote(new Changelog(Path.of("CHANGELOG.md"), "# Changelog\n", "Unreleased"),
                Version.parse("1.0.0"), DAY, true, Promotion.Links.NONE, missing);
        assertEquals("CHANGELOG.md:1:1: no '## Unreleased' section to release as 1.0.0 (add '## Unreleased' with the "
                + "changes of 1.0.0 above the newest release)", missing.errors().get(0).format());
    }

    @Test
    void linksAreAddedWhenTheFileHasNoneAndHeadingsInCodeBlocksAreIgnored() {
        String text = "# Changelog\n\n## Unreleased\n- a\n\n```\n## not a heading\n```\n\n## 0.1.0 - 2026-01-05\n- b\n";
        Changelog log = new Changelog(Path.of("CHANGELOG.md"), text, "Unreleased");
        assertTrue(log.problems().isEmpty(), log.problems().all().toString());
        Diagnostics d = new Diagnostics();
        String out = Promotion.promote(log, Version.parse("0.2.0"), DAY, true,
                new Promotion.Links("https://x/compare/v{previous}...v{version}", "https://x/compare/v{previous}...HEAD"),
                d);
        // the file writes '## 0.1.0 - 2026-01-05': the new heading is written so too
        assertEquals("# Changelog\n\n## Unreleased\n\n## 0.2.0 - 2026-11-21\n- a\n\n```\n## not a heading\n```\n\n"
                + "## 0.1.0 - 2026-01-05\n- b\n\n[Unreleased]: https://x/compare/v0.2.0...HEAD\n"
                + "[0.2.0]: https://x/compare/v0.1.0...v0.2.0\n", out);
    }

    @Test
    void crLfFilesStayCrLf() {
        String text = "# Changelog\r\n\r\n## [Unreleased]\r\n- a\r\n\r\n## [0.1.0] - 2026-01-05\r\n- b\r\n";
        Changelog log = new Changelog(Path.of("CHANGELOG.md"), text, "Unreleased");
        String out = Promotion.promote(log, Version.parse("0.2.0"), DAY, true, Promotion.Links.NONE, new Diagnostics());
        assertEquals("# Changelog\r\n\r\n## [Unreleased]\r\n\r\n## [0.2.0] - 2026-11-21\r\n- a\r\n\r\n"
                + "## [0.1.0] - 2026-01-05\r\n- b\r\n", out);
    }
}
