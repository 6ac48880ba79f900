package io.github.cratesrelease.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's results as markdown: one table of figures against their peers and targets, then notes (where the
 * time went, request counts, peak memory). Printed as it grows and written to target/bench/results.md at the end.
 */
final class BenchReport {

    private final List<String> header = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    /**
     * A row: what is measured, our figure, the peer's (the reference the target is stated against), the ratio and
     * whether the target holds; {@code limit} is the largest ratio the target allows (or NaN: no ratio target).
     */
    void row(String what, Figure ours, String peerName, Figure peer, double limit) {
        double ratio = ours.isEmpty() || peer.isEmpty() ? Double.NaN : (double) ours.median() / peer.median();
        String target = Double.isNaN(limit) ? "–" : String.format(Locale.ROOT, "≤ %.2f", limit);
        String verdict = Double.isNaN(limit) || Double.isNaN(ratio) ? "–" : ratio <= limit ? "met" : "missed";
        add("| " + what + " | " + ours + " | " + peerName + ": " + peer + " | "
                + (Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f", ratio)) + " | " + target + " | "
                + verdict + " |");
    }

    /** A row whose target is an absolute bound rather than a ratio. */
    void bound(String what, Figure ours, String reference, long limitMillis) {
        String verdict = ours.isEmpty() ? "–" : ours.median() <= limitMillis ? "met" : "missed";
        add("| " + what + " | " + ours + " | " + reference + " | – | ≤ " + Figure.seconds(limitMillis) + " | "
                + verdict + " |");
    }

    /** A row for information only. */
    void info(String what, String ours, String reference) {
        add("| " + what + " | " + ours + " | " + reference + " | – | – | – |");
    }

    private void add(String row) {
        rows.add(row);
        System.out.println("[bench] " + row);
    }

    void note(String line) {
        notes.add(line);
        System.out.println("[bench] " + line);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        header.forEach(h -> sb.append(h).append('\n'));
        sb.append('\n');
        sb.append("| measure | ours: median (min–max) | reference: median (min–max) | ratio | target | |\n");
        sb.append("|---|---|---|---|---|---|\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        if (!notes.isEmpty()) {
            sb.append('\n');
            notes.forEach(n -> sb.append(n).append('\n'));
        }
        return sb.toString();
    }

    Path write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
