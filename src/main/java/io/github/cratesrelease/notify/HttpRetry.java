package io.github.cratesrelease.notify;

import io.github.cratesrelease.io.Clock;
import io.github.cratesrelease.output.Masker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import io.github.cratesrelease.io.Http;
import io.github.cratesrelease.io.HttpClients;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one retry loop of the notify clients: sends a request, retries on 5xx, 429 and I/O errors with a backoff
 * doubling from the first one up to {@link #MAX_BACKOFF} (or the server's {@code Retry-After}, capped at
 * {@link #MAX_RETRY_AFTER}), sleeping on the {@link Clock}. Any other answer goes back to the caller.
 */
final class HttpRetry {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
    static final String USER_AGENT = "crates-maven-plugin";
    private static final int LINE_MAX = 200;

    /** A final answer (not retried): its status, its body, and how many attempts it took. */
    record Reply(int status, String body, int attempts) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Http http;
    private final Clock clock;
    private final int retries;
    private final Duration firstBackoff;

    HttpRetry(Duration timeout, Clock clock, int retries, Duration firstBackoff) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        if (firstBackoff == null || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("firstBackoff must not be negative: " + firstBackoff);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retries = retries;
        this.firstBackoff = min(firstBackoff, MAX_BACKOFF);
        this.http = HttpClients.withTimeout(timeout);
    }

    /**
     * Sends {@code request} until it gets an answer that is not to be retried, or the retries are used up.
     *
     * @param what   what the request does, for messages ("webhook POST https://host/...")
     * @param masker the secrets of this call, masked out of every message
     * @throws NotifyException when the retries are used up (status of the last answer, -1 after an I/O error) or
     *                         the thread is interrupted
     */
    Reply send(Request request, String what, Masker masker) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            int status;
            String last;
            Duration wait = null;
            IOException cause = null;
            try (Response r = http.execute(request)) {
                status = r.code();
                String body = r.body().string();
                if (!retryable(status)) {
                    return new Reply(status, body, attempt);
                }
                wait = retryAfter(r.header("Retry-After"));
                String line = firstLine(body);
                last = "HTTP " + status + (line.isEmpty() ? "" : " (" + line + ")");
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new NotifyException(-1, masker.mask(what + ": interrupted"), e);
                }
                status = -1;
                cause = e;
                last = describe(e);
            }
            if (attempt > retries) {
                throw new NotifyException(status, masker.mask(what + " failed after " + attempt
                        + (attempt == 1 ? " attempt" : " attempts") + "; last: " + last), cause);
            }
            Duration sleep = wait != null ? wait : backoff;
            backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            try {
                clock.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotifyException(-1, masker.mask(what + ": interrupted"), e);
            }
        }
    }

    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** {@code Retry-After} as seconds or an HTTP date, capped at {@link #MAX_RETRY_AFTER}; null when absent or bad. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        Duration d;
        if (h.chars().allMatch(Character::isDigit)) {
            d = h.length() > 9 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(h));
        } else {
            try {
                Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                d = Duration.between(clock.now(), at);
                d = d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return min(d, MAX_RETRY_AFTER);
    }

    /** The first non-blank line of a body, stripped, at most 200 characters; empty for none. */
    static String firstLine(String body) {
        if (body == null) {
            return "";
        }
        for (String line : body.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                return s.length() <= LINE_MAX ? s : s.substring(0, LINE_MAX - 3) + "...";
            }
        }
        return "";
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + firstLine(m));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
