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
        assertEquals(3, log.sections().size());
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
        // with the default heading, the same file's heading is not a release heading: located, with the fix
        Changelog wrong = read("prerelease-heading.md", "Unreleased");
        Diagnostic e = wrong.problems().errors().get(0);
        assertEquals(3, e.location().line());
        assertTrue(e.message().contains("'## [Prerelease] - Unreleased' is neither a release nor the unreleased section"),
                e.message());
        assertTrue(e.hint().contains("changelog.unreleased-heading"), e.hint());
    }

    @Test
    void malformedHeadingsAndDatesAreLocated() throws IOException {
        Changelog log = read("malformed.md", "Unreleased");
        List<String> found = log.problems().sorted().stream()
                .map(x -> x.location().line() + ":" + x.location().column() + " " + x.message()).toList();
        assertEquals(List.of(
                "5:14 release 0.4.0 has a malformed date '2026-13-02'",
                "8:12 release 0.3.1: the date must follow ' - '",
                "11:4 release 0.3.0 has no date",
                "14:4 heading '## Version three' is neither a release nor the unreleased section",
                "17:14 release 0.2.0 has a malformed date '2026-02-30'",
                "20:4 a second section for version 0.3.0 (the first is at line 11)"), found);
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
        assertEquals("# Changelog\n\n## Unreleased\n\n## [0.2.0] - 2026-11-21\n- a\n\n```\n## not a heading\n```\n\n"
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
