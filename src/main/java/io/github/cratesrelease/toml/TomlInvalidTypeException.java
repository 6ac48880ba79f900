package io.github.cratesrelease.toml;

/** A typed getter ({@code getString}, {@code getTable}, ...) met a value of another type. */
public final class TomlInvalidTypeException extends RuntimeException {

    public TomlInvalidTypeException(String message) {
        super(message);
    }
}
