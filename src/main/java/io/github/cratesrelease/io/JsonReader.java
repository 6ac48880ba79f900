package io.github.cratesrelease.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259) into plain values in one pass, without Jackson: objects as {@link LinkedHashMap} (in the
 * text's order; a repeated key keeps its last value, as Jackson does), arrays as {@link ArrayList}, strings, numbers
 * ({@link Long} for integers in its range, else {@link BigInteger}; {@link Double} with a fraction or an exponent),
 * {@link Boolean}s and {@code null}. A leading byte order mark is skipped. Malformed text is a
 * {@link JsonValue.Malformed} with the line and column; nesting deeper than {@link #MAX_DEPTH} is refused (a
 * registry's answer must not exhaust the stack).
 */
final class JsonReader {

    /** Deepest nesting read (Jackson's default limit is 500 too). */
    static final int MAX_DEPTH = 500;

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    static Object read(String text) throws JsonValue.Malformed {
        JsonReader r = new JsonReader(text);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            r.pos = 1;
        }
        r.skipSpace();
        Object v = r.value(0);
        r.skipSpace();
        if (r.pos < text.length()) {
            throw r.error("text after the JSON value");
        }
        return v;
    }

    private Object value(int depth) throws JsonValue.Malformed {
        if (pos >= text.length()) {
            throw error("a value expected, found the end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("a value expected, found '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) throws JsonValue.Malformed {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a key in double quotes expected");
            }
            String key = string();
            skipSpace();
            if (peek() != ':') {
                throw error("':' expected after the key");
            }
            pos++;
            skipSpace();
            m.put(key, value(depth));
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                pos--;
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> array(int depth) throws JsonValue.Malformed {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        List<Object> l = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return l;
        }
        while (true) {
            skipSpace();
            l.add(value(depth));
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                pos--;
                throw error("',' or ']' expected");
            }
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

    private Object number() throws JsonValue.Malformed {
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
        String n = text.substring(start, pos);
        if (!integral) {
            return Double.parseDouble(n);
        }
        if (n.length() <= 18) {
            return Long.parseLong(n);
        }
        BigInteger b = new BigInteger(n);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws JsonValue.Malformed {
        if (!text.startsWith(word, pos)) {
            throw error("a value expected");
        }
        pos += word.length();
        return value;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private JsonValue.Malformed error(String what) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(pos, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonValue.Malformed(what, line, end - lineStart + 1);
    }
}
