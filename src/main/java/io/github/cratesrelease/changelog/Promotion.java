package io.github.cratesrelease.changelog;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.semver.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a changelog's unreleased section into the section of a release, in the file's own heading style: a fresh
 * unreleased heading stays on top (an open {@code ## 5.0.0 - TBD} section is dated in place instead), and the
 * release's compare link is added in the file's label form and order while the unreleased link moves on. Every other
 * byte stays as it was, line breaks included.
 */
public final class Promotion {

    /**
     * @param compareLink    template with {@code {previous}} and {@code {version}}, or null (learned from the file)
     * @param unreleasedLink template with {@code {previous}}, or null (learned from the file)
     */
    public record Links(String compareLink, String unreleasedLink) {
        public static final Links NONE = new Links(null, null);
    }

    private Promotion() {
    }

    /** The promoted text, or null with the reasons in {@code diags}. */
    public static String promote(Changelog log, Version version, LocalDate date, boolean requireEntries, Links links,
            Diagnostics diags) {
        diags.addAll(log.problems());
        Changelog.Section unreleased = checkUnreleased(log, version, requireEntries, diags);
        Changelog.Section existing = log.release(version);
        if (existing != null) {
            diags.error(log.at(existing.line(), 1), "there is already a section for " + version,
                    "bump to another version, or remove the section if it was never released");
        }
        HeadingStyle style = log.style();
        if (unreleased != null && unreleased.version() != null && !unreleased.version().equals(version)) {
            diags.error(log.at(unreleased.line(), unreleased.column()), "the open section '" + unreleased.heading()
                    + "' is for " + unreleased.version() + ", but the bump makes " + version, "bump to it "
                            + "(-Dcrates.version=" + unreleased.version() + "), or write '" + (style.setext() ? ""
                                    : style.atxPrefix()) + unreleased.heading().replace(unreleased.version().toString(),
                                            version.toString()) + "'");
        }
        if (unreleased != null && unreleased.version() != null) {
            diags.addAll(log.problemsOf(unreleased.version()));
        }
        Changelog.Section previous = log.previousOf(version);
        String compare = null;
        if (style.hasCompare() && !diags.hasErrors()) {
            compare = LinkForms.headingCompare(log, previous, version, links.compareLink());
            if (compare == null) {
                diags.error(log.at(unreleased.line(), 1), "the release headings carry a compare link, but there is "
                        + "none to derive for " + version, "set changelog.compare-link, e.g. "
                                + "'https://github.com/OWNER/REPO/compare/v{previous}...v{version}'");
            }
        }
        if (diags.hasErrors()) {
            return null;
        }
        diags.addAll(log.historyWarning(Set.of()));
        String eol = log.lineEnd();
        Map<Integer, List<String>> before = new HashMap<>();  // 0-based index -> lines inserted before it
        Map<Integer, String> replace = new HashMap<>();
        List<String> end = new ArrayList<>();
        List<String> heading = style.lines(version, date, compare);
        if (unreleased.version() != null) {
            // '## 5.0.0 - TBD' becomes '## 5.0.0 - 2026-11-21' where it is
            replace.put(unreleased.line() - 1, heading.get(0));
            if (style.setext() && unreleased.headingEnd() > unreleased.line()) {
                replace.put(unreleased.line(), heading.get(1));
            }
        } else {
            List<String> add = new ArrayList<>();
            add.add("");
            add.addAll(heading);
            before.put(unreleased.headingEnd(), add);
        }
        LinkForms.update(log, unreleased, previous, version, links, before, replace, end);
        List<String> out = new ArrayList<>();
        List<String> lines = log.lines();
        for (int i = 0; i <= lines.size(); i++) {
            for (String l : before.getOrDefault(i, List.of())) {
                out.add(l + eol);
            }
            if (i < lines.size()) {
                out.add(replace.containsKey(i) ? replace.get(i) + eol : lines.get(i));
            }
        }
        if (!end.isEmpty()) {
            int at = out.size();
            while (at > 0 && out.get(at - 1).replace("\r", "").isBlank()) {
                at--;
            }
            List<String> tail = new ArrayList<>();
            tail.add(eol);
            end.forEach(l -> tail.add(l + eol));
            out.addAll(at, tail);
        }
        return String.join("\n", out) + (log.trailingNewline() ? "\n" : "");
    }

    /**
     * Checks that the unreleased section is there to promote and, when required, has entries; returns it (or null).
     *
     * @param version the version it becomes, or null for "the next bump"
     */
    static Changelog.Section checkUnreleased(Changelog log, Version version, boolean requireEntries,
            Diagnostics diags) {
        Changelog.Section unreleased = log.unreleased();
        HeadingStyle style = log.style();
        String heading = style.setext() ? log.unreleasedHeading() : style.atxPrefix() + log.unreleasedHeading();
        if (unreleased == null) {
            diags.error(log.at(1, 1), "no '" + heading + "' section to " + (version == null
                    ? "promote on the next bump" : "release as " + version), "add '" + heading + "'"
                            + (style.setext() ? " underlined with '" + (style.level() == 1 ? "===" : "---") + "'" : "")
                            + " with the changes of " + (version == null ? "the next version" : version)
                            + " above the newest release");
        } else if (!unreleased.hasEntries() && requireEntries) {
            diags.error(log.at(unreleased.line(), 1), "the '" + (style.setext() ? "" : style.atxPrefix())
                    + unreleased.heading() + "' section is empty"
                    + (version == null ? "" : ", so " + version + " would be released with no entry"),
                    "list the changes under it (### Added, ### Changed, ### Fixed...), or set "
                            + "changelog.require-unreleased-entries: false");
        }
        return unreleased;
    }
}
