package io.github.cratesrelease.toml;

/** A syntax or structure error of a TOML document, at the place it was found; the message leaves the place out. */
public final class TomlParseError extends RuntimeException {

    private final TomlPosition position;

    public TomlParseError(String message, TomlPosition position) {
        super(message, null, false, false);
        this.position = position;
    }

    public TomlPosition position() {
        return position;
    }

    @Override
    public String toString() {
        return getMessage() + " (" + position + ")";
    }
}
