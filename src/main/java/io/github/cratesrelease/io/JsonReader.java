package io.github.cratesrelease.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's one JSON reader (RFC 8259), one pass of recursive descent, handing each value with its place to a
 * {@link Builder}: {@link #PLAIN} makes the plain values {@link JsonValue} wraps, the spec's schema reader the tree
 * its YAML reader makes. Places are 1-based lines and columns, columns counting code points (as snakeyaml's do). A
 * leading byte order mark is skipped. Malformed text is a {@link JsonValue.Malformed} with its place; nesting deeper
 * than {@link #MAX_DEPTH} is refused (a registry's answer must not exhaust the stack).
 */
public final class JsonReader<V> {

    /** Deepest nesting read (Jackson's default limit is 500 too). */
    public static final int MAX_DEPTH = 500;

    /** The kinds of scalars, as the text writes them. */
    public enum Kind {
        STRING, INTEGER, FLOAT, BOOLEAN, NULL
    }

    /** A member of an object: its key, the key's place, its value. */
    public record Member<V>(String key, int line, int column, V value) {
    }

    /** What a reading makes of each value, given its place (where its first character is). */
    public interface Builder<V> {
        /** A scalar: a string's value, or a number, boolean or null as written ({@code 1.50}, {@code true}). */
        V scalar(Kind kind, String text, int line, int column);

        V array(List<V> items, int line, int column);

        V object(List<Member<V>> members, int line, int column);
    }

    /**
     * Plain values: objects as {@link LinkedHashMap} (in the text's order; a repeated key keeps its last value, as
     * Jackson does), arrays as {@link ArrayList}, strings, numbers ({@link Long} for integers in its range, else
     * {@link BigInteger}; {@link Double} with a fraction or an exponent), {@link Boolean}s and {@code null}.
     */
    public static final Builder<Object> PLAIN = new Builder<>() {
        @Override
        public Object scalar(Kind kind, String text, int line, int column) {
            return switch (kind) {
                case STRING -> text;
                case BOOLEAN -> Boolean.valueOf(text);
                case NULL -> null;
                case FLOAT -> Double.parseDouble(text);
                case INTEGER -> {
                    if (text.length() <= 18) {
                        yield Long.parseLong(text);
                    }
                    BigInteger b = new BigInteger(text);
                    yield b.bitLength() < 64 ? (Object) b.longValue() : b;
                }
            };
        }

        @Override
        public Object array(List<Object> items, int line, int column) {
            return items;
        }

        @Override
        public Object object(List<Member<Object>> members, int line, int column) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Member<Object> e : members) {
                m.put(e.key(), e.value());
            }
            return m;
        }
    };

    private final String text;
    private final Builder<V> builder;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Characters before {@link #pos} on its line that are the first half of a pair (columns count code points). */
    private int pairsOnLine;

    private JsonReader(String text, Builder<V> builder) {
        this.text = text;
        this.builder = builder;
    }

    /** Reads one JSON value (a document) through {@code builder}. */
    public static <V> V read(String text, Builder<V> builder) throws JsonValue.Malformed {
        JsonReader<V> r = new JsonReader<>(text, builder);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            r.pos = 1;
            r.lineStart = 1;
        }
        r.skipSpace();
        V v = r.value(0);
        r.skipSpace();
        if (r.pos < text.length()) {
            throw r.error("text after the JSON value");
        }
        return v;
    }

    private V value(int depth) throws JsonValue.Malformed {
        if (pos >= text.length()) {
            throw error("a value expected, found the end");
        }
        int l = line;
        int col = column();
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1, l, col);
            case '[':
                return array(depth + 1, l, col);
            case '"':
                return builder.scalar(Kind.STRING, string(), l, col);
            case 't':
                return literal("true", Kind.BOOLEAN, l, col);
            case 'f':
                return literal("false", Kind.BOOLEAN, l, col);
            case 'n':
                return literal("null", Kind.NULL, l, col);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(l, col);
                }
                throw error("a value expected");
        }
    }

    private V object(int depth, int l, int col) throws JsonValue.Malformed {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        List<Member<V>> members = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return builder.object(members, l, col);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a key in double quotes expected");
            }
            int kl = line;
            int kc = column();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            members.add(new Member<>(key, kl, kc, value(depth)));
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect('}');
            return builder.object(members, l, col);
        }
    }

    private V array(int depth, int l, int col) throws JsonValue.Malformed {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        List<V> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return builder.array(items, l, col);
        }
        while (true) {
            skipSpace();
            items.add(value(depth));
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return builder.array(items, l, col);
        }
    }

    private String string() throws JsonValue.Malformed {
        int start = ++pos;
        // the common case: no escapes
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            if (Character.isHighSurrogate(c)) {
                pairsOnLine++;
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(text.length() - start < 64 ? 16 : 64).append(text, start, pos);
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string (escape it)");
            }
            if (c != '\\') {
                if (Character.isHighSurrogate(c)) {
                    pairsOnLine++;
                }
                sb.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> {
                    pos -= 2;
                    throw error("unknown escape '\\" + e + "'");
                }
            }
        }
    }

    private char hex4() throws JsonValue.Malformed {
        if (pos + 4 > text.length()) {
            throw error("four hex digits expected after \\u");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("four hex digits expected after \\u");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;  // surrogate pairs come as two escapes and pair up in the string
    }

    private V number(int l, int col) throws JsonValue.Malformed {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("a digit expected");
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("a digit expected after '.'");
            }
            digits();
            integral = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("a digit expected in the exponent");
            }
            digits();
            integral = false;
        }
        return builder.scalar(integral ? Kind.INTEGER : Kind.FLOAT, text.substring(start, pos), l, col);
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private V literal(String word, Kind kind, int l, int col) throws JsonValue.Malformed {
        if (!text.startsWith(word, pos)) {
            throw error("a value expected");
        }
        pos += word.length();
        return builder.scalar(kind, word, l, col);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) throws JsonValue.Malformed {
        if (peek() != c) {
            throw error(c == ':' ? "':' expected after the key" : "',' or '" + c + "' expected");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
                pairsOnLine = 0;
            } else if (c != ' ' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private int column() {
        return Math.min(pos, text.length()) - lineStart - pairsOnLine + 1;
    }

    private JsonValue.Malformed error(String what) {
        return new JsonValue.Malformed(what, line, column());
    }
}
