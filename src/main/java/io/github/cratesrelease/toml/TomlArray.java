package io.github.cratesrelease.toml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A TOML array: a literal array ({@code [1, 2]}) or an array of tables ({@code [[bin]]}), its values as
 * {@link TomlTable} describes them, and where each value starts ({@code [[} for a table of an array of tables).
 */
public final class TomlArray {

    private final ArrayList<Object> values = new ArrayList<>(4);
    private int[] places = new int[8];
    /** Made by {@code [[...]]} headers (only these may be appended to by a later header). */
    final boolean ofTables;

    TomlArray(boolean ofTables) {
        this.ofTables = ofTables;
    }

    void add(Object value, int line, int column) {
        int i = values.size();
        if (2 * i + 2 > places.length) {
            places = Arrays.copyOf(places, places.length * 2);
        }
        places[2 * i] = line;
        places[2 * i + 1] = column;
        values.add(value);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @throws IndexOutOfBoundsException when there is no value at {@code index} */
    public Object get(int index) {
        return values.get(index);
    }

    public String getString(int index) {
        return TomlTable.typed(get(index), String.class, index);
    }

    public Long getLong(int index) {
        return TomlTable.typed(get(index), Long.class, index);
    }

    public TomlTable getTable(int index) {
        return TomlTable.typed(get(index), TomlTable.class, index);
    }

    public TomlArray getArray(int index) {
        return TomlTable.typed(get(index), TomlArray.class, index);
    }

    /** Where the value at {@code index} starts. */
    public TomlPosition inputPositionOf(int index) {
        values.get(index); // bounds
        return new TomlPosition(places[2 * index], places[2 * index + 1]);
    }

    /** The values, as they are (tables stay TomlTables). */
    public List<Object> toList() {
        return Collections.unmodifiableList(values);
    }

    Object last() {
        return values.get(values.size() - 1);
    }
}
