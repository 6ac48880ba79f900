package io.github.cratesrelease.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of a JSON value read by {@link #parse} (the journal, reports, registry answers, credential
 * providers, the GitHub API): the plugin's one JSON reader, without Jackson, whose loading took 0.1-0.2 s of a fresh
 * JVM in every goal that talked to a registry. Navigation never fails: {@link #path} of what is absent (or of a value
 * that is not an object or array) is {@link #MISSING}, and the typed accessors take the value to use when the value is
 * not of their type. What it wraps are plain values ({@link #raw}): maps, lists, strings, numbers, booleans, null;
 * {@link JsonText} writes the same values back.
 */
public final class JsonValue implements Iterable<JsonValue> {

    /** What {@link #path} gives for an absent key or index. */
    public static final JsonValue MISSING = new JsonValue(null, true);
    private static final JsonValue NULL = new JsonValue(null, false);

    private final Object raw;
    private final boolean missing;

    private JsonValue(Object raw, boolean missing) {
        this.raw = raw;
        this.missing = missing;
    }

    /** JSON text that is not well-formed, with the place (1-based line and column) where reading stopped. */
    public static final class Malformed extends Exception {
        private final String what;
        private final int line;
        private final int column;

        Malformed(String what, int line, int column) {
            super(what + " at line " + line + " column " + column);
            this.what = what;
            this.line = line;
            this.column = column;
        }

        /** What is wrong, without the place. */
        public String what() {
            return what;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** Reads one JSON value (a document); see {@link JsonReader#PLAIN} for the types of the values. */
    public static JsonValue parse(String text) throws Malformed {
        return of(JsonReader.read(text, JsonReader.PLAIN));
    }

    /** A view of a plain value (maps with string keys, lists, strings, numbers, booleans, null). */
    public static JsonValue of(Object raw) {
        return raw == null ? NULL : new JsonValue(raw, false);
    }

    /** The plain value: a map, list, string, number, boolean, or null (for JSON null and for missing). */
    public Object raw() {
        return raw;
    }

    public boolean isMissing() {
        return missing;
    }

    /** JSON null (not missing). */
    public boolean isNull() {
        return raw == null && !missing;
    }

    public boolean isObject() {
        return raw instanceof Map;
    }

    public boolean isArray() {
        return raw instanceof List;
    }

    public boolean isString() {
        return raw instanceof String;
    }

    public boolean isNumber() {
        return raw instanceof Number;
    }

    /** An integer (no fraction, no exponent in the text) that fits a long. */
    public boolean isIntegral() {
        return raw instanceof Long || raw instanceof Integer;
    }

    public boolean isBoolean() {
        return raw instanceof Boolean;
    }

    /** The member {@code key} of an object; {@link #MISSING} when absent or when this is not an object. */
    public JsonValue path(String key) {
        if (raw instanceof Map<?, ?> m && m.containsKey(key)) {
            return of(m.get(key));
        }
        return MISSING;
    }

    /** Element {@code index} of an array; {@link #MISSING} when out of range or when this is not an array. */
    public JsonValue path(int index) {
        if (raw instanceof List<?> l && index >= 0 && index < l.size()) {
            return of(l.get(index));
        }
        return MISSING;
    }

    /** Whether this object has {@code key} with a value other than null. */
    public boolean has(String key) {
        return raw instanceof Map<?, ?> m && m.get(key) != null;
    }

    /** The string; null when this is not a string. */
    public String string() {
        return raw instanceof String s ? s : null;
    }

    /** The string; {@code fallback} when this is not a string. */
    public String string(String fallback) {
        return raw instanceof String s ? s : fallback;
    }

    /**
     * A scalar as text: a string as it is, a number or boolean as written ({@code 12}, {@code true});
     * {@code fallback} for null, missing, objects and arrays.
     */
    public String text(String fallback) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        return fallback;
    }

    /** The boolean; {@code fallback} when this is not a boolean. */
    public boolean bool(boolean fallback) {
        return raw instanceof Boolean b ? b : fallback;
    }

    /** An integral number in the range of a long; {@code fallback} otherwise. */
    public long longValue(long fallback) {
        return raw instanceof Long || raw instanceof Integer ? ((Number) raw).longValue() : fallback;
    }

    /** An integral number in the range of an int; {@code fallback} otherwise. */
    public int intValue(int fallback) {
        long v = longValue((long) Integer.MIN_VALUE - 1);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (int) v : fallback;
    }

    /** The number as a BigInteger when it is integral (of any size); null otherwise. */
    public BigInteger bigInteger() {
        if (raw instanceof BigInteger b) {
            return b;
        }
        return isIntegral() ? BigInteger.valueOf(((Number) raw).longValue()) : null;
    }

    /** The elements of an array, in order; empty when this is not an array. */
    public List<JsonValue> elements() {
        if (!(raw instanceof List<?> l)) {
            return List.of();
        }
        List<JsonValue> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(of(o));
        }
        return out;
    }

    /** The members of an object, in order; empty when this is not an object. */
    public Map<String, JsonValue> members() {
        if (!(raw instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, JsonValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
        return Collections.unmodifiableMap(out);
    }

    /** The elements of an array (nothing for anything else), so that {@code for (JsonValue e : v.path("list"))}. */
    @Override
    public Iterator<JsonValue> iterator() {
        return elements().iterator();
    }

    /** Elements of an array or members of an object; 0 otherwise. */
    public int size() {
        if (raw instanceof List<?> l) {
            return l.size();
        }
        return raw instanceof Map<?, ?> m ? m.size() : 0;
    }

    /** Compact JSON text of the value ({@code null} for null and missing). */
    @Override
    public String toString() {
        return JsonText.compact(raw);
    }
}
