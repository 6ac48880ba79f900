package io.github.cratesrelease.toml;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a TOML document: key/value pairs, {@code [table]} and {@code [[array of tables]]} headers, dotted
 * keys, arrays and inline tables, and the rules against defining a key or a table twice. Recursive descent over a
 * {@link TomlCursor}; nesting is bounded by {@link Toml#MAX_NESTING}.
 */
final class TomlParser {

    private final TomlCursor c;

    TomlParser(TomlCursor c) {
        this.c = c;
    }

    TomlParseResult document() {
        TomlParseResult root = new TomlParseResult();
        TomlTable current = root;
        try {
            if (c.peek() == '\uFEFF') {
                c.i++; // a byte order mark, as cargo allows; columns still count it (they are offsets in the line)
            }
            while (true) {
                c.skipWs();
                int ch = c.peek();
                if (ch < 0) {
                    break;
                }
                String after = "a comment";
                if (ch == '[') {
                    current = header(root);
                    after = "a table header";
                } else if (ch != '#' && ch != '\n' && ch != '\r') {
                    keyValue(current, 0);
                    after = "a value";
                }
                c.endOfLine(after);
            }
        } catch (TomlParseError e) {
            root.addError(e);
        }
        return root;
    }

    /** A key: one simple key or dotted ones ({@code a."b".c}), blanks allowed around the dots. */
    List<String> key() {
        List<String> parts = new ArrayList<>(2);
        parts.add(simpleKey());
        while (true) {
            int save = c.i;
            c.skipWs();
            if (c.peek() != '.') {
                c.i = save;
                return parts;
            }
            c.i++;
            c.skipWs();
            parts.add(simpleKey());
        }
    }

    private String simpleKey() {
        int ch = c.peek();
        if (ch == '"' || ch == '\'') {
            if (c.startsWith(ch == '"' ? "\"\"\"" : "'''")) {
                throw c.error("a multi-line string cannot be a key; quote it with one \" or '");
            }
            return TomlStrings.read(c, false);
        }
        int start = c.i;
        String s = c.s;
        int i = start;
        while (i < c.n && TomlCursor.isBareChar(s.charAt(i))) {
            i++;
        }
        c.i = i;
        if (i == start) {
            throw c.error("expected a key, found " + c.describe() + " (a bare key has only A-Z a-z 0-9 _ -; quote "
                    + "other keys: \"...\")");
        }
        return c.s.substring(start, c.i);
    }

    private static String shown(List<String> parts, int upTo) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k <= upTo; k++) {
            String p = parts.get(k);
            sb.append(k > 0 ? "." : "").append(TomlCursor.isBare(p) ? p : TomlCursor.quoted(p));
        }
        return sb.toString();
    }

    /** {@code key = value} into {@code table}; the key's tables (for a dotted key) are made as needed. */
    private void keyValue(TomlTable table, int depth) {
        int line = c.line;
        int column = c.column();
        List<String> parts = key();
        c.skipWs();
        if (c.peek() != '=') {
            throw c.error("expected '=' after the key " + shown(parts, parts.size() - 1) + ", found " + c.describe()
                    + " (write key = value)");
        }
        c.i++;
        c.skipWs();
        TomlTable t = table;
        int last = parts.size() - 1;
        for (int k = 0; k < last; k++) {
            TomlTable.Slot s = t.slot(parts.get(k));
            if (s == null) {
                TomlTable sub = new TomlTable(TomlTable.DOTTED);
                t.put(parts.get(k), sub, line, column);
                t = sub;
            } else if (s.value instanceof TomlTable sub && sub.kind == TomlTable.DOTTED) {
                t = sub;
            } else {
                throw redefined(parts, k, s, line, column, s.value instanceof TomlTable ? "a table" : "a value");
            }
        }
        TomlTable.Slot s = t.slot(parts.get(last));
        if (s != null) {
            throw redefined(parts, last, s, line, column, s.value instanceof TomlTable ? "a table"
                    : s.value instanceof TomlArray ? "an array" : "a key");
        }
        Object v = value(depth);
        t.put(parts.get(last), v, line, column);
    }

    private TomlParseError redefined(List<String> parts, int k, TomlTable.Slot s, int line, int column, String what) {
        return c.errorAt(line, column, shown(parts, k) + " is defined twice: it is already " + what + " at line "
                + s.line + ", column " + s.column + " (remove one of them, or give it another name)");
    }

    private Object value(int depth) {
        int ch = c.peek();
        if (ch == '"' || ch == '\'') {
            return TomlStrings.read(c, true);
        }
        if (ch == '[' || ch == '{') {
            if (depth >= Toml.MAX_NESTING) {
                throw c.error("more than " + Toml.MAX_NESTING + " arrays or inline tables nested in one another");
            }
            return ch == '[' ? array(depth + 1) : inlineTable(depth + 1);
        }
        if (ch < 0 || c.atNewline() || ch == '#' || ch == '\r') {
            throw c.error("expected a value, found " + c.describe() + " (write key = value)");
        }
        return TomlScalars.read(c);
    }

    private TomlArray array(int depth) {
        int line = c.line;
        int column = c.column();
        c.i++;
        TomlArray a = new TomlArray(false);
        while (true) {
            c.skipBlankLines();
            if (c.peek() == ']') {
                c.i++;
                return a;
            }
            int vl = c.line;
            int vc = c.column();
            a.add(value(depth), vl, vc);
            c.skipBlankLines();
            int ch = c.peek();
            if (ch == ',') {
                c.i++;
            } else if (ch == ']') {
                c.i++;
                return a;
            } else {
                throw c.error("expected ',' or ']', found " + c.describe() + "; the array opened at line " + line
                        + ", column " + column + " is not closed (separate its values with commas, end it with ])");
            }
        }
    }

    private TomlTable inlineTable(int depth) {
        int line = c.line;
        int column = c.column();
        c.i++;
        TomlTable t = new TomlTable(TomlTable.INLINE);
        c.skipBlankLines();
        if (c.peek() == '}') {
            c.i++;
            return t;
        }
        while (true) {
            keyValue(t, depth);
            c.skipBlankLines();
            int ch = c.peek();
            if (ch == ',') {
                c.i++;
                c.skipBlankLines();
                if (c.peek() == '}') {
                    c.i++;
                    return t;
                }
            } else if (ch == '}') {
                c.i++;
                return t;
            } else {
                throw c.error("expected ',' or '}', found " + c.describe() + "; the inline table opened at line " + line
                        + ", column " + column + " is not closed (separate its pairs with commas, end it with })");
            }
        }
    }

    /** A {@code [table]} or {@code [[array of tables]]} header; returns the table the next pairs go into. */
    private TomlTable header(TomlTable root) {
        int line = c.line;
        int column = c.column();
        c.i++;
        boolean array = c.peek() == '[';
        if (array) {
            c.i++;
        }
        c.skipWs();
        List<String> parts = key();
        c.skipWs();
        if (c.peek() != ']' || array && c.peek(1) != ']') {
            throw c.error("expected " + (array ? "]]" : "]") + " or '.' after " + shown(parts, parts.size() - 1)
                    + ", found " + (array && c.peek() == ']' ? "a single ']'" : c.describe()) + " (write "
                    + (array ? "[[name]]" : "[name]") + ")");
        }
        c.i += array ? 2 : 1;
        TomlTable t = root;
        int last = parts.size() - 1;
        for (int k = 0; k < last; k++) {
            TomlTable.Slot s = t.slot(parts.get(k));
            if (s == null) {
                TomlTable sub = new TomlTable(TomlTable.IMPLICIT);
                t.put(parts.get(k), sub, line, column);
                t = sub;
            } else if (s.value instanceof TomlTable sub && sub.kind != TomlTable.INLINE) {
                t = sub;
            } else if (s.value instanceof TomlArray a && a.ofTables) {
                t = (TomlTable) a.last();
            } else if (s.value instanceof TomlTable) {
                throw c.errorAt(line, column, shown(parts, k) + " is an inline table at line " + s.line + ", column "
                        + s.column + ", which a table header cannot extend (write its keys inside the { })");
            } else {
                throw redefined(parts, k, s, line, column, s.value instanceof TomlTable ? "an inline table"
                        : s.value instanceof TomlArray ? "an array" : "a value");
            }
        }
        String name = parts.get(last);
        TomlTable.Slot s = t.slot(name);
        if (array) {
            TomlArray a;
            if (s == null) {
                a = new TomlArray(true);
                t.put(name, a, line, column);
            } else if (s.value instanceof TomlArray x && x.ofTables) {
                a = x;
            } else {
                throw redefined(parts, last, s, line, column, s.value instanceof TomlTable ? "a table"
                        : s.value instanceof TomlArray ? "an array" : "a value");
            }
            TomlTable element = new TomlTable(TomlTable.HEADER);
            a.add(element, line, column);
            return element;
        }
        if (s == null) {
            TomlTable sub = new TomlTable(TomlTable.HEADER);
            t.put(name, sub, line, column);
            return sub;
        }
        if (s.value instanceof TomlTable sub && sub.kind == TomlTable.IMPLICIT) {
            sub.kind = TomlTable.HEADER;
            s.line = line;
            s.column = column;
            return sub;
        }
        throw redefined(parts, last, s, line, column, s.value instanceof TomlTable x
                ? (x.kind == TomlTable.HEADER ? "a table" : x.kind == TomlTable.INLINE ? "an inline table"
                        : "a table made by dotted keys")
                : s.value instanceof TomlArray ? "an array" : "a value");
    }
}
