package io.github.cratesrelease.toml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TOML table: keys in the order the document gives them, each with its value (String, Long, Double, Boolean,
 * OffsetDateTime, LocalDateTime, LocalDate, LocalTime, {@link TomlArray} or TomlTable) and the place of its key.
 * A key given as a {@code String} is read as a TOML dotted key ({@code "workspace.package"}); a {@code List} is a
 * path of plain keys. Absent keys give null; a typed getter on a value of another type throws
 * {@link TomlInvalidTypeException}.
 */
public class TomlTable {

    /** How a table came to be, which decides what may add to it later (TOML's rules against redefinition). */
    static final byte IMPLICIT = 0;
    static final byte HEADER = 1;
    static final byte DOTTED = 2;
    static final byte INLINE = 3;

    /** A value and where its key starts. */
    static final class Slot {
        final Object value;
        int line;
        int column;

        Slot(Object value, int line, int column) {
            this.value = value;
            this.line = line;
            this.column = column;
        }
    }

    byte kind;
    final LinkedHashMap<String, Slot> slots = new LinkedHashMap<>(8);

    TomlTable(byte kind) {
        this.kind = kind;
    }

    Slot slot(String key) {
        return slots.get(key);
    }

    void put(String key, Object value, int line, int column) {
        slots.put(key, new Slot(value, line, column));
    }

    public int size() {
        return slots.size();
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** The keys of this table (not of its sub-tables), in document order. */
    public Set<String> keySet() {
        return Collections.unmodifiableSet(slots.keySet());
    }

    /** This table's entries as a map in document order (the values as they are: tables stay TomlTables). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(slots.size() * 2);
        slots.forEach((k, s) -> m.put(k, s.value));
        return m;
    }

    public boolean contains(String dottedKey) {
        return get(dottedKey) != null;
    }

    public boolean contains(List<String> path) {
        return get(path) != null;
    }

    public Object get(String dottedKey) {
        return get(path(dottedKey));
    }

    /**
     * The dotted keys code asks by name (a few dozen literals, each asked for every one of thousands of manifests),
     * parsed once rather than on every get.
     */
    private static final Map<String, List<String>> PATHS = new ConcurrentHashMap<>();

    private static List<String> path(String dottedKey) {
        List<String> p = PATHS.get(dottedKey);
        if (p == null) {
            p = List.copyOf(Toml.parseDottedKey(dottedKey));
            if (PATHS.size() < 1024) {
                PATHS.put(dottedKey, p);
            }
        }
        return p;
    }

    /** The value at {@code path}, or null when a key of it is absent or leads through a value that is no table. */
    public Object get(List<String> path) {
        Slot s = slotAt(path);
        return s == null ? (path.isEmpty() ? this : null) : s.value;
    }

    public TomlPosition inputPositionOf(String dottedKey) {
        return inputPositionOf(path(dottedKey));
    }

    /** Where the key at {@code path} starts: its first character ({@code [} for a table header); null if absent. */
    public TomlPosition inputPositionOf(List<String> path) {
        Slot s = slotAt(path);
        return s == null ? null : new TomlPosition(s.line, s.column);
    }

    private Slot slotAt(List<String> path) {
        TomlTable t = this;
        Slot s = null;
        for (int i = 0; i < path.size(); i++) {
            if (t == null) {
                return null;
            }
            s = t.slots.get(path.get(i));
            if (s == null) {
                return null;
            }
            t = s.value instanceof TomlTable x ? x : null;
        }
        return s;
    }

    public String getString(String dottedKey) {
        return typed(get(dottedKey), String.class, dottedKey);
    }

    public String getString(List<String> path) {
        return typed(get(path), String.class, path);
    }

    public Long getLong(String dottedKey) {
        return typed(get(dottedKey), Long.class, dottedKey);
    }

    public Double getDouble(String dottedKey) {
        return typed(get(dottedKey), Double.class, dottedKey);
    }

    public Boolean getBoolean(String dottedKey) {
        return typed(get(dottedKey), Boolean.class, dottedKey);
    }

    public Boolean getBoolean(List<String> path) {
        return typed(get(path), Boolean.class, path);
    }

    public TomlTable getTable(String dottedKey) {
        return typed(get(dottedKey), TomlTable.class, dottedKey);
    }

    public TomlTable getTable(List<String> path) {
        return typed(get(path), TomlTable.class, path);
    }

    public TomlArray getArray(String dottedKey) {
        return typed(get(dottedKey), TomlArray.class, dottedKey);
    }

    public TomlArray getArray(List<String> path) {
        return typed(get(path), TomlArray.class, path);
    }

    public boolean isArray(String dottedKey) {
        return get(dottedKey) instanceof TomlArray;
    }

    public boolean isString(List<String> path) {
        return get(path) instanceof String;
    }

    @SuppressWarnings("unchecked")
    static <T> T typed(Object v, Class<T> type, Object key) {
        if (v == null || v.getClass() == type) {  // the common case without reflection (a call each, interpreted)
            return (T) v;
        }
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw new TomlInvalidTypeException("value of '" + key + "' is " + typeName(v) + ", not "
                + typeName(type));
    }

    /** A value's type as a message names it: "a string", "an integer", "an array", "a table", "a date-time", ... */
    static String typeName(Object v) {
        return v == null ? "nothing" : typeName(v.getClass());
    }

    private static String typeName(Class<?> c) {
        if (c == String.class) {
            return "a string";
        } else if (c == Long.class) {
            return "an integer";
        } else if (c == Double.class) {
            return "a float";
        } else if (c == Boolean.class) {
            return "a boolean";
        } else if (TomlArray.class.isAssignableFrom(c)) {
            return "an array";
        } else if (TomlTable.class.isAssignableFrom(c)) {
            return "a table";
        } else if (c == OffsetDateTime.class || c == LocalDateTime.class || c == LocalDate.class
                || c == LocalTime.class) {
            return "a date-time";
        }
        return c.getSimpleName();
    }
}
