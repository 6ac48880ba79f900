package io.github.cratesrelease.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** An ordered collection of findings. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostics add(Diagnostic d) {
        items.add(d);
        return this;
    }

    public Diagnostics error(Location at, String message, String hint) {
        return add(Diagnostic.error(at, message, hint));
    }

    public Diagnostics warning(Location at, String message, String hint) {
        return add(Diagnostic.warning(at, message, hint));
    }

    public Diagnostics addAll(Diagnostics other) {
        items.addAll(other.items);
        return this;
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }

    public List<Diagnostic> errors() {
        return items.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return items.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Sorted by file, then line, then column, so output reads top to bottom. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.location() == null ? "" : d.location().displayFile())
                .thenComparingInt(d -> d.location() == null ? 0 : d.location().line())
                .thenComparingInt(d -> d.location() == null ? 0 : d.location().column()));
        return copy;
    }

    /** Throws a {@link ReleaseException} carrying every finding when any is an error. */
    public void throwIfErrors(String summary) {
        if (hasErrors()) {
            throw new ReleaseException(summary, this);
        }
    }
}
