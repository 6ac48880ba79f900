package io.github.cratesrelease.io;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as indented JSON, in the layout of Jackson's
 * default pretty printer ({@code "key" : value}, objects one entry a line, arrays on one line: {@code [ 1, 2 ]},
 * {@code [ ]}, {@code { }}). For a file a goal writes at its end without loading Jackson for it (about 0.2 s in a
 * fresh JVM: crates:plan's {@code plan.json}); {@code PrettyJsonTest} holds the output to Jackson's.
 */
public final class PrettyJson {

    private PrettyJson() {
    }

    /** The JSON text of {@code value}, without a final newline. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        value(out, value, 0);
        return out.toString();
    }

    private static void value(StringBuilder out, Object v, int depth) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            object(out, m, depth);
        } else if (v instanceof List<?> l) {
            array(out, l, depth);
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            out.append("{ }");
            return;
        }
        out.append('{');
        String sep = "\n";
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.append(sep);
            indent(out, depth + 1);
            string(out, String.valueOf(e.getKey()));
            out.append(" : ");
            value(out, e.getValue(), depth + 1);
            sep = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static void array(StringBuilder out, List<?> l, int depth) {
        if (l.isEmpty()) {
            out.append("[ ]");
            return;
        }
        out.append("[ ");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(out, l.get(i), depth);
        }
        out.append(" ]");
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
