package io.github.cratesrelease.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.semver.Version;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every hint about a release heading, applied as written (its quoted line replaces the located line, or is added
 * after the line it names), makes the check pass; the heading template of the spec for a file with no release yet.
 */
class ChangelogHintsTest {

    private static final Pattern WRITE = Pattern.compile("'([^']*)'$");
    private static final Pattern ADD = Pattern.compile("add the line '([^']*)' after line (\\d+)$");

    /** The errors of checking {@code v} in the text, as crates:changelog-check finds them. */
    private static List<Diagnostic> check(String text, Version v, HeadingStyle declared) {
        Changelog log = new Changelog(Path.of("CHANGELOG.md"), text, "Unreleased", declared);
        Diagnostics d = new Diagnostics();
        d.addAll(log.problems());
        Changelogs.checkRelease(log, v, "x", d);  // what crates:changelog-check does for each version released
        return d.errors();
    }

    /** The text with a hint applied as written. */
    private static String apply(String text, Diagnostic d) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Matcher add = ADD.matcher(d.hint());
        if (add.find()) {
            lines.add(Integer.parseInt(add.group(2)), "");
            lines.add(Integer.parseInt(add.group(2)) + 1, add.group(1));
            return String.join("\n", lines);
        }
        Matcher w = WRITE.matcher(d.hint());
        assertTrue(w.find(), "a hint that says what to write: " + d.hint());
        lines.set(d.location().line() - 1, w.group(1));
        return String.join("\n", lines);
    }

    private static void hintsFix(String text, String version, String expectedMessage) {
        Version v = Version.parse(version);
        List<Diagnostic> errors = check(text, v, null);
        assertFalse(errors.isEmpty(), "the check of " + version + " fails on:\n" + text);
        assertTrue(errors.get(0).message().contains(expectedMessage), errors.get(0).format());
        String fixed = text;
        for (int round = 0; round < 3 && !errors.isEmpty(); round++) {
            fixed = apply(fixed, errors.get(0));
            errors = check(fixed, v, null);
        }
        assertEquals(List.of(), errors.stream().map(Diagnostic::format).toList(), "after the hints:\n" + fixed);
    }

    @Test
    void hintsForTheReleaseBeingCheckedWorkAsWritten() {
        String tail = "\n## [0.3.0] - 2026-01-10\n- Older.\n\n## [0.2.0] - 2025-11-02\n- Oldest.\n";
        hintsFix("# Changelog\n\n## [Unreleased]\n\n## [0.4.0] - 2026-10-32\n- x\n" + tail, "0.4.0",
                "malformed date '2026-10-32'");
        hintsFix("# Changelog\n\n## [Unreleased]\n\n## [0.4.0]\n- x\n" + tail, "0.4.0", "release 0.4.0 has no date");
        hintsFix("# Changelog\n\n## [Unreleased]\n\n## [0.4.0] (2026-10-02)\n- x\n" + tail, "0.4.0",
                "not in the file's style '## [{version}] - {date}'");
        // the date as English words, not a real day
        hintsFix("# 1.2.0 (February 30th, 2026)\n- x\n\n# 1.1.0 (January 3rd, 2026)\n- y\n\n"
                + "# 1.0.0 (December 1st, 2025)\n- z\n", "1.2.0", "malformed date 'February 30th, 2026'");
        // the date on the line below, missing for the release checked
        hintsFix("# Notes\n\n## 2.1.0\n\n- x\n\n## 2.0.0\n\nReleased on 2026-05-15.\n\n- y\n\n## 1.9.0\n\n"
                + "Released on 2026-02-01.\n\n- z\n", "2.1.0", "release 2.1.0 has no date");
        // an open section for the version being released
        hintsFix("## 5.0.0 - TBD\n- x\n\n## 4.2.0 - 2026-06-14\n- y\n\n## 4.1.0 - 2026-03-01\n- z\n", "5.0.0",
                "has no date yet ('TBD')");
    }

    @Test
    void theSpecStatesTheStyleOfAFileWithNoReleaseYet() {
        String text = "# Changelog\n\n## Unreleased\n\n- First entry.\n";
        for (String[] c : new String[][] {
                {"## [{version}] - {date}", "## [0.1.0] - 2026-11-21"},
                {"## v{version} ({date})", "## v0.1.0 (2026-11-21)"},
                {"# {version} ({date:MMMM do, yyyy})", "# 0.1.0 (November 21st, 2026)"},
                {"## {version} -- {date:d. MMMM, yyyy}", "## 0.1.0 -- 21. November, 2026"},
                {"## Version {version}", "## Version 0.1.0"},
                {"## {version}\n\nReleased on {date}.", "## 0.1.0\n\nReleased on 2026-11-21."},
                {"{version} ({date})\n===", "0.1.0 (2026-11-21)\n=================="}}) {
            HeadingStyle style = HeadingStyle.parse(c[0]);
            Changelog log = new Changelog(Path.of("CHANGELOG.md"), text, "Unreleased", style);
            Diagnostics d = new Diagnostics();
            String out = Promotion.promote(log, Version.parse("0.1.0"), LocalDate.of(2026, 11, 21), true,
                    Promotion.Links.NONE, d);
            assertTrue(d.isEmpty(), c[0] + ": " + d.all());
            assertEquals("# Changelog\n\n## Unreleased\n\n" + c[1] + "\n\n- First entry.\n", out, c[0]);
            // the promoted file is read back, in the same style, without the key
            Changelog back = new Changelog(Path.of("CHANGELOG.md"), out, "Unreleased");
            assertNotNull(back.release(Version.parse("0.1.0")), c[0] + "\n" + out);
            assertTrue(back.problemsOf(Version.parse("0.1.0")).isEmpty(), back.problemsOf(Version.parse("0.1.0"))
                    .all().toString());
        }
        // without the key and with no release to learn from: Keep a Changelog's heading
        Changelog plain = new Changelog(Path.of("CHANGELOG.md"), text, "Unreleased");
        assertEquals("## [{version}] - {date}", plain.style().template());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadingStyle.parse("[{version}] - {date}"));
        assertTrue(e.getMessage().contains("must start with '#'"), e.getMessage());
    }
}
