package io.github.cratesrelease.output;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write and read them: {@code 500ms}, {@code 2s}, {@code 1m30s}, {@code 1h}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses {@code 500ms}, {@code 2s}, {@code 10m}, {@code 1h}, {@code 1m30s}.
     *
     * @throws IllegalArgumentException when the text is not a duration, or one too long to count in milliseconds
     */
    public static Duration parse(String text) {
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            try {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                total.toMillis(); // every user of a duration counts in milliseconds
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("too long a duration: " + text);
            }
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }

    /** A duration for people: 450ms, 12s, 9m30s, 1h05m. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = (ms + 500) / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : String.format("%02ds", s % 60));
        }
        return s / 3600 + "h" + String.format("%02dm", (s % 3600) / 60);
    }
}
