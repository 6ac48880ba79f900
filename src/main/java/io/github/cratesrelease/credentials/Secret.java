package io.github.cratesrelease.credentials;

import java.util.Objects;

/**
 * A token. {@link #toString()} never shows it; only {@link #reveal()} does, at the one place it is sent (an HTTP
 * header or a child process's environment).
 *
 * @param source where it came from, for messages (e.g. "env CARGO_REGISTRY_TOKEN")
 */
public record Secret(String value, String source) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****** (from " + source + ")";
    }
}
