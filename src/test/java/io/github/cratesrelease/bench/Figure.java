package io.github.cratesrelease.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The samples of one measured figure, in milliseconds: median, min and max. */
final class Figure {

    private final List<Long> samples = new ArrayList<>();

    static Figure of(long... millis) {
        Figure f = new Figure();
        for (long m : millis) {
            f.add(m);
        }
        return f;
    }

    void add(long millis) {
        samples.add(millis);
    }

    void addAll(Figure other) {
        samples.addAll(other.samples);
    }

    boolean isEmpty() {
        return samples.isEmpty();
    }

    long median() {
        List<Long> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    long min() {
        return sorted().get(0);
    }

    long max() {
        return sorted().get(samples.size() - 1);
    }

    private List<Long> sorted() {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Long> s = new ArrayList<>(samples);
        Collections.sort(s);
        return s;
    }

    /** The sum of two figures' medians (for the floor), as one sample. */
    Figure plus(Figure other) {
        return Figure.of(median() + other.median());
    }

    /** {@code 9.40 s (9.02–9.91)}, or only the median with one sample. */
    @Override
    public String toString() {
        if (samples.isEmpty()) {
            return "–";
        }
        if (samples.size() == 1) {
            return seconds(median());
        }
        return seconds(median()) + " (" + String.format(Locale.ROOT, "%.2f–%.2f", min() / 1000.0, max() / 1000.0)
                + ")";
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
