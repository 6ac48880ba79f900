package io.github.cratesrelease.changelog;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.semver.Version;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Keep a Changelog file (https://keepachangelog.com/en/1.1.0/): level-2 headings for the unreleased section and
 * for each release ({@code ## [1.2.0] - 2026-11-21}), link references at the bottom ({@code [1.2.0]: https://...}).
 * Parsing reports every malformed heading located at its line and column; the text is kept line by line so edits
 * touch only the lines they must.
 */
public final class Changelog {

    /** A level-2 section: the unreleased one ({@code version == null}) or a release. */
    public record Section(int line, String heading, Version version, LocalDate date, boolean hasEntries) {
        public boolean unreleased() {
            return version == null;
        }
    }

    /** A link reference definition {@code [label]: url}. */
    public record Link(int line, String label, String url) {
    }

    private static final Pattern HEADING = Pattern.compile("^##(?!#)\\s*(.*?)\\s*$");
    private static final Pattern RELEASE = Pattern.compile(
            "^\\[?(?<v>[0-9][^\\]\\s]*)\\]?(?:(?<sep>\\s+-\\s+|\\s+)(?<date>\\S+))?(?<rest>\\s+.*)?$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    private static final Pattern LINK = Pattern.compile("^\\[([^\\]]+)\\]:\\s*(\\S+)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    private final Path file;
    private final String unreleasedHeading;
    private final List<String> lines;
    private final boolean trailingNewline;
    private final List<Section> sections = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Diagnostics problems = new Diagnostics();

    /**
     * @param unreleasedHeading the configured heading text without {@code ## } (matched ignoring case, spacing and
     *                          brackets, so {@code Unreleased} matches {@code ## [Unreleased]})
     */
    public Changelog(Path file, String text, String unreleasedHeading) {
        this.file = file;
        this.unreleasedHeading = unreleasedHeading;
        this.trailingNewline = text.endsWith("\n");
        this.lines = new ArrayList<>(List.of((trailingNewline ? text.substring(0, text.length() - 1) : text)
                .split("\n", -1)));
        parse();
    }

    private void parse() {
        boolean fenced = false;
        int open = -1;
        String openHeading = null;
        Version openVersion = null;
        LocalDate openDate = null;
        boolean entries = false;
        Map<Version, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripCr(lines.get(i));
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            }
            if (fenced) {
                entries |= open >= 0;
                continue;
            }
            Matcher link = LINK.matcher(line);
            if (link.matches()) {
                links.add(new Link(i + 1, link.group(1), link.group(2)));
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                if (open >= 0) {
                    sections.add(new Section(open, openHeading, openVersion, openDate, entries));
                }
                open = i + 1;
                openHeading = h.group(1);
                openVersion = null;
                openDate = null;
                entries = false;
                if (!isUnreleased(openHeading)) {
                    int col = line.indexOf(openHeading) + 1;
                    Release r = release(openHeading, i + 1, col);
                    if (r == null) {
                        open = -1;
                        continue;
                    }
                    openVersion = r.version;
                    openDate = r.date;
                    Integer before = seen.putIfAbsent(openVersion, i + 1);
                    if (before != null) {
                        problems.error(at(i + 1, col), "a second section for version " + openVersion
                                + " (the first is at line " + before + ")", "merge the two sections into one");
                    }
                }
                continue;
            }
            if (open >= 0 && !line.isBlank() && !line.startsWith("#")) {
                entries = true;
            }
        }
        if (open >= 0) {
            sections.add(new Section(open, openHeading, openVersion, openDate, entries));
        }
        if (sections.stream().filter(Section::unreleased).count() > 1) {
            Section second = sections.stream().filter(Section::unreleased).skip(1).findFirst().orElseThrow();
            problems.error(at(second.line(), 1), "a second '## " + second.heading() + "' section",
                    "keep one unreleased section, at the top");
        }
    }

    private record Release(Version version, LocalDate date) {
    }

    private Release release(String heading, int line, int col) {
        Matcher m = RELEASE.matcher(heading);
        String expected = "write '## [X.Y.Z] - YYYY-MM-DD', or '## " + unreleasedHeading
                + "' for the unreleased section (changelog.unreleased-heading in the spec)";
        if (!m.matches()) {
            problems.error(at(line, col), "heading '## " + heading + "' is neither a release nor the unreleased section",
                    expected);
            return null;
        }
        Version v;
        try {
            v = Version.parse(m.group("v"));
        } catch (IllegalArgumentException e) {
            problems.error(at(line, col), "'" + m.group("v") + "' in heading '## " + heading + "' is not a version",
                    expected);
            return null;
        }
        String date = m.group("date");
        int dateCol = date == null ? col : col + m.start("date");
        if (date == null) {
            problems.error(at(line, col), "release " + v + " has no date", "write '## [" + v + "] - YYYY-MM-DD'");
            return new Release(v, null);
        }
        if (!m.group("sep").contains("-")) {
            problems.error(at(line, dateCol), "release " + v + ": the date must follow ' - '",
                    "write '## [" + v + "] - " + date + "'");
        }
        Matcher d = DATE.matcher(date);
        LocalDate parsed = null;
        if (d.matches()) {
            try {
                parsed = LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)),
                        Integer.parseInt(d.group(3)));
            } catch (DateTimeException e) {
                parsed = null;
            }
        }
        if (parsed == null) {
            problems.error(at(line, dateCol), "release " + v + " has a malformed date '" + date + "'",
                    "write the date as YYYY-MM-DD (ISO 8601), e.g. " + LocalDate.of(2026, 1, 31));
        }
        return new Release(v, parsed);
    }

    private boolean isUnreleased(String heading) {
        return normalize(heading).equals(normalize(unreleasedHeading));
    }

    private static String normalize(String s) {
        return s.replace("[", "").replace("]", "").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    Location at(int line, int col) {
        return new Location(file, line, col);
    }

    public Path file() {
        return file;
    }

    public String unreleasedHeading() {
        return unreleasedHeading;
    }

    /** Malformed headings, duplicate sections, malformed dates. */
    public Diagnostics problems() {
        return problems;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Link> links() {
        return links;
    }

    public Section unreleased() {
        return sections.stream().filter(Section::unreleased).findFirst().orElse(null);
    }

    public Section release(Version v) {
        return sections.stream().filter(s -> v.equals(s.version())).findFirst().orElse(null);
    }

    /**
     * The text of a section under its heading (release notes): up to the next section heading, the link
     * references at the bottom or the end, trimmed.
     */
    public String body(Section s) {
        int end = lines.size();
        for (Section o : sections) {
            if (o.line() > s.line() && o.line() - 1 < end) {
                end = o.line() - 1;
            }
        }
        for (Link l : links) {
            if (l.line() > s.line() && l.line() - 1 < end) {
                end = l.line() - 1;
            }
        }
        return String.join("\n", lines.subList(Math.min(s.line(), end), end)).strip();
    }

    /** The newest release section (the first one below the top), or null. */
    public Section latestRelease() {
        return sections.stream().filter(s -> !s.unreleased()).findFirst().orElse(null);
    }

    /** The label the unreleased section's link uses: the bracketed part of its heading, else the heading. */
    public static String linkLabel(String heading) {
        int open = heading.indexOf('[');
        int close = heading.indexOf(']', open + 1);
        return open >= 0 && close > open ? heading.substring(open + 1, close) : heading.trim();
    }

    List<String> lines() {
        return lines;
    }

    boolean trailingNewline() {
        return trailingNewline;
    }

    /** 1-based line's text without its line break. */
    String line(int line) {
        return stripCr(lines.get(line - 1));
    }

    /** The line break style of the file ("\r\n" when its lines end so). */
    String lineEnd() {
        return !lines.isEmpty() && lines.get(0).endsWith("\r") ? "\r" : "";
    }
}
