package io.github.cratesrelease.toml;

/**
 * The four kinds of TOML strings: basic ({@code "..."}, with escapes), literal ({@code '...'}), and their multi-line
 * forms ({@code """...""" }, {@code '''...'''}: a line end right after the opening quotes is dropped, a backslash
 * at a line's end joins the lines). Escapes: {@code \b \t \n \f \r \" \\ \e \xHH}, and u and U with 4 and 8 hex digits.
 */
final class TomlStrings {

    private TomlStrings() {
    }

    /** The string at the cursor (its opening quote); multi-line forms only when {@code multiLine} (not in keys). */
    static String read(TomlCursor c, boolean multiLine) {
        char q = c.s.charAt(c.i);
        if (multiLine && c.startsWith(q == '"' ? "\"\"\"" : "'''")) {
            return multiLine(c, q);
        }
        int line = c.line;
        int column = c.column();
        String s = c.s;
        int n = c.n;
        int i = c.i + 1;
        StringBuilder sb = null;
        int from = i;
        while (i < n) { // locals, not the cursor's fields: this loop runs for most chars of a manifest, first interpreted
            char ch = s.charAt(i);
            if (ch == q) {
                c.i = i + 1;
                return sb == null ? s.substring(from, i) : sb.append(s, from, i).toString();
            }
            if (ch == '\\' && q == '"') {
                sb = sb == null ? new StringBuilder() : sb;
                sb.append(s, from, i);
                c.i = i;
                escape(c, sb);
                i = c.i;
                from = i;
            } else if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
                c.i = i;
                if (ch == '\n' || ch == '\r' && (i + 1 >= n || s.charAt(i + 1) == '\n')) {
                    break;
                }
                checkChar(c, ch);
            } else {
                i++;
            }
        }
        c.i = Math.min(i, n);
        throw c.error("the string opened at line " + line + ", column " + column + " is not closed; add its closing "
                + q + " before the end of the line");
    }

    private static String multiLine(TomlCursor c, char q) {
        int line = c.line;
        int column = c.column();
        c.i += 3;
        if (c.atNewline()) {
            c.newline();
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (c.i >= c.n) {
                throw c.error("the multi-line string opened at line " + line + ", column " + column
                        + " is not closed; add its closing " + String.valueOf(q).repeat(3));
            }
            char ch = c.s.charAt(c.i);
            if (ch == q) {
                int k = 0;
                while (c.peek(k) == q) {
                    k++;
                }
                if (k >= 3) {
                    if (k > 5) {
                        c.i += 5;
                        throw c.error("too many " + q + " at the end of a multi-line string (at most 2 may come "
                                + "right before the closing " + String.valueOf(q).repeat(3) + "; escape the others)");
                    }
                    sb.append(String.valueOf(q).repeat(k - 3));
                    c.i += k;
                    return sb.toString();
                }
                sb.append(String.valueOf(q).repeat(k));
                c.i += k;
            } else if (ch == '\\' && q == '"') {
                int j = c.i + 1;
                while (j < c.n && (c.s.charAt(j) == ' ' || c.s.charAt(j) == '\t')) {
                    j++;
                }
                if (j < c.n && (c.s.charAt(j) == '\n' || c.s.charAt(j) == '\r' && j + 1 < c.n && c.s.charAt(j + 1) == '\n')) {
                    c.i = j;
                    while (c.i < c.n) {
                        char w = c.s.charAt(c.i);
                        if (w == ' ' || w == '\t') {
                            c.i++;
                        } else if (c.atNewline()) {
                            c.newline();
                        } else {
                            break;
                        }
                    }
                } else {
                    escape(c, sb);
                }
            } else if (c.atNewline()) {
                sb.append('\n'); // a CRLF in the text is a \n in the value, as in tomlj and toml-rs
                c.newline();
            } else {
                checkChar(c, ch);
                sb.append(ch);
                c.i++;
            }
        }
    }

    private static void checkChar(TomlCursor c, char ch) {
        if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
            throw c.error("a control character (" + c.describe() + ") in a string; write it as an escape, e.g. \\u"
                    + String.format("%04X", (int) ch) + " (in a basic \"...\" string)");
        }
    }

    /** The escape at the cursor (its backslash), appended to {@code sb}. */
    private static void escape(TomlCursor c, StringBuilder sb) {
        int line = c.line;
        int column = c.column();
        c.i++;
        int e = c.peek();
        c.i++;
        switch (e) {
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case 'e' -> sb.append('\u001b');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'x' -> sb.appendCodePoint(hex(c, 'x', 2, line, column));
            case 'u' -> sb.appendCodePoint(hex(c, 'u', 4, line, column));
            case 'U' -> sb.appendCodePoint(hex(c, 'U', 8, line, column));
            default -> throw c.errorAt(line, column, "invalid escape \\" + (e < 0 ? "" : Character.toString(e))
                    + " in a string; valid are \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH \\UHHHHHHHH (write \\\\ "
                    + "for a backslash, or use a literal '...' string)");
        }
    }

    private static int hex(TomlCursor c, char letter, int digits, int line, int column) {
        int v = 0;
        for (int k = 0; k < digits; k++) {
            int h = c.peek();
            int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) {
                throw c.errorAt(line, column, "the escape \\" + letter + " needs " + digits + " hex digits (0-9, a-f)");
            }
            v = v * 16 + d;
            c.i++;
        }
        if (v > 0x10FFFF || v >= 0xD800 && v <= 0xDFFF || v < 0) {
            throw c.errorAt(line, column, String.format("the escape gives U+%X, which is not a Unicode scalar value",
                    (long) v & 0xFFFFFFFFL));
        }
        return v;
    }
}
