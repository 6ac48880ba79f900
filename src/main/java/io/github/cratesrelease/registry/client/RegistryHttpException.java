package io.github.cratesrelease.registry.client;

import java.time.Instant;

/**
 * A registry answered with an error.
 *
 * @param status     the HTTP status (200 when crates.io reports errors in a 200 body)
 * @param detail     the registry's {@code errors[].detail} text, or the body's start
 * @param retryAfter when a 429 or 503 says to come back, else null
 */
public final class RegistryHttpException extends Exception {
    private final int status;
    private final String detail;
    private final Instant retryAfter;

    public RegistryHttpException(int status, String detail, Instant retryAfter) {
        super("HTTP " + status + ": " + detail);
        this.status = status;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Instant retryAfter() {
        return retryAfter;
    }

    public boolean isRateLimit() {
        return status == 429;
    }

    /** 5xx: the registry may or may not have stored the upload; retry and check. */
    public boolean isServerError() {
        return status >= 500;
    }

    /** crates.io's and our registry's answer to a second upload of a version. */
    public boolean isAlreadyUploaded() {
        String d = detail == null ? "" : detail.toLowerCase(java.util.Locale.ROOT);
        return status >= 400 && status < 500 && (d.contains("already uploaded") || d.contains("already exists"));
    }
}
