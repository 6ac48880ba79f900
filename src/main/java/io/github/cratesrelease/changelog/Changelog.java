package io.github.cratesrelease.changelog;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.semver.Version;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A changelog as projects write them: an unreleased section and one section per release, each under a heading of
 * the release level (ATX or setext), in the {@link HeadingStyle} the file's newest release headings show (or the
 * spec states). Headings below the release level are content. Every release is read; the problems of a release's
 * heading are kept by version, so a check can be strict on the releases it is about and lenient on history. The
 * text is kept line by line (line breaks included) so edits touch only the lines they must.
 */
public final class Changelog {

    /** What a section is. */
    public enum Kind { UNRELEASED, RELEASE, OTHER }

    /**
     * A section under a heading of the release level. {@code line} is the heading's line; {@code version} is the
     * release's (or, for an unreleased section written {@code ## 5.0.0 - TBD}, the version it is for); {@code date}
     * null when there is none (or it is malformed).
     */
    public record Section(int line, String heading, Version version, LocalDate date, boolean hasEntries, Kind kind,
            int headingEnd, int end, int column, HeadingStyle.Match match, String dateText) {
        public boolean unreleased() {
            return kind == Kind.UNRELEASED;
        }

        public boolean release() {
            return kind == Kind.RELEASE;
        }
    }

    /** A link reference definition {@code [label]: url}. */
    public record Link(int line, String label, String url) {
    }

    /**
     * A finding about one release's heading: an error when that release is checked; in history, a warning only when
     * {@code unreadable} (no date where the file dates releases, a malformed date, a version twice), not for a
     * heading that is merely written another way.
     */
    record Problem(Version version, Location at, String message, String hint, boolean unreadable) {
    }

    private final Path file;
    private final String unreleasedHeading;
    private final List<String> lines;
    private final List<String> plain = new ArrayList<>();
    private final boolean trailingNewline;
    private final MarkdownOutline outline;
    private final HeadingStyle style;
    private final boolean styleLearned;
    private final List<Section> sections = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Problem> history = new ArrayList<>();
    private final Diagnostics problems = new Diagnostics();
    private final Map<Integer, String> underlines = new HashMap<>();

    /**
     * @param unreleasedHeading the configured heading text without {@code ## } (matched ignoring case, spacing and
     *                          brackets, so {@code Unreleased} matches {@code ## [Unreleased]}); a heading with the
     *                          word "unreleased" and no version is taken as the unreleased section too
     */
    public Changelog(Path file, String text, String unreleasedHeading) {
        this(file, text, unreleasedHeading, null);
    }

    /** @param declared the style the spec states ({@code changelog.heading}), or null to learn it from the file */
    public Changelog(Path file, String text, String unreleasedHeading, HeadingStyle declared) {
        this.file = file;
        this.unreleasedHeading = unreleasedHeading;
        this.trailingNewline = text.endsWith("\n");
        this.lines = new ArrayList<>(List.of((trailingNewline ? text.substring(0, text.length() - 1) : text)
                .split("\n", -1)));
        lines.forEach(l -> plain.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l));
        this.outline = new MarkdownOutline(plain);
        outline.links.forEach(l -> links.add(new Link(l.line(), l.label(), l.url())));
        outline.headings.stream().filter(MarkdownOutline.Heading::setext)
                .forEach(h -> underlines.put(h.line(), plain.get(h.underline() - 1)));
        Map<MarkdownOutline.Heading, HeadingStyle.Sample> samples = new LinkedHashMap<>();
        for (MarkdownOutline.Heading h : outline.headings) {
            if (!isUnreleased(h.text())) {
                HeadingStyle.Sample s = HeadingStyle.sample(h, plain.get(h.line() - 1), underlines.get(h.line()),
                        plain.subList(h.lastLine(), Math.min(plain.size(), h.lastLine() + 3)));
                if (s != null) {
                    samples.put(h, s);
                }
            }
        }
        int level = declared != null ? declared.level() : releaseLevel(samples);
        HeadingStyle learned = HeadingStyle.learn(newestFirst(samples, level));
        this.styleLearned = declared == null && learned != null;
        this.style = declared != null ? declared : learned != null ? learned
                : new HeadingStyle(level, false, HeadingStyle.KEEP_A_CHANGELOG.text(), DateFormat.ISO, null, 0,
                        "#".repeat(level) + " ", null);
        new SectionReader(this, samples, level).read();
        checkUnreleasedSections();
    }

    /** The level most of the first five headings with a version share (the first wins a tie); else the unreleased one's. */
    private int releaseLevel(Map<MarkdownOutline.Heading, HeadingStyle.Sample> samples) {
        Map<Integer, Integer> count = new LinkedHashMap<>();
        samples.keySet().stream().limit(5).forEach(h -> count.merge(h.level(), 1, Integer::sum));
        if (count.isEmpty()) {
            return outline.headings.stream().filter(h -> isUnreleased(h.text())).mapToInt(MarkdownOutline.Heading::level)
                    .findFirst().orElse(2);
        }
        return count.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
    }

    /** The samples at the release level, newest first (a file written oldest-first is read from the bottom). */
    private static List<HeadingStyle.Sample> newestFirst(Map<MarkdownOutline.Heading, HeadingStyle.Sample> samples,
            int level) {
        List<HeadingStyle.Sample> out = new ArrayList<>();
        List<Version> versions = new ArrayList<>();
        samples.forEach((h, s) -> {
            if (h.level() == level) {
                out.add(s);
                HeadingStyle.Match m = s.style().match(h.text());
                versions.add(m == null ? null : m.version());
            }
        });
        if (versions.size() > 1 && versions.get(0) != null && versions.get(versions.size() - 1) != null
                && versions.get(0).compareTo(versions.get(versions.size() - 1)) < 0) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    private void checkUnreleasedSections() {
        List<Section> unreleased = sections.stream().filter(Section::unreleased).toList();
        if (unreleased.size() > 1) {
            Section second = unreleased.get(1);
            problems.error(at(second.line(), 1), "a second unreleased section '" + second.heading() + "' (the first "
                    + "is at line " + unreleased.get(0).line() + ")", "keep one unreleased section, at the top");
        }
    }

    boolean isUnreleased(String heading) {
        String n = normalize(heading);
        return n.equals(normalize(unreleasedHeading)) || n.contains("unreleased")
                && !HeadingStyle.VERSION_TOKEN.matcher(heading).find();
    }

    static String normalize(String s) {
        return s.replace("\\[", "").replace("[", "").replace("]", "").replaceAll("\\s+", " ").trim()
                .toLowerCase(Locale.ROOT);
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

    /** The release-heading style: learned from the file, stated in the spec, or Keep a Changelog's. */
    public HeadingStyle style() {
        return style;
    }

    /** Whether {@link #style()} was learned from the file's release headings. */
    public boolean styleLearned() {
        return styleLearned;
    }

    /** Problems that are errors whatever is checked: a second unreleased section. */
    public Diagnostics problems() {
        return problems;
    }

    /** The problems of the heading(s) of one release, as errors (it is the release being checked). */
    public Diagnostics problemsOf(Version v) {
        Diagnostics d = new Diagnostics();
        history.stream().filter(p -> v.equals(p.version())).forEach(p -> d.error(p.at(), p.message(), p.hint()));
        return d;
    }

    /** At most one warning for the problems of the other releases (history is read leniently). */
    public Diagnostics historyWarning(Set<Version> checked) {
        Diagnostics d = new Diagnostics();
        List<Problem> rest = history.stream().filter(p -> p.unreadable() && !checked.contains(p.version())).toList();
        if (!rest.isEmpty()) {
            Problem p = rest.get(0);
            d.warning(p.at(), p.message() + (rest.size() == 1 ? "" : " (and " + (rest.size() - 1) + " more problem(s) "
                    + "in older sections, read leniently)"), p.hint());
        }
        return d;
    }

    List<Problem> history() {
        return history;
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

    /** The (first) section of a release, or null. */
    public Section release(Version v) {
        return sections.stream().filter(s -> s.release() && v.equals(s.version())).findFirst().orElse(null);
    }

    /**
     * The text of a section under its heading (release notes): up to the next section heading, the link
     * references at the bottom or the end, trimmed.
     */
    public String body(Section s) {
        int end = s.end();
        for (Link l : links) {
            if (l.line() > s.line() && l.line() - 1 < end) {
                end = l.line() - 1;
            }
        }
        return String.join("\n", plain.subList(Math.min(s.headingEnd(), end), end)).strip();
    }

    /** The newest release (the highest version), or null. */
    public Section latestRelease() {
        return sections.stream().filter(Section::release).max(Comparator.comparing(Section::version)).orElse(null);
    }

    /** The newest release below a version, or null. */
    Section previousOf(Version v) {
        return sections.stream().filter(s -> s.release() && s.version().compareTo(v) < 0)
                .max(Comparator.comparing(Section::version)).orElse(null);
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

    MarkdownOutline outline() {
        return outline;
    }

    void addSection(Section s) {
        sections.add(s);
    }

    void addProblem(Problem p) {
        history.add(p);
    }

    boolean trailingNewline() {
        return trailingNewline;
    }

    /** 1-based line's text without its line break. */
    String line(int line) {
        return plain.get(line - 1);
    }

    int lineCount() {
        return plain.size();
    }

    /** The line break style of the file ("\r" to add before "\n" when its lines end so). */
    String lineEnd() {
        return !lines.isEmpty() && lines.get(0).endsWith("\r") ? "\r" : "";
    }
}
