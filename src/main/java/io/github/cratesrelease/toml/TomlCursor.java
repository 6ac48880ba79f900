package io.github.cratesrelease.toml;

/**
 * The reading position in a TOML text: the index, the line and where it starts; blanks, comments and line ends;
 * errors at a place. Lines end at {@code \n} or {@code \r\n}; columns count UTF-16 chars from 1.
 */
final class TomlCursor {

    final String s;
    final int n;
    int i;
    int line = 1;
    int lineStart;

    TomlCursor(String s) {
        this.s = s;
        this.n = s.length();
    }

    /** The char at the index, or -1 at the end. */
    int peek() {
        return i < n ? s.charAt(i) : -1;
    }

    int peek(int ahead) {
        return i + ahead < n ? s.charAt(i + ahead) : -1;
    }

    int column() {
        return i - lineStart + 1;
    }

    boolean startsWith(String what) {
        return s.startsWith(what, i);
    }

    /** Counts a line end whose {@code \n} is at {@code at} (consumed by the caller). */
    void lineEndAt(int at) {
        line++;
        lineStart = at + 1;
    }

    void skipWs() {
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                return;
            }
            i++;
        }
    }

    /** At a line end: {@code \n} or {@code \r\n}. */
    boolean atNewline() {
        int c = peek();
        return c == '\n' || c == '\r' && peek(1) == '\n';
    }

    /** Consumes the line end at the index (the caller checked {@link #atNewline()}). */
    void newline() {
        if (s.charAt(i) == '\r') {
            i++;
        }
        lineEndAt(i);
        i++;
    }

    /** Skips a comment, if one starts here, up to (not over) its line end. */
    void skipComment() {
        if (peek() != '#') {
            return;
        }
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' && peek(1) == '\n') {
                return;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw error("a control character (" + describe() + ") in a comment");
            }
            i++;
        }
    }

    /** Skips blanks, comments and line ends (inside arrays and inline tables). */
    void skipBlankLines() {
        while (true) {
            skipWs();
            int c = peek();
            if (c == '#') {
                skipComment();
            } else if (c == '\n' || c == '\r' && peek(1) == '\n') {
                newline();
            } else {
                return;
            }
        }
    }

    /** After a key/value pair or a table header: blanks, a comment, then the line's end or the text's end. */
    void endOfLine(String after) {
        skipWs();
        skipComment();
        if (i >= n) {
            return;
        }
        if (!atNewline()) {
            throw error("unexpected " + describe() + " after " + after
                    + "; a key/value pair or a table header must end its line (start a new line, or add a # before a comment)");
        }
        newline();
    }

    /** The char at the index, as a message shows it. */
    String describe() {
        if (i >= n) {
            return "end of file";
        }
        return atNewline() ? "end of line" : describe(s.codePointAt(i));
    }

    static String describe(int c) {
        return switch (c) {
            case '\n' -> "end of line";
            case '\r' -> "a carriage return (\\r) not followed by \\n";
            case '\t' -> "a tab";
            case ' ' -> "a space";
            default -> c < 0x20 || c == 0x7f ? String.format("U+%04X", c) : "'" + Character.toString(c) + "'";
        };
    }

    TomlParseError error(String message) {
        return new TomlParseError(message, new TomlPosition(line, column()));
    }

    TomlParseError errorAt(int line, int column, String message) {
        return new TomlParseError(message, new TomlPosition(line, column));
    }

    static boolean isBareChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    static boolean isBare(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (!isBareChar(s.charAt(k))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** {@code s} as a basic string, as a message shows a key that is not bare. */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20 || ch == 0x7f) {
                sb.append(String.format("\\u%04X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
