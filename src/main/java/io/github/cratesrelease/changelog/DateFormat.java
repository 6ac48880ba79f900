package io.github.cratesrelease.changelog;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a changelog writes its release dates: a {@link DateTimeFormatter} pattern (English month names) with one
 * extension, {@code do} for a day with its ordinal suffix ({@code 20th}). Learned from an example date found in a
 * heading ({@code 2026-07-20}, {@code July 20th, 2026}, {@code 24. March, 2024}) or stated in the spec
 * ({@code {date:MMMM do, yyyy}}).
 */
public final class DateFormat {

    /** ISO 8601, the Keep a Changelog date. */
    public static final DateFormat ISO = new DateFormat("yyyy-MM-dd");

    private static final String MONTHS = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String DAY = "\\d{1,2}(?:st|nd|rd|th)?";
    /** A date as changelogs write them, anywhere in a line. */
    static final Pattern ANY = Pattern.compile("(?<![\\w.])(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2}"
            + "|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|" + MONTHS + "\\.? " + DAY + ",? \\d{4}|" + DAY + "\\.? " + MONTHS
            + "\\.?,? \\d{4})(?![\\w])");
    /** Words that stand for the date of a release still to come. */
    static final Pattern PLACEHOLDER = Pattern.compile("(?i)TBD|TBA|unreleased|upcoming|in progress|WIP|not released"
            + "|not yet released|ReleaseDate|YYYY-MM-DD|XXXX-XX-XX|\\?+");
    private static final Pattern TOKEN = Pattern.compile("\\d+(?:st|nd|rd|th)?|[A-Za-z]+|[^\\dA-Za-z]+");

    private final String pattern;
    private final DateTimeFormatter formatter;
    private final boolean ordinal;

    private DateFormat(String pattern) {
        this.pattern = pattern;
        this.ordinal = pattern.contains("do");
        this.formatter = DateTimeFormatter.ofPattern(pattern.replace("do", "d"), Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.SMART);
    }

    /** A format from its pattern ({@code yyyy-MM-dd}, {@code MMMM do, yyyy}); throws IllegalArgumentException. */
    public static DateFormat of(String pattern) {
        DateFormat f = new DateFormat(pattern);
        f.format(LocalDate.of(2026, 1, 31));
        return f;
    }

    /** The format an example date is written in, or null when the text is no date. */
    public static DateFormat learn(String example) {
        if (!ANY.matcher(example).matches()) {
            return null;
        }
        StringBuilder p = new StringBuilder();
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(example);
        while (m.find()) {
            tokens.add(m.group());
        }
        int numbers = 0;
        boolean yearFirst = tokens.get(0).matches("\\d{4}");
        boolean named = example.matches(".*[A-Za-z]{3}.*");
        for (String t : tokens) {
            if (t.matches("\\d{4}")) {
                p.append("yyyy");
            } else if (t.matches("\\d+(st|nd|rd|th)")) {
                p.append("do");
            } else if (t.matches("\\d+")) {
                // yyyy-MM-dd, dd.MM.yyyy; with a month name the number is the day
                String letter = named ? "d" : yearFirst == (numbers == 0) ? "M" : "d";
                numbers++;
                p.append(t.startsWith("0") || yearFirst && t.length() == 2 ? letter + letter : letter);
            } else if (t.matches("[A-Za-z]+")) {
                p.append(t.length() > 3 && !t.equals("Sept") ? "MMMM" : "MMM");
            } else {
                p.append(t.matches("[ ,./-]+") ? t : "'" + t.replace("'", "''") + "'");
            }
        }
        try {
            DateFormat f = of(p.toString());
            return f.parse(example) != null ? f : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The date, or null when the text is not a real date in this format. */
    public LocalDate parse(String text) {
        String t = text.strip();
        if (ordinal) {
            t = t.replaceAll("(\\d)(st|nd|rd|th)\\b", "$1");
        }
        try {
            LocalDate d = LocalDate.parse(t, formatter);  // SMART clamps 02-30; the round trip below refuses it
            return format(d).equalsIgnoreCase(text.strip()) || lenientEqual(d, text) ? d : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Same day written with or without a leading zero (a file may mix {@code 5} and {@code 05}). */
    private boolean lenientEqual(LocalDate d, String text) {
        return format(d).replaceAll("\\b0(\\d)", "$1").equalsIgnoreCase(text.strip().replaceAll("\\b0(\\d)", "$1"));
    }

    public String format(LocalDate date) {
        String s = formatter.format(date);
        if (!ordinal) {
            return s;
        }
        String day = Integer.toString(date.getDayOfMonth());
        return s.replaceFirst("(?<!\\d)" + day + "(?!\\d)", day + suffix(date.getDayOfMonth()));
    }

    private static String suffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** The pattern ({@code yyyy-MM-dd}). */
    public String pattern() {
        return pattern;
    }

    /** The pattern as a reader sees it: {@code YYYY-MM-DD} for ISO, else an example. */
    public String describe() {
        return equals(ISO) ? "YYYY-MM-DD (ISO 8601)" : "'" + format(LocalDate.of(2026, 7, 20)) + "' (" + pattern + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateFormat f && f.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
