package io.github.cratesrelease.changelog;

import io.github.cratesrelease.changelog.Changelog.Kind;
import io.github.cratesrelease.changelog.Changelog.Problem;
import io.github.cratesrelease.changelog.Changelog.Section;
import io.github.cratesrelease.semver.Version;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Cuts a changelog into sections at the headings of the release level (and above), reads each release heading in
 * the file's style, and records what is wrong with each one by its version (a check decides how strict to be).
 */
final class SectionReader {

    private final Changelog log;
    private final Map<MarkdownOutline.Heading, HeadingStyle.Sample> samples;
    private final int level;
    private final HeadingStyle style;
    private final LocalDate today = LocalDate.now();

    SectionReader(Changelog log, Map<MarkdownOutline.Heading, HeadingStyle.Sample> samples, int level) {
        this.log = log;
        this.samples = samples;
        this.level = level;
        this.style = log.style();
    }

    void read() {
        List<MarkdownOutline.Heading> bounds = log.outline().headings.stream()
                .filter(h -> h.level() <= level || log.isUnreleased(h.text()) && h.level() <= level + 1).toList();
        Map<Version, Integer> seen = new HashMap<>();
        boolean releaseSeen = false;
        for (int i = 0; i < bounds.size(); i++) {
            MarkdownOutline.Heading h = bounds.get(i);
            int end = i + 1 < bounds.size() ? bounds.get(i + 1).line() - 1 : log.lineCount();
            if (log.isUnreleased(h.text())) {
                log.addSection(new Section(h.line(), h.text(), null, null, entries(h.lastLine(), end, 0), Kind.UNRELEASED,
                        h.lastLine(), end, h.column(), null, null));
                continue;
            }
            HeadingStyle.Sample sample = samples.get(h);
            if (sample == null || h.level() != level) {
                log.addSection(new Section(h.line(), h.text(), null, null, entries(h.lastLine(), end, 0), Kind.OTHER,
                        h.lastLine(), end, h.column(), null, null));
                continue;
            }
            HeadingStyle.Match m = style.match(h.text());
            boolean setextOk = h.setext() == style.setext();
            Version version = m != null ? m.version() : leniently(h.text());
            if (version == null) {
                log.addSection(new Section(h.line(), h.text(), null, null, entries(h.lastLine(), end, 0), Kind.OTHER,
                        h.lastLine(), end, h.column(), null, null));
                continue;
            }
            // the date: in the heading, or on the line below it
            String dateText = null;
            int dateLine = h.line();
            int dateCol = h.column();
            int skip = 0;
            if (m != null && m.dateText() != null) {
                dateText = m.dateText();
                dateCol = h.column() + m.dateOffset();
            } else if (style.dateLine() != null) {
                for (int l = h.lastLine() + 1; l <= Math.min(end, h.lastLine() + style.dateGap() + 2); l++) {
                    String text = log.line(l);
                    if (text.isBlank()) {
                        continue;
                    }
                    dateText = style.matchDateLine(text);
                    if (dateText != null) {
                        dateLine = l;
                        skip = l;
                        dateCol = text.indexOf(dateText) + 1;
                    }
                    break;
                }
            }
            if (dateText == null && m == null) {
                dateText = sample.dateText();
            }
            boolean placeholder = dateText != null && DateFormat.PLACEHOLDER.matcher(dateText.strip()).matches();
            LocalDate date = dateText == null || placeholder || style.dateFormat() == null ? null
                    : style.dateFormat().parse(dateText);
            if (date == null && dateText != null && !placeholder && m == null) {
                DateFormat own = DateFormat.learn(dateText);
                date = own == null ? null : own.parse(dateText);
            }
            boolean entries = entries(h.lastLine(), end, skip);
            if (placeholder && !releaseSeen) {
                // '## 5.0.0 - TBD' above every dated release: the section of the next release, still open
                log.addSection(new Section(h.line(), h.text(), version, null, entries, Kind.UNRELEASED, h.lastLine(),
                        end, h.column(), m, dateText));
                if (m == null || !setextOk) {
                    problem(version, h, "the heading of the next release is not in the file's style '"
                            + style.template() + "'", "write '" + write(version, null, dateText, m) + "'");
                }
                continue;
            }
            releaseSeen = true;
            Section s = new Section(h.line(), h.text(), version, date, entries, Kind.RELEASE, h.lastLine(), end,
                    h.column(), m, dateText);
            log.addSection(s);
            Integer before = seen.putIfAbsent(version, h.line());
            if (before != null) {
                problem(version, h, "a second section for version " + version + " (the first is at line " + before
                        + ")", "merge the two sections into one");
                continue;
            }
            if (m == null || !setextOk) {
                String hint = "write '" + write(version, date, null, null) + "'";
                boolean readable = !style.hasDate() || date != null;
                problem(version, h.line(), h.column(), style.hasDate() && dateText == null ? "release " + version
                        + " has no date" : "the heading of release " + version + " is not in the file's style '"
                                + style.template() + "'", hint, !readable);
            } else if (style.hasDate() && dateText == null) {
                problem(version, h.line(), h.column(), "release " + version + " has no date", style.dateLine() != null
                        ? "add the line '" + dateLineText(today) + "' after line " + h.lastLine()
                        : "write '" + write(version, today, null, m) + "'");
            } else if (placeholder) {
                problem(version, dateLine, dateCol, "release " + version + " has no date yet ('" + dateText + "')",
                        "write " + hintForDate(version, h, dateLine, m));
            } else if (style.hasDate() && date == null) {
                problem(version, dateLine, dateCol, "release " + version + " has a malformed date '" + dateText + "'",
                        "write the date as " + describe(style.dateFormat()) + ": " + hintForDate(version, h, dateLine,
                                m));
            }
        }
    }

    private static String describe(DateFormat f) {
        return f == null ? "YYYY-MM-DD (ISO 8601)" : f.describe();
    }

    /** The fix for a release's date, quoted: the heading (or the dated line) with today's date. */
    private String hintForDate(Version version, MarkdownOutline.Heading h, int dateLine, HeadingStyle.Match m) {
        if (dateLine != h.line()) {
            return "'" + dateLineText(today) + "'";
        }
        return "'" + write(version, today, null, m) + "'";
    }

    private String dateLineText(LocalDate date) {
        return style.dateLine().replace("{date}", style.dateFormat().format(date));
    }

    /** A heading line in the file's style (the text line of a setext heading), keeping the heading's own link. */
    private String write(Version version, LocalDate date, String placeholder, HeadingStyle.Match m) {
        LocalDate d = date != null ? date : today;
        String text = style.render(version, d, m != null ? m.compare() : null);
        if (placeholder != null && style.text().contains("{date}")) {
            text = style.text().replace("{version}", version.toString()).replace("{date}", placeholder)
                    .replace("{compare}", m != null && m.compare() != null ? m.compare() : "");
        }
        return style.setext() ? text : style.atxPrefix() + text;
    }

    private static Version leniently(String heading) {
        Matcher v = HeadingStyle.VERSION_TOKEN.matcher(heading.replaceAll("\\]\\([^)]*\\)", "]"));
        if (!v.find()) {
            return null;
        }
        try {
            return Version.parse(v.group());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean entries(int from, int end, int skip) {
        for (int l = from + 1; l <= end; l++) {
            if (l != skip && !log.outline().heading[l]
                    && (log.outline().fenced[l] || MarkdownOutline.isEntry(log.line(l)))) {
                return true;
            }
        }
        return false;
    }

    private void problem(Version v, MarkdownOutline.Heading h, String message, String hint) {
        problem(v, h.line(), h.column(), message, hint, true);
    }

    private void problem(Version v, int line, int col, String message, String hint) {
        problem(v, line, col, message, hint, true);
    }

    private void problem(Version v, int line, int col, String message, String hint, boolean unreadable) {
        log.addProblem(new Problem(v, log.at(line, col), message, hint, unreadable));
    }
}
