package io.github.cratesrelease.init;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The changelog the workspace keeps, found on disk: one {@code CHANGELOG.md} per released crate (when every released
 * crate outside the root has one, or the root has none), else the root's {@code CHANGELOG.md}; with the
 * unreleased heading the file uses when it is not plain {@code Unreleased}.
 *
 * @param path               the spec's {@code changelog.path}, or null when the workspace keeps no changelog
 * @param unreleasedHeading  the heading to write, or null for the default
 * @param missing            released crates without their file (per-crate layout only)
 */
record ChangelogLayout(String path, String unreleasedHeading, List<String> missing) {

    static final String FILE = "CHANGELOG.md";
    static final String PER_CRATE = "{crate_dir}/" + FILE;

    static ChangelogLayout detect(CargoWorkspace ws, Iterable<String> released) {
        List<String> with = new ArrayList<>();
        List<String> without = new ArrayList<>();
        Path first = null;
        for (String name : released) {
            CargoPackage p = ws.member(name).orElseThrow();
            if (p.dir().equals(ws.root())) {
                continue;
            }
            Path f = p.dir().resolve(FILE);
            if (Files.isRegularFile(f)) {
                with.add(name);
                first = first == null ? f : first;
            } else {
                without.add(name);
            }
        }
        Path root = ws.root().resolve(FILE);
        boolean hasRoot = Files.isRegularFile(root);
        if (!with.isEmpty() && (without.isEmpty() || !hasRoot)) {
            return new ChangelogLayout(PER_CRATE, unreleasedHeading(first), List.copyOf(without));
        }
        if (hasRoot) {
            return new ChangelogLayout(FILE, unreleasedHeading(root), List.of());
        }
        return new ChangelogLayout(null, null, List.of());
    }

    /** The first level-2 heading that names the unreleased section, when it is not {@code Unreleased}. */
    private static String unreleasedHeading(Path file) {
        try {
            boolean fenced = false;
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("```")) {
                    fenced = !fenced;
                }
                if (fenced || !line.startsWith("## ")) {
                    continue;
                }
                String heading = line.substring(3).trim();
                if (heading.toLowerCase(Locale.ROOT).contains("unreleased")) {
                    String plain = heading.replace("[", "").replace("]", "").trim();
                    return plain.equalsIgnoreCase("unreleased") ? null : heading;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // the changelog check reports an unreadable file with its place
        }
        return null;
    }
}
