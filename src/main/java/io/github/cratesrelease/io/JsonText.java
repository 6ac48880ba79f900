package io.github.cratesrelease.io;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps (in their own iteration order), lists, strings, numbers, booleans and nulls as JSON text, in
 * two exact forms, without Jackson (an infinite or NaN number, which JSON cannot write, as the string Jackson writes
 * for it, {@code "Infinity"}):
 * <ul>
 * <li>{@link #compact}: as serde_json writes it (no spaces; controls as {@code \u001f}, lowercase): the publish
 * metadata must be byte-identical to cargo's ({@code MetadataParityTest});</li>
 * <li>{@link #pretty}: as Jackson's default pretty printer writes it ({@code "key" : value}, an object's entries one a
 * line, arrays on one line: {@code [ 1, 2 ]}, {@code [ ]}, {@code { }}; controls as {@code \u001F}): for a file a goal
 * writes at its end without loading Jackson for it (about 0.2 s in a fresh JVM: crates:plan's {@code plan.json};
 * {@code JsonTextTest} holds it to Jackson's output).</li>
 * </ul>
 */
public final class JsonText {

    private JsonText() {
    }

    /** The compact JSON text of {@code value}, escaped as serde_json escapes. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder(256);
        new Writer(out, false).value(value, 0);
        return out.toString();
    }

    /** The JSON text of {@code value} in Jackson's default pretty layout, without a final newline. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(256);
        new Writer(out, true).value(value, 0);
        return out.toString();
    }

    private record Writer(StringBuilder out, boolean pretty) {

        void value(Object v, int depth) {
            if (v == null) {
                out.append("null");
            } else if (v instanceof String s) {
                string(s);
            } else if ((v instanceof Double d && !Double.isFinite(d)) || (v instanceof Float f && !Float.isFinite(f))) {
                string(v.toString());  // JSON has no infinity nor NaN: a string, as Jackson writes them
            } else if (v instanceof Boolean || v instanceof Number) {
                out.append(v);
            } else if (v instanceof Map<?, ?> m) {
                object(m, depth);
            } else if (v instanceof List<?> l) {
                array(l, depth);
            } else {
                throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
            }
        }

        private void object(Map<?, ?> m, int depth) {
            if (m.isEmpty()) {
                out.append(pretty ? "{ }" : "{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (pretty) {
                    out.append('\n').append("  ".repeat(depth + 1));
                }
                string(String.valueOf(e.getKey()));
                out.append(pretty ? " : " : ":");
                value(e.getValue(), depth + 1);
            }
            if (pretty) {
                out.append('\n').append("  ".repeat(depth));
            }
            out.append('}');
        }

        private void array(List<?> l, int depth) {
            if (l.isEmpty()) {
                out.append(pretty ? "[ ]" : "[]");
                return;
            }
            out.append(pretty ? "[ " : "[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(pretty ? ", " : ",");
                }
                value(l.get(i), depth);
            }
            out.append(pretty ? " ]" : "]");
        }

        private void string(String s) {
            String hex = pretty ? "0123456789ABCDEF" : "0123456789abcdef";
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
                            out.append("\\u00").append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xF));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
