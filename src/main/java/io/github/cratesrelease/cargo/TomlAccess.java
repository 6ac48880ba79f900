package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.toml.Toml;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseError;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlPosition;
import io.github.cratesrelease.toml.TomlTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, located reads of a parsed TOML file: the one home for turning a TOML value of the wrong type into a
 * located error ({@code Cargo.toml:3:11: 'members' must be an array of strings, found a string}) instead of a
 * {@code ClassCastException}, and a TOML syntax error into a diagnostic at the parser's position. Each getter
 * returns {@code null} (or a default) when the key is absent, and also when it has the wrong type, after adding
 * the error to the diagnostics.
 */
public final class TomlAccess {

    private final Path file;
    private final String text;
    /** The text's lines, split on the first {@link #valueAt} (most accessors never need them). */
    private volatile String[] lines;
    private final Diagnostics diags;

    public TomlAccess(Path file, String text, Diagnostics diags) {
        this.file = file;
        this.text = text;
        this.diags = diags;
    }

    /** The same file's accessor reporting into {@code other} (for work on another thread with findings of its own). */
    public TomlAccess reportingTo(Diagnostics other) {
        return new TomlAccess(file, text, other);
    }

    /** Parses {@code text} of {@code file}; a syntax error becomes a diagnostic at the parser's position. */
    public static TomlParseResult parse(Path file, String text, Diagnostics diags) {
        TomlParseResult r = Toml.parse(text);
        for (TomlParseError e : r.errors()) {
            diags.error(TomlEditor.location(file, e.position()), "TOML error: " + e.getMessage(),
                    "fix the TOML syntax at this place");
        }
        return r;
    }

    /** The table at {@code key}, or null when absent or not a table (an error then). */
    public TomlTable table(TomlTable owner, String key, String shown) {
        Object v = owner.get(List.of(key));
        if (v == null || v instanceof TomlTable) {
            return (TomlTable) v;
        }
        wrongType(owner, key, shown, "a table", "write it as a table: [" + shown + "] with keys below it");
        return null;
    }

    /** The string at {@code key}, or null when absent or not a string (an error then). */
    public String string(TomlTable owner, String key, String shown) {
        Object v = owner.get(List.of(key));
        if (v == null || v instanceof String) {
            return (String) v;
        }
        wrongType(owner, key, shown, "a string", "write " + key + " = \"...\"");
        return null;
    }

    /** The boolean at {@code key}, {@code dflt} when absent or not a boolean (an error then). */
    public boolean bool(TomlTable owner, String key, String shown, boolean dflt) {
        Object v = owner.get(List.of(key));
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        wrongType(owner, key, shown, "a boolean", "write " + key + " = true or " + key + " = false");
        return dflt;
    }

    /** The strings of the array at {@code key}; null when absent or not an array of strings (an error then). */
    public List<String> strings(TomlTable owner, String key, String shown) {
        Object v = owner.get(List.of(key));
        if (v == null) {
            return null;
        }
        if (v instanceof TomlArray a) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (!(a.get(i) instanceof String s)) {
                    diags.error(TomlEditor.location(file, a.inputPositionOf(i)), "'" + shown
                            + "' must be an array of strings, found " + typeName(a.get(i)) + " in it",
                            "quote each entry: " + key + " = [\"...\"]");
                    return null;
                }
                out.add(s);
            }
            return out;
        }
        wrongType(owner, key, shown, "an array of strings", "write " + key + " = [\"...\"]");
        return null;
    }

    /** The strings of the array at {@code key}, or an empty list when absent or wrong (an error then). */
    public List<String> stringsOrEmpty(TomlTable owner, String key, String shown) {
        List<String> s = strings(owner, key, shown);
        return s == null ? List.of() : s;
    }

    /** The tables of the array of tables at {@code key} ({@code [[key]]}); empty when absent or wrong (an error). */
    public List<TomlTable> tables(TomlTable owner, String key, String shown) {
        Object v = owner.get(List.of(key));
        if (v == null) {
            return List.of();
        }
        if (v instanceof TomlArray a && allTables(a)) {
            List<TomlTable> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.add(a.getTable(i));
            }
            return out;
        }
        wrongType(owner, key, shown, "an array of tables", "write each entry as a [[" + key + "]] table");
        return List.of();
    }

    private String[] lines() {
        String[] l = lines;
        if (l == null) {
            l = text == null ? new String[0] : text.split("\n", -1);
            lines = l;
        }
        return l;
    }

    /** The location of the value at {@code key} in {@code owner}: where the value starts, after {@code =}. */
    public Location valueAt(TomlTable owner, String key) {
        TomlPosition pos = owner.inputPositionOf(List.of(key));
        if (pos == null) {
            return Location.of(file);
        }
        int line = pos.line();
        String[] lines = lines();
        if (line < 1 || line > lines.length) {
            return TomlEditor.location(file, pos);
        }
        String s = lines[line - 1];
        int i = pos.column() - 1;
        if (i < 0 || i >= s.length() || s.charAt(i) == '[') {
            return TomlEditor.location(file, pos); // a table header: the header is the place
        }
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                int j = i + 1;
                while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    j++;
                }
                return new Location(file, line, j + 1);
            }
        }
        return TomlEditor.location(file, pos);
    }

    private void wrongType(TomlTable owner, String key, String shown, String expected, String hint) {
        diags.error(valueAt(owner, key), "'" + shown + "' must be " + expected + ", found "
                + typeName(owner.get(List.of(key))), hint);
    }

    private static boolean allTables(TomlArray a) {
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof TomlTable)) {
                return false;
            }
        }
        return true;
    }

    /** A TOML value's type as a message says it: "a string", "an integer", "an array of tables", ... */
    public static String typeName(Object v) {
        if (v instanceof String) {
            return "a string";
        } else if (v instanceof Long) {
            return "an integer";
        } else if (v instanceof Double) {
            return "a float";
        } else if (v instanceof Boolean) {
            return "a boolean";
        } else if (v instanceof TomlArray a) {
            return !a.isEmpty() && allTables(a) ? "an array of tables" : "an array";
        } else if (v instanceof TomlTable) {
            return "a table";
        } else if (v instanceof OffsetDateTime || v instanceof LocalDateTime || v instanceof LocalDate
                || v instanceof LocalTime) {
            return "a date-time";
        }
        return "nothing";
    }
}
