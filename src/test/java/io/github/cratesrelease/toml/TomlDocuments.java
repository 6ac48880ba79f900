package io.github.cratesrelease.toml;

import java.util.List;
import java.util.Random;

/**
 * Random valid TOML 1.0 documents, the same for the same seed: every kind of key (bare, quoted, literal, dotted with
 * blanks), string (basic with escapes, literal, both multi-line, a line-ending backslash), integer (signs, underscores,
 * hex, octal, binary), float (exponents, inf, nan), boolean, date-time (offset, local, date, time, fractions), array
 * (nested, multi-line, comments, trailing comma), inline table, table, sub-table of a dotted key, array of tables and
 * its sub-tables; comments, blank lines, tabs, and CRLF line ends in some. Keys are unique, so the document is valid;
 * mutations of it ({@link #mutate}) are mostly not.
 */
final class TomlDocuments {

    private static final String[] WORDS = {"a", "name", "version", "x-y", "under_score", "ÄÖ", "café", "日本", "😀",
        "tab\there", "quote\"d", "back\\slash", "dot.ted", "", "42", "-"};
    private static final List<String> ALPHABET = List.of("\"", "'", "[", "]", "{", "}", "=", ".", ",", "#", "\n",
            " ", "\t", "\\", "_", "-", "+", ":", "0", "1", "a", "Z", "x", "e", "T", "\r", "\u0000", "é", "'''", "\"\"\"");

    private final Random r;
    private final String nl;
    private int counter;

    TomlDocuments(long seed) {
        this.r = new Random(seed);
        this.nl = r.nextInt(5) == 0 ? "\r\n" : "\n";
    }

    String document() {
        StringBuilder sb = new StringBuilder();
        if (r.nextBoolean()) {
            sb.append("# a generated document").append(nl);
        }
        pairs(sb, r.nextInt(4));
        for (int k = r.nextInt(6); k > 0; k--) {
            String name = key(false);
            switch (r.nextInt(4)) {
                case 0 -> {
                    header(sb, "[" + name + "]");
                    pairs(sb, r.nextInt(4));
                    if (r.nextBoolean()) {
                        header(sb, "[" + name + blank() + "." + blank() + key(false) + "]");
                        pairs(sb, r.nextInt(3));
                    }
                }
                case 1 -> {
                    for (int e = 1 + r.nextInt(3); e > 0; e--) {
                        header(sb, "[[" + name + "]]");
                        pairs(sb, r.nextInt(3));
                        if (r.nextInt(3) == 0) {
                            header(sb, "[" + name + "." + key(false) + "]");
                            pairs(sb, 1 + r.nextInt(2));
                        }
                    }
                }
                case 2 -> {
                    String sub = key(false);
                    header(sb, "[" + name + "." + sub + "]");
                    pairs(sb, r.nextInt(3));
                    header(sb, "[" + name + "]");
                    pairs(sb, r.nextInt(3));
                }
                default -> {
                    String dotted = key(false);
                    header(sb, "[" + name + "]");
                    sb.append(dotted).append(".").append(key(false)).append(" = 1").append(nl);
                    header(sb, "[" + name + "." + dotted + "." + key(false) + "]");
                    pairs(sb, r.nextInt(3));
                }
            }
        }
        return sb.toString();
    }

    private void header(StringBuilder sb, String h) {
        if (r.nextBoolean()) {
            sb.append(nl);
        }
        sb.append(r.nextInt(4) == 0 ? "  " : "").append(h).append(r.nextInt(4) == 0 ? " # header" : "").append(nl);
    }

    private void pairs(StringBuilder sb, int count) {
        for (int k = 0; k < count; k++) {
            sb.append(r.nextInt(6) == 0 ? "\t" : "").append(key(true)).append(blank()).append('=').append(blank())
                    .append(value(0)).append(r.nextInt(4) == 0 ? " # comment é" : "").append(nl);
            if (r.nextInt(5) == 0) {
                sb.append(nl);
            }
        }
    }

    private String blank() {
        return switch (r.nextInt(5)) {
            case 0 -> "";
            case 1 -> "  ";
            case 2 -> "\t";
            default -> " ";
        };
    }

    /** A key not used before in the document; dotted ones when {@code dotted}. */
    private String key(boolean dotted) {
        String k = simpleKey();
        if (dotted && r.nextInt(4) == 0) {
            k = k + blank() + "." + blank() + simpleKey();
        }
        return k;
    }

    private String simpleKey() {
        int n = counter++;
        String word = WORDS[r.nextInt(WORDS.length)];
        return switch (r.nextInt(5)) {
            case 0 -> "\"" + escape(word + n) + "\"";
            case 1 -> word.indexOf('\'') < 0 && word.indexOf('\t') < 0 ? "'" + word + n + "'" : "k" + n;
            default -> (word.isEmpty() || !TomlCursor.isBare(word) ? "k" : word) + n;
        };
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t");
    }

    private String value(int depth) {
        int kinds = depth < 3 ? 12 : 10;
        return switch (r.nextInt(kinds)) {
            case 0 -> "\"" + escape(WORDS[r.nextInt(WORDS.length)]) + List.of("", "\\n", "\\u00e9", "\\U0001F600",
                    "\\b\\f\\r", " \\\\ ").get(r.nextInt(6)) + "\"";
            case 1 -> "'" + List.of("C:\\path", "", "a \"b\"", "日本").get(r.nextInt(4)) + "'";
            case 2 -> "\"\"\"" + List.of(nl + "line one" + nl + "line two", "one \\" + nl + "   two", "a\"b\"\"c",
                    "quoted \"\"", nl, "x\\ty").get(r.nextInt(6)) + "\"\"\"";
            case 3 -> "'''" + List.of(nl + "raw \\n" + nl, "it's", "two ''", "").get(r.nextInt(4)) + "'''";
            case 4 -> List.of("0", "+0", "-0", "42", "-17", "1_000", "+99", "9223372036854775807",
                    "-9223372036854775808", "0xDEAD_beef", "0o755", "0b1101_0101", "0x0").get(r.nextInt(13));
            case 5 -> List.of("3.14", "-0.0", "1e10", "6.626e-34", "1E+2", "9_224_617.445_991", "inf", "-inf",
                    "nan", "+nan", "0e0", "1.5E-3_0").get(r.nextInt(12));
            case 6 -> r.nextBoolean() ? "true" : "false";
            case 7 -> List.of("1979-05-27T07:32:00Z", "1979-05-27T00:32:00.999999-07:00", "1979-05-27 07:32:00",
                    "1979-05-27", "07:32:00", "00:32:00.5", "2024-02-29t23:59:59z", "1987-07-05T17:45:00.123456789+05:30",
                    "0001-01-01").get(r.nextInt(9));
            case 8, 9 -> value(depth);
            case 10 -> array(depth + 1);
            default -> inline(depth + 1);
        };
    }

    private String array(int depth) {
        StringBuilder sb = new StringBuilder("[");
        boolean multi = r.nextInt(3) == 0;
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            sb.append(multi ? nl + "  " : k > 0 ? " " : "").append(value(depth));
            if (k < n - 1 || r.nextInt(3) == 0) {
                sb.append(',');
            }
            if (multi && r.nextInt(3) == 0) {
                sb.append(" # in an array");
            }
        }
        return sb.append(multi ? nl : "").append(']').toString();
    }

    private String inline(int depth) {
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            sb.append(k > 0 ? ", " : " ").append(key(true)).append(" = ").append(value(depth));
        }
        return sb.append(n > 0 ? " }" : "}").toString();
    }

    /** {@code text} with 1 to 3 random edits: a char deleted, inserted or replaced, a line doubled or dropped. */
    String mutate(String text) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            int at = sb.isEmpty() ? 0 : r.nextInt(sb.length());
            if (at > 0 && Character.isLowSurrogate(sb.charAt(at))) {
                at--; // the texts come from UTF-8 files: never half of a surrogate pair
            }
            int width = at < sb.length() ? Character.charCount(sb.codePointAt(at)) : 1;
            String what = ALPHABET.get(r.nextInt(ALPHABET.size()));
            switch (r.nextInt(5)) {
                case 0 -> {
                    if (!sb.isEmpty()) {
                        sb.delete(at, at + width);
                    }
                }
                case 1 -> sb.insert(at, what);
                case 2 -> sb.replace(at, Math.min(sb.length(), at + width), what);
                default -> {
                    int start = sb.lastIndexOf("\n", at) + 1;
                    int end = sb.indexOf("\n", at);
                    String line = sb.substring(start, end < 0 ? sb.length() : end + 1);
                    if (r.nextBoolean()) {
                        sb.insert(start, line.endsWith("\n") ? line : line + "\n");
                    } else {
                        sb.delete(start, start + line.length());
                    }
                }
            }
        }
        return sb.toString();
    }
}
