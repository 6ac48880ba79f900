package io.github.cratesrelease.changelog;

import io.github.cratesrelease.semver.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a changelog writes a release heading: its level (ATX {@code #}/{@code ##}, or setext {@code ===}/{@code ---}),
 * the heading text as a template with {@code {version}}, {@code {date}} and {@code {compare}} (a link in the
 * heading), the date format, and, for files that date a release on the line below the heading, that line's template.
 * Learned from the file's newest release headings, or stated in the spec ({@code changelog.heading}); used both to
 * read every release strictly and to write a new one.
 */
public record HeadingStyle(int level, boolean setext, String text, DateFormat dateFormat, String dateLine,
        int dateGap, String atxPrefix, String underline) {

    /** Keep a Changelog: {@code ## [X.Y.Z] - YYYY-MM-DD}. */
    public static final HeadingStyle KEEP_A_CHANGELOG = new HeadingStyle(2, false, "[{version}] - {date}",
            DateFormat.ISO, null, 0, "## ", null);

    static final String VERSION = "\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]*[0-9A-Za-z])?(?:\\+[0-9A-Za-z.-]+)?";
    /** A version in a heading: not inside a longer number, possibly after a {@code v}. */
    static final Pattern VERSION_TOKEN = Pattern.compile("(?<!\\d)(?<!\\d\\.)" + VERSION + "(?![\\d.]*\\d)");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\(([^)\\s]*)\\)");
    private static final Pattern PLACEHOLDER_WORD = Pattern.compile("(?<![\\w])(?:" + DateFormat.PLACEHOLDER.pattern()
            .replace("(?i)", "") + ")(?![\\w])", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("\\{(version|compare|date)(?::([^}]*))?\\}");

    /** A heading's text read in this style: the version, the date as written (or null), the link in it. */
    public record Match(Version version, String dateText, int dateOffset, String compare) {
    }

    /**
     * A template as the spec states it: {@code ## [{version}] - {date}}, {@code # v{version} ({date:MMMM do, yyyy})},
     * {@code {version} ({date})\n===} (setext), {@code ## {version}\n\nReleased on {date}.} (date on a line below).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static HeadingStyle parse(String template) {
        String[] lines = template.replace("\r", "").split("\n", -1);
        String first = lines[0];
        int level;
        boolean setext = false;
        String text;
        String prefix = null;
        String underline = null;
        int next = 1;
        Matcher atx = Pattern.compile("^(#{1,6})(\\s+)(.*)$").matcher(first);
        if (atx.matches()) {
            level = atx.group(1).length();
            prefix = atx.group(1) + atx.group(2);
            text = atx.group(3);
        } else if (lines.length > 1 && lines[1].strip().matches("=+|-+")) {
            setext = true;
            level = lines[1].strip().startsWith("=") ? 1 : 2;
            text = first.strip();
            underline = lines[1].strip().length() > 3 ? lines[1].strip() : null;
            next = 2;
        } else {
            throw new IllegalArgumentException("the heading template must start with '#' to '######' and a space "
                    + "(e.g. '## [{version}] - {date}'), or be a line of text followed by a line of '===' or '---'");
        }
        int gap = 0;
        String dateLine = null;
        for (int i = next; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                gap++;
            } else if (dateLine == null && lines[i].contains("{date")) {
                dateLine = lines[i];
            } else {
                throw new IllegalArgumentException("only one line may follow the heading, with {date}: '" + lines[i]
                        + "'");
            }
        }
        if (!text.contains("{version}")) {
            throw new IllegalArgumentException("the heading template has no {version}");
        }
        DateFormat format = DateFormat.ISO;
        String dated = dateLine != null ? dateLine : text;
        Matcher f = FIELD.matcher(dated);
        while (f.find()) {
            if (f.group(1).equals("date") && f.group(2) != null) {
                format = DateFormat.of(f.group(2));
            }
        }
        text = stripFormat(text);
        dateLine = dateLine == null ? null : stripFormat(dateLine);
        if (dateLine != null && text.contains("{date}")) {
            throw new IllegalArgumentException("{date} is both in the heading and on the line below it");
        }
        return new HeadingStyle(level, setext, text, format, dateLine, dateLine == null ? 0 : gap,
                prefix == null ? "#".repeat(level) + " " : prefix, underline);
    }

    private static String stripFormat(String s) {
        return s.replaceAll("\\{date:[^}]*\\}", "{date}");
    }

    /** One release heading as found, its template and date; see {@link #learn}. */
    record Sample(HeadingStyle style, String dateText) {
    }

    /**
     * The template of one heading (with the line after it, for a date written below), or null when it holds no
     * version.
     */
    static Sample sample(MarkdownOutline.Heading h, String rawLine, String underlineLine, List<String> following) {
        String text = h.text();
        String compareUrl = null;
        Matcher link = LINK_TARGET.matcher(text);
        if (link.find()) {
            compareUrl = link.group(1);
            text = text.substring(0, link.start()) + "](\u0001)" + text.substring(link.end());
        }
        Matcher v = VERSION_TOKEN.matcher(text);
        if (!v.find()) {
            return null;
        }
        String tail = text.substring(v.end());
        String template = text.substring(0, v.start()) + "\u0002";
        String dateText = null;
        Matcher d = DateFormat.ANY.matcher(tail);
        Matcher p = PLACEHOLDER_WORD.matcher(tail);
        if (d.find()) {
            dateText = d.group();
            tail = tail.substring(0, d.start()) + "\u0003" + tail.substring(d.end());
        } else if (p.find()) {
            dateText = p.group();
            tail = tail.substring(0, p.start()) + "\u0003" + tail.substring(p.end());
        }
        template = (template + tail).replace("\u0001", "{compare}").replace("\u0002", "{version}")
                .replace("\u0003", "{date}");
        String dateLine = null;
        int gap = 0;
        if (dateText == null) {
            for (String l : following) {
                if (l.isBlank()) {
                    gap++;
                    continue;
                }
                Matcher below = DateFormat.ANY.matcher(l);
                if (l.length() <= 60 && below.find() && !l.stripLeading().startsWith("-")
                        && !l.stripLeading().startsWith("*") && !l.stripLeading().startsWith("#")) {
                    dateText = below.group();
                    dateLine = l.substring(0, below.start()) + "{date}" + l.substring(below.end());
                }
                break;
            }
        }
        DateFormat format = dateText == null ? null : DateFormat.learn(dateText);
        String prefix = h.setext() ? null : rawLine.substring(0, Math.max(0, h.column() - 1));
        String underline = underlineLine == null || underlineLine.strip().length() == h.text().length() ? null
                : underlineLine.strip();  // null: as long as the text
        HeadingStyle s = new HeadingStyle(h.level(), h.setext(), template, format, dateLine,
                dateLine == null ? 0 : gap, prefix == null || prefix.isBlank() ? "#".repeat(h.level()) + " " : prefix,
                underline);
        return new Sample(s, dateText);
    }

    /**
     * The style of a file: the template most of its newest release headings share (the newest wins a tie), with the
     * date format of the first of them that has a real date.
     */
    static HeadingStyle learn(List<Sample> newestFirst) {
        Map<String, List<Sample>> byTemplate = new LinkedHashMap<>();
        for (Sample s : newestFirst.subList(0, Math.min(5, newestFirst.size()))) {
            byTemplate.computeIfAbsent(s.style().key(), k -> new ArrayList<>()).add(s);
        }
        List<Sample> best = null;
        for (List<Sample> l : byTemplate.values()) {
            if (best == null || l.size() > best.size()) {
                best = l;
            }
        }
        if (best == null) {
            return null;
        }
        HeadingStyle style = best.get(0).style();
        DateFormat format = best.stream().map(s -> s.style().dateFormat()).filter(f -> f != null).findFirst()
                .orElse(style.hasDate() ? DateFormat.ISO : null);
        return style.withDateFormat(format);
    }

    private String key() {
        return level + "|" + setext + "|" + text + "|" + dateLine;
    }

    HeadingStyle withDateFormat(DateFormat f) {
        return new HeadingStyle(level, setext, text, f, dateLine, dateGap, atxPrefix, underline);
    }


    public boolean hasDate() {
        return text.contains("{date}") || dateLine != null;
    }

    public boolean hasCompare() {
        return text.contains("{compare}");
    }

    /** The heading text read strictly in this style, or null. */
    Match match(String headingText) {
        Matcher m = regex(text).matcher(headingText.strip());
        if (!m.matches()) {
            return null;
        }
        Version v;
        try {
            v = Version.parse(m.group("version"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean dated = text.contains("{date}");
        return new Match(v, dated ? m.group("date") : null, dated ? m.start("date") : -1,
                text.contains("{compare}") ? m.group("compare") : null);
    }

    /** The date written on a line below the heading, or null when the line is not in this style. */
    String matchDateLine(String line) {
        if (dateLine == null) {
            return null;
        }
        Matcher m = regex(dateLine).matcher(line.strip());
        return m.matches() ? m.group("date") : null;
    }

    private static Pattern regex(String template) {
        StringBuilder re = new StringBuilder("^");
        Matcher f = FIELD.matcher(template);
        int at = 0;
        while (f.find()) {
            re.append(literal(template.substring(at, f.start())));
            re.append(switch (f.group(1)) {
                case "version" -> "(?<version>" + VERSION + ")";
                case "compare" -> "(?<compare>[^)\\s]*)";
                default -> "(?<date>.+?)";
            });
            at = f.end();
        }
        re.append(literal(template.substring(at))).append("$");
        return Pattern.compile(re.toString());
    }

    private static String literal(String s) {
        StringBuilder out = new StringBuilder();
        Matcher ws = Pattern.compile("\\s+").matcher(s);
        int at = 0;
        while (ws.find()) {
            if (ws.start() > at) {
                out.append(Pattern.quote(s.substring(at, ws.start())));
            }
            out.append("\\s+");
            at = ws.end();
        }
        if (at < s.length()) {
            out.append(Pattern.quote(s.substring(at)));
        }
        return out.toString();
    }

    /** The heading text of a release. */
    public String render(Version version, LocalDate date, String compare) {
        String d = date == null || dateFormat == null || !text.contains("{date}") ? "" : dateFormat.format(date);
        return text.replace("{version}", version.toString()).replace("{date}", d)
                .replace("{compare}", compare == null ? "" : compare);
    }

    /** The lines a new release section starts with: the heading (and underline), and the dated line below. */
    List<String> lines(Version version, LocalDate date, String compare) {
        List<String> out = new ArrayList<>();
        String t = render(version, date, compare);
        if (setext) {
            out.add(t);
            out.add(underline != null ? underline : (level == 1 ? "=" : "-").repeat(Math.max(1, t.length())));
        } else {
            out.add(atxPrefix + t);
        }
        if (dateLine != null) {
            for (int i = 0; i < dateGap; i++) {
                out.add("");
            }
            out.add(dateLine.replace("{date}", dateFormat.format(date)));
        }
        return out;
    }

    /** The template as the spec would state it, e.g. {@code ## [{version}] - {date}}. */
    public String template() {
        String t = setext ? text + "\\n" + (level == 1 ? "===" : "---") : atxPrefix + text;
        if (dateLine != null) {
            t += "\\n".repeat(dateGap + 1) + dateLine;
        }
        String fmt = dateFormat == null || dateFormat.equals(DateFormat.ISO) ? "{date}"
                : "{date:" + dateFormat.pattern() + "}";
        return t.replace("{date}", fmt);
    }

    /** One line of the heading as an example for a hint. */
    public String example(Version version, LocalDate date) {
        return String.join(" / ", lines(version, date, "URL"));
    }
}
