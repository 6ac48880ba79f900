package io.github.cratesrelease.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per release-heading style real projects write (src/test/resources/changelogs): the check passes on the
 * file as it stands (with the default unreleased heading and no other key), an entry added to the unreleased section
 * is promoted in the file's own style, and the promotion's diff holds only the new heading, its date and the links.
 */
class ChangelogStylesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    static Stream<Arguments> styles() {
        return Stream.of(
                // file, the released version, the next one, lines the promotion adds, lines it replaces
                style("keep-a-changelog.md", "0.9.1", "0.9.2", List.of("", "## [0.9.2] - 2026-11-21",
                        "[Unreleased]: https://github.com/example/meshd/compare/v0.9.2...HEAD",
                        "[0.9.2]: https://github.com/example/meshd/compare/v0.9.1...v0.9.2"),
                        List.of("[Unreleased]: https://github.com/example/meshd/compare/v0.9.1...HEAD")),
                style("v-bracketed.md", "0.16.0", "0.17.0", List.of("", "## [v0.17.0] - 2026-11-21",
                        "[Prerelease]: https://github.com/example/sandbox/compare/v0.17.0...HEAD",
                        "[v0.17.0]: https://github.com/example/sandbox/compare/v0.16.0...v0.17.0"),
                        List.of("[Prerelease]: https://github.com/example/sandbox/compare/v0.16.0...HEAD")),
                style("v-parenthesized.md", "1.11.0", "1.12.0", List.of("", "## v1.12.0 (2026-11-21)"), List.of()),
                style("level-one-v.md", "0.26.1", "0.26.2", List.of("", "# v0.26.2"), List.of()),
                style("paren-date.md", "2.0.0", "2.1.0", List.of("", "## 2.1.0 (2026-11-21)"), List.of()),
                style("bracket-date.md", "0.3.55", "0.3.56", List.of("", "## 0.3.56 [2026-11-21]"), List.of()),
                style("no-date.md", "10.4.2", "10.4.3", List.of("", "# 10.4.3"), List.of()),
                style("english-ordinal.md", "1.53.1", "1.53.2", List.of("", "# 1.53.2 (November 21st, 2026)"),
                        List.of()),
                style("english-day-month.md", "0.7.5", "0.7.6", List.of("", "# 0.7.6 (21. November, 2026)"),
                        List.of()),
                style("date-next-line.md", "2.1.0", "2.2.0", List.of("", "## 2.2.0", "", "Released on 2026-11-21."),
                        List.of()),
                style("no-separator.md", "2.3.12", "2.3.13", List.of("", "## [2.3.13] 2026-11-21"), List.of()),
                style("em-dash.md", "1.4.0", "1.5.0", List.of("", "## 1.5.0 — 2026-11-21"), List.of()),
                style("en-dash.md", "0.12.0", "0.13.0", List.of("", "## 0.13.0 – 2026-11-21"), List.of()),
                style("double-hyphen.md", "3.1.0", "3.1.1", List.of("", "## 3.1.1 -- 2026-11-21"), List.of()),
                style("heading-link.md", "0.3.160", "0.3.161", List.of("", "## [0.3.161](https://github.com/example/"
                        + "shim/compare/v0.3.160...v0.3.161) - 2026-11-21"), List.of()),
                style("escaped-brackets.md", "2.0.4", "2.0.5", List.of("", "## \\[2.0.5]"), List.of()),
                style("words-version.md", "0.5.16", "0.5.17", List.of("", "# Version 0.5.17"), List.of()),
                style("words-release.md", "1.12.0", "1.13.0", List.of("", "# Release rayon 1.13.0 (2026-11-21)"),
                        List.of()),
                style("placeholder.md", "4.2.0", "5.0.0", List.of("## 5.0.0 - 2026-11-21"), List.of("## 5.0.0 - TBD")),
                style("setext.md", "15.2.0", "15.3.0", List.of("", "15.3.0 (2026-11-21)", "==================="),
                        List.of()),
                style("oldest-first-links.md", "0.16.0", "0.17.0", List.of("", "## [v0.17.0] - 2026-11-21",
                        "[v0.17.0]: https://github.com/example/probe/compare/v0.16.0...v0.17.0",
                        "[Unreleased]: https://github.com/example/probe/compare/v0.17.0...HEAD"),
                        List.of("[Unreleased]: https://github.com/example/probe/compare/v0.16.0...HEAD")),
                style("crlf.md", "1.2.0", "1.3.0", List.of("\r", "## [1.3.0] - 2026-11-21\r",
                        "[Unreleased]: https://github.com/example/tool/compare/1.3.0...HEAD\r",
                        "[1.3.0]: https://github.com/example/tool/compare/1.2.0...1.3.0\r"),
                        List.of("[Unreleased]: https://github.com/example/tool/compare/1.2.0...HEAD\r")));
    }

    private static Arguments style(String file, String released, String next, List<String> added,
            List<String> removed) {
        return Arguments.of(file, Version.parse(released), Version.parse(next), added, removed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void theFileAsItStandsPassesAndAPromotionKeepsItsStyle(String name, Version released, Version next,
            List<String> added, List<String> removed) throws IOException {
        Path f = Fixtures.resource("changelogs/" + name);
        String text = Files.readString(f);
        Changelog log = new Changelog(f, text, "Unreleased");
        // the check of the released version: its section is found, in style, dated where the file dates releases
        assertTrue(log.problems().isEmpty(), log.problems().all().toString());
        assertNotNull(log.release(released), "no section for " + released + " in " + name + "; style "
                + log.style().template());
        assertTrue(log.problemsOf(released).isEmpty(), log.problemsOf(released).all().toString());
        assertTrue(log.release(released).hasEntries(), "the section of " + released + " has entries");
        assertTrue(log.historyWarning(Set.of(released)).isEmpty(), log.historyWarning(Set.of(released)).all()
                .toString());
        assertNotNull(log.unreleased(), "the unreleased section of " + name);

        // a contributor adds an entry; the bump promotes it
        String withEntry = addEntry(log, text);
        Changelog before = new Changelog(f, withEntry, "Unreleased");
        Diagnostics d = new Diagnostics();
        String promoted = Promotion.promote(before, next, DAY, true, Promotion.Links.NONE, d);
        assertTrue(d.isEmpty(), d.all().toString());
        assertNotNull(promoted);
        List<List<String>> diff = diff(lines(withEntry), lines(promoted));
        // a blank line goes with the new heading: where the diff shows it among the blank lines is the same text
        assertEquals(sortBlanks(added), sortBlanks(diff.get(0)), "added lines of " + name + ":\n" + promoted);
        assertEquals(removed, diff.get(1), "removed lines of " + name + ":\n" + promoted);

        // the promoted file passes the check of the new version, with no problem left anywhere
        Changelog after = new Changelog(f, promoted, "Unreleased");
        assertTrue(after.problems().isEmpty(), after.problems().all().toString());
        assertNotNull(after.release(next), promoted);
        assertTrue(after.problemsOf(next).isEmpty(), after.problemsOf(next).all().toString());
        assertTrue(after.release(next).hasEntries(), promoted);
        assertEquals(DAY, after.style().hasDate() ? after.release(next).date() : DAY);
        assertEquals(log.style(), after.style(), "the style is the same after the promotion");
    }

    /** The text with "- Added by the test." under the unreleased heading, with the file's line breaks. */
    static String addEntry(Changelog log, String text) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = log.unreleased().headingEnd();
        l.add(at, "- Added by the test." + (eol.length() == 2 ? "\r" : ""));
        l.add(at, eol.length() == 2 ? "\r" : "");
        return String.join("\n", l);
    }

    private static List<String> sortBlanks(List<String> lines) {
        List<String> out = new ArrayList<>(lines.stream().filter(l -> !l.strip().isEmpty()).toList());
        lines.stream().filter(l -> l.strip().isEmpty()).forEach(out::add);
        return out;
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    /** Lines only in {@code b} and lines only in {@code a}, in order (a longest-common-subsequence diff). */
    static List<List<String>> diff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(b.get(j++));
            } else {
                removed.add(a.get(i++));
            }
        }
        return List.of(added, removed);
    }
}
