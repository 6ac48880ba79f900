package io.github.cratesrelease.toml;

import java.util.ArrayList;
import java.util.List;

/** The root table of a parsed document and the errors met (the tree holds what was read before the first error). */
public final class TomlParseResult extends TomlTable {

    private final List<TomlParseError> errors = new ArrayList<>(0);

    TomlParseResult() {
        super(HEADER);
    }

    void addError(TomlParseError e) {
        errors.add(e);
    }

    /** The errors, in the order met; empty when the document is valid. */
    public List<TomlParseError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    @Override
    public TomlPosition inputPositionOf(List<String> path) {
        return path.isEmpty() ? new TomlPosition(1, 1) : super.inputPositionOf(path);
    }
}
