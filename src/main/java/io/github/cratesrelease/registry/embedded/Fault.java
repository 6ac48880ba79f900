package io.github.cratesrelease.registry.embedded;

import io.github.cratesrelease.output.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fault the registry answers publishes with, for tests of waits and retries: {@code 429} with Retry-After,
 * {@code 500}/{@code 503}, {@code 403}, a connection closed without an answer, or a slow answer.
 */
public record Fault(Kind kind, Duration duration) {

    public enum Kind {
        TOO_MANY_REQUESTS, SERVER_ERROR, UNAVAILABLE, RESET, SLOW, FORBIDDEN
    }

    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(Kind.TOO_MANY_REQUESTS, retryAfter);
    }

    public static Fault serverError() {
        return new Fault(Kind.SERVER_ERROR, Duration.ZERO);
    }

    public static Fault unavailable() {
        return new Fault(Kind.UNAVAILABLE, Duration.ZERO);
    }

    /** A refusal that no retry changes: crates.io's answer to a publisher who is not an owner of the crate. */
    public static Fault forbidden() {
        return new Fault(Kind.FORBIDDEN, Duration.ZERO);
    }

    public static Fault reset() {
        return new Fault(Kind.RESET, Duration.ZERO);
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, delay);
    }

    /**
     * Parses a configuration such as {@code 429:5s*2,503,reset,slow:3s*1}: comma-separated faults, each
     * {@code kind[:duration][*count]} with kind one of 429, 500, 503, reset, slow.
     */
    public static List<Fault> parseList(String text) {
        List<Fault> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            int count = 1;
            int star = p.indexOf('*');
            if (star >= 0) {
                count = Integer.parseInt(p.substring(star + 1).trim());
                p = p.substring(0, star).trim();
            }
            Duration d = Duration.ZERO;
            int colon = p.indexOf(':');
            if (colon >= 0) {
                d = Durations.parse(p.substring(colon + 1).trim());
                p = p.substring(0, colon).trim();
            }
            Fault f = switch (p) {
                case "429" -> tooManyRequests(d.isZero() ? Duration.ofSeconds(1) : d);
                case "500" -> serverError();
                case "503" -> unavailable();
                case "403" -> forbidden();
                case "reset" -> reset();
                case "slow" -> slow(d.isZero() ? Duration.ofSeconds(2) : d);
                default -> throw new IllegalArgumentException("unknown fault '" + part.trim()
                        + "' (use 429[:retry-after], 403, 500, 503, reset or slow[:delay], each optionally *count)");
            };
            for (int i = 0; i < count; i++) {
                out.add(f);
            }
        }
        return out;
    }
}
