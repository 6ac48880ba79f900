package io.github.cratesrelease.toml;

/** A place in a TOML document: line and column, both from 1 (the column counts UTF-16 chars of the line). */
public record TomlPosition(int line, int column) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
