package io.github.cratesrelease.semver;

/**
 * A cursor over a version or requirement text with the token rules of the {@code semver} crate that cargo uses:
 * ASCII digits only, no leading zero, numbers up to u64 max (held as the bits of a {@code long}, compared with
 * {@link Long#compareUnsigned}), identifiers of {@code [0-9A-Za-z-]} separated by dots, nothing trimmed.
 */
final class Syntax {
    private static final long U64_MAX_DIV_10 = Long.divideUnsigned(-1L, 10);
    private static final long U64_MAX_LAST_DIGIT = Long.remainderUnsigned(-1L, 10);

    private final String text;
    private int at;

    Syntax(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return at >= text.length();
    }

    /** The next character, for messages; only when not at the end. */
    char peek() {
        return text.charAt(at);
    }

    boolean eat(char c) {
        if (!atEnd() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    void skipSpaces() {
        while (eat(' ')) {
            // only U+0020, as cargo: no tabs, no line breaks
        }
    }

    /** {@code *}, {@code x} or {@code X}, consumed when present. */
    boolean eatWildcard() {
        return eat('*') || eat('x') || eat('X');
    }

    boolean startsWithWildcard() {
        return !atEnd() && (peek() == '*' || peek() == 'x' || peek() == 'X');
    }

    int mark() {
        return at;
    }

    void reset(int mark) {
        at = mark;
    }

    /** A numeric identifier (MAJOR, MINOR or PATCH): ASCII digits, no leading zero, at most u64 max. */
    long number(String what) {
        int start = at;
        long value = 0;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            int digit = peek() - '0';
            if (at > start && value == 0) {
                throw fail("invalid leading zero in " + what + " version number");
            }
            if (Long.compareUnsigned(value, U64_MAX_DIV_10) > 0
                    || value == U64_MAX_DIV_10 && digit > U64_MAX_LAST_DIGIT) {
                throw fail("value of " + what + " version number exceeds " + Long.toUnsignedString(-1L));
            }
            value = value * 10 + digit;
            at++;
        }
        if (at == start) {
            throw fail(atEnd() ? "unexpected end of input while parsing " + what + " version number"
                    : "unexpected character " + shown() + " while parsing " + what + " version number");
        }
        return value;
    }

    /** The dot after MAJOR or MINOR. */
    void dot(String what) {
        if (!eat('.')) {
            throw fail(atEnd() ? "unexpected end of input while parsing " + nextOf(what) + " version number"
                    : "unexpected character " + shown() + " after " + what + " version number");
        }
    }

    private static String nextOf(String what) {
        return what.equals("major") ? "minor" : "patch";
    }

    /**
     * Dot-separated identifiers of {@code [0-9A-Za-z-]} after a {@code -} or {@code +}: at least one, none
     * empty, and a numeric pre-release identifier without a leading zero.
     */
    String identifiers(boolean pre) {
        String what = pre ? "pre-release identifier" : "build metadata";
        int start = at;
        while (true) {
            int segment = at;
            boolean nonDigit = false;
            while (!atEnd() && isIdentifierChar(peek())) {
                nonDigit |= !(peek() >= '0' && peek() <= '9');
                at++;
            }
            if (at == segment) {
                throw fail("empty identifier segment in " + what);
            }
            if (pre && !nonDigit && at - segment > 1 && text.charAt(segment) == '0') {
                throw fail("invalid leading zero in " + what);
            }
            if (!eat('.')) {
                return text.substring(start, at);
            }
        }
    }

    private static boolean isIdentifierChar(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-';
    }

    /** The next character quoted for a message, control characters escaped. */
    String shown() {
        int cp = text.codePointAt(at);
        if (cp < 0x20 || cp == 0x7f) {
            return String.format("'\\u%04x'", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    IllegalArgumentException fail(String reason) {
        return new IllegalArgumentException("'" + printable(text) + "': " + reason);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
