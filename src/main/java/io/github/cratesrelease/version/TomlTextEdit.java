package io.github.cratesrelease.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Changes string values of a TOML document by rewriting only the characters between their quotes: comments,
 * ordering, spacing, quoting style and inline tables stay byte for byte (the smallest edit that does it).
 */
public final class TomlTextEdit {

    private record Edit(int start, int end, String text) {
    }

    private final String text;
    private final TomlParseResult toml;
    private final int[] lineStarts;
    private final List<Edit> edits = new ArrayList<>();

    public TomlTextEdit(String text) {
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

    public TomlParseResult toml() {
        return toml;
    }

    /**
     * Sets the string value of {@code key} in {@code table} (a table of {@link #toml()}); the key must hold a
     * single-line string literal ({@code "..."} or {@code '...'}).
     */
    public TomlTextEdit setString(TomlTable table, String key, String value) {
        TomlPosition at = table.inputPositionOf(List.of(key));
        if (at == null || !(table.get(List.of(key)) instanceof String)) {
            throw new IllegalArgumentException("no string value for key '" + key + "'");
        }
        int off = offset(at);
        replaceLiteral(text.indexOf('=', off) + 1, value, "the value of '" + key + "' at line " + at.line());
        return this;
    }

    /** Sets the string element {@code index} of {@code array} (an array of {@link #toml()}). */
    public TomlTextEdit setString(TomlArray array, int index, String value) {
        TomlPosition at = array.inputPositionOf(index);
        if (at == null || !(array.get(index) instanceof String)) {
            throw new IllegalArgumentException("no string element at index " + index);
        }
        replaceLiteral(offset(at), value, "the element at line " + at.line());
        return this;
    }

    private int offset(TomlPosition at) {
        return lineStarts[at.line() - 1] + at.column() - 1;
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
        int close = text.indexOf(quote, q + 1);
        if (quote == '"') {
            while (close > 0 && text.charAt(close - 1) == '\\') {
                close = text.indexOf(quote, close + 1);
            }
        }
        edits.add(new Edit(q + 1, close, value));
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
}
