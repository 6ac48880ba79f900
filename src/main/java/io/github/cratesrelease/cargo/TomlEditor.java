package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.toml.Toml;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlPosition;
import io.github.cratesrelease.toml.TomlTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Edits a TOML document by position, changing only the characters an edit is about: comments, ordering, spacing,
 * quoting style, inline tables and dotted keys stay byte for byte. The one home for format-preserving edits of
 * manifests and lock files (version bumps, the rehearsal's registry rewrite, redist patches), and for turning a
 * TOML position into a {@link Location}.
 */
public final class TomlEditor {

    private record Edit(int start, int end, String text) {
    }

    private final String text;
    private final TomlParseResult toml;
    private final int[] lineStarts;
    private final List<Edit> edits = new ArrayList<>();

    /** @throws IllegalArgumentException when the text is not valid TOML */
    public TomlEditor(String text) {
        this.text = text;
        this.toml = Toml.parse(text);
        if (toml.hasErrors()) {
            throw new IllegalArgumentException("not valid TOML: " + toml.errors().get(0));
        }
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A TOML position in {@code file} as a location (the whole file when there is none). */
    public static Location location(Path file, TomlPosition pos) {
        return pos == null ? Location.of(file) : new Location(file, pos.line(), pos.column());
    }

    public TomlParseResult toml() {
        return toml;
    }

    /**
     * Sets the string value of {@code key} in {@code table} (a table of {@link #toml()}); the key must hold a
     * single-line string literal ({@code "..."} or {@code '...'}), whose quoting is kept.
     */
    public TomlEditor setString(TomlTable table, String key, String value) {
        TomlPosition at = table.inputPositionOf(List.of(key));
        if (at == null || !(table.get(List.of(key)) instanceof String)) {
            throw new IllegalArgumentException("no string value for key '" + key + "'");
        }
        replaceLiteral(valueStart(at), value, "the value of '" + key + "' at line " + at.line());
        return this;
    }

    /** Sets the string element {@code index} of {@code array} (an array of {@link #toml()}). */
    public TomlEditor setString(TomlArray array, int index, String value) {
        TomlPosition at = array.inputPositionOf(index);
        if (at == null || !(array.get(index) instanceof String)) {
            throw new IllegalArgumentException("no string element at index " + index);
        }
        replaceLiteral(offset(at), value, "the element at line " + at.line());
        return this;
    }

    /** Replaces the whole value of {@code key} (string, array, inline table or bare token) with {@code raw} TOML. */
    public TomlEditor replaceValue(TomlTable table, String key, String raw) {
        TomlPosition at = table.inputPositionOf(List.of(key));
        if (at == null) {
            throw new IllegalArgumentException("no key '" + key + "'");
        }
        int start = valueStart(at);
        edits.add(new Edit(start, valueEnd(start), raw));
        return this;
    }

    /**
     * Adds {@code key = raw} to the table that holds {@code existing}, just before that key: inside an inline table as
     * {@code key = raw, }, else on a line of its own with the same indentation and dotted prefix.
     */
    public TomlEditor insertBefore(TomlTable table, String existing, String key, String raw) {
        TomlPosition at = table.inputPositionOf(List.of(existing));
        if (at == null) {
            throw new IllegalArgumentException("no key '" + existing + "'");
        }
        int off = offset(at);
        int lineStart = lineStarts[at.line() - 1];
        String before = text.substring(lineStart, off).strip();
        if (before.endsWith("{") || before.endsWith(",")) {
            edits.add(new Edit(off, off, key + " = " + raw + ", "));
            return this;
        }
        String rest = text.substring(off, lineEnd(off));
        int eq = rest.indexOf('=');
        String keyText = (eq < 0 ? rest : rest.substring(0, eq)).strip();
        String prefix = keyText.endsWith(existing) ? keyText.substring(0, keyText.length() - existing.length()) : "";
        edits.add(new Edit(lineStart, lineStart, text.substring(lineStart, off) + prefix + key + " = " + raw + "\n"));
        return this;
    }

    /**
     * Sets {@code key} of {@code table} to {@code raw} TOML: replaces its value when the key is there, else adds it
     * before the table's first key (inside an inline table, or on a line of its own). The table must have a key.
     */
    public TomlEditor set(TomlTable table, String key, String raw) {
        if (table.contains(List.of(key))) {
            return replaceValue(table, key, raw);
        }
        String first = table.keySet().stream().filter(k -> table.inputPositionOf(List.of(k)) != null)
                .min(Comparator.comparingInt((String k) -> offset(table.inputPositionOf(List.of(k)))))
                .orElseThrow(() -> new IllegalArgumentException("an empty table: nothing to insert before"));
        return insertBefore(table, first, key, raw);
    }

    /** Adds a table with these {@code key = raw} lines at the end of the document. */
    public TomlEditor appendTable(String header, java.util.Map<String, String> raw) {
        StringBuilder sb = new StringBuilder(text.endsWith("\n") ? "\n" : "\n\n").append('[').append(header)
                .append("]\n");
        raw.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        edits.add(new Edit(text.length(), text.length(), sb.toString()));
        return this;
    }

    /** A TOML basic string literal for {@code s}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }

    /** Whether any edit was made. */
    public boolean changed() {
        return !edits.isEmpty();
    }

    /** The document with every edit applied. */
    public String result() {
        StringBuilder sb = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(e -> sb.replace(e.start(), e.end(), e.text()));
        return sb.toString();
    }

    private int offset(TomlPosition at) {
        return lineStarts[at.line() - 1] + at.column() - 1;
    }

    /** The first character of the value of the key at {@code at}, after '=' and blanks. */
    private int valueStart(TomlPosition at) {
        int q = text.indexOf('=', offset(at)) + 1;
        while (q < text.length() && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
            q++;
        }
        return q;
    }

    /** The end (exclusive) of the value starting at {@code start}. */
    private int valueEnd(int start) {
        char c = text.charAt(start);
        if (c == '"' || c == '\'') {
            return closingQuote(start) + 1;
        }
        if (c == '[' || c == '{') {
            char close = c == '[' ? ']' : '}';
            int depth = 0;
            for (int i = start; i < text.length(); i++) {
                char x = text.charAt(i);
                if (x == '"' || x == '\'') {
                    i = closingQuote(i);
                } else if (x == '#') {
                    i = lineEnd(i) - 1;
                } else if (x == c) {
                    depth++;
                } else if (x == close && --depth == 0) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException("unclosed value at offset " + start);
        }
        int i = start;
        while (i < text.length() && ",}#\r\n".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The index of the quote that closes the single-line string opening at {@code open}. */
    private int closingQuote(int open) {
        char quote = text.charAt(open);
        int close = text.indexOf(quote, open + 1);
        if (quote == '"') {
            while (close > 0 && text.charAt(close - 1) == '\\') {
                close = text.indexOf(quote, close + 1);
            }
        }
        return close;
    }

    /** Replaces the contents of the string literal that starts at {@code from} (after blanks). */
    private void replaceLiteral(int from, String value, String what) {
        int q = from;
        while (q < text.length() && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
            q++;
        }
        char quote = q < text.length() ? text.charAt(q) : 0;
        if ((quote != '"' && quote != '\'') || text.startsWith("\"\"\"", q) || text.startsWith("'''", q)) {
            throw new IllegalArgumentException(what + " is not a single-line string literal");
        }
        edits.add(new Edit(q + 1, closingQuote(q), value));
    }

    private int lineEnd(int off) {
        int nl = text.indexOf('\n', off);
        return nl < 0 ? text.length() : nl;
    }
}
