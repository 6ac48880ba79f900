package io.github.cratesrelease.toml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TOML reader: TOML 1.1 as cargo reads it (TOML 1.0 plus newlines, comments and a trailing comma in inline
 * tables, the {@code \e} and {@code \xHH} escapes, times without seconds). One pass over the text, no backtracking
 * beyond a few characters; it stops at the first error, with the place of the error.
 */
public final class Toml {

    /** The most arrays and inline tables nested in one another a document may have. */
    public static final int MAX_NESTING = 128;

    private Toml() {
    }

    /** Parses a document; the errors are in the result (never thrown). */
    public static TomlParseResult parse(String text) {
        return new TomlParser(new TomlCursor(text)).document();
    }

    /** Parses a UTF-8 file. */
    public static TomlParseResult parse(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /**
     * The keys of a dotted key ({@code a."b.c".d} → a, b.c, d).
     *
     * @throws IllegalArgumentException when {@code dottedKey} is not a TOML key
     */
    public static List<String> parseDottedKey(String dottedKey) {
        if (dottedKey.indexOf('"') < 0 && dottedKey.indexOf('\'') < 0 && dottedKey.indexOf(' ') < 0
                && dottedKey.indexOf('\t') < 0 && dottedKey.indexOf('.') < 0 && TomlCursor.isBare(dottedKey)) {
            return List.of(dottedKey);
        }
        TomlCursor c = new TomlCursor(dottedKey);
        try {
            c.skipWs();
            List<String> key = new TomlParser(c).key();
            c.skipWs();
            if (c.peek() >= 0) {
                throw c.error("unexpected " + c.describe() + " after the key");
            }
            return key;
        } catch (TomlParseError e) {
            throw new IllegalArgumentException("not a TOML key: " + dottedKey + " (" + e.getMessage() + ")");
        }
    }
}
