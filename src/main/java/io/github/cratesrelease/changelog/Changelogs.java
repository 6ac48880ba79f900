package io.github.cratesrelease.changelog;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The changelogs of a workspace as the spec's {@code changelog} section declares them: one file for the workspace,
 * or one per crate ({@code {crate_dir}/CHANGELOG.md}). Checks them for a release and promotes them on a bump.
 */
public final class Changelogs {

    private final ReleaseSpec.ChangelogSpec spec;
    private final Path root;

    /** {@code spec} is the spec's changelog section (not null). */
    public Changelogs(ReleaseSpec.ChangelogSpec spec, Path workspaceRoot) {
        this.spec = spec;
        this.root = workspaceRoot;
    }

    /** The changelog file of a crate. */
    public Path fileOf(CargoPackage crate) {
        if (!spec.perCrate()) {
            return root.resolve(spec.path()).normalize();
        }
        String dir = root.relativize(crate.dir()).toString().replace('\\', '/');
        return root.resolve(spec.path().replace("{crate_dir}", dir.isEmpty() ? "." : dir)).normalize();
    }

    /** Groups crates (with a version each) by their changelog file, in the given order. */
    private Map<Path, Map<CargoPackage, Version>> byFile(Map<CargoPackage, Version> versions) {
        Map<Path, Map<CargoPackage, Version>> out = new LinkedHashMap<>();
        versions.forEach((c, v) -> out.computeIfAbsent(fileOf(c), f -> new LinkedHashMap<>()).put(c, v));
        return out;
    }

    private Changelog read(Path file, Diagnostics diags) {
        if (!Files.isRegularFile(file)) {
            diags.error(spec.location(), "changelog " + new Location(file, 0, 0) + " does not exist",
                    "create it with a '## " + spec.unreleasedHeading() + "' section (Keep a Changelog), or fix "
                            + "changelog.path in the spec");
            return null;
        }
        try {
            return new Changelog(file, Files.readString(file), spec.unreleasedHeading());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Checks the changelogs of crates about to be released at the given versions: each version has a dated,
     * non-empty section. With {@code beforeBump}, checks instead that the unreleased section is there (and has
     * entries when the spec requires them).
     */
    public Diagnostics check(Map<CargoPackage, Version> versions, boolean beforeBump) {
        Diagnostics diags = new Diagnostics();
        for (Map.Entry<Path, Map<CargoPackage, Version>> f : byFile(versions).entrySet()) {
            Changelog log = read(f.getKey(), diags);
            if (log == null) {
                continue;
            }
            diags.addAll(log.problems());
            if (beforeBump) {
                Promotion.checkUnreleased(log, null, spec.requireUnreleasedEntries(), diags);
                continue;
            }
            Changelog.Section unreleased = log.unreleased();
            for (Version v : new TreeSet<>(f.getValue().values())) {
                String who = crates(f.getValue(), v);
                Changelog.Section s = log.release(v);
                if (s == null) {
                    Location at = unreleased != null ? log.at(unreleased.line(), 1) : log.at(1, 1);
                    diags.error(at, "no section for " + who + " " + v, unreleased != null && unreleased.hasEntries()
                            ? "run crates:bump, which turns '## " + unreleased.heading() + "' into '## [" + v + "] - "
                                    + LocalDate.now() + "', or rename the heading by hand"
                            : "add '## [" + v + "] - YYYY-MM-DD' with the changes of " + v);
                } else if (!s.hasEntries()) {
                    diags.error(log.at(s.line(), 1), "the section for " + who + " " + v + " is empty",
                            "list the changes of " + v + " under it");
                }
            }
        }
        return diags;
    }

    /**
     * Promotes the unreleased section of each changelog to the new version. A workspace changelog takes one
     * version: all crates it covers must move to the same one.
     *
     * @return new text by file (only files that change)
     */
    public Map<Path, String> promote(Map<CargoPackage, Version> versions, LocalDate date, Diagnostics diags) {
        Map<Path, String> out = new LinkedHashMap<>();
        for (Map.Entry<Path, Map<CargoPackage, Version>> f : byFile(versions).entrySet()) {
            TreeSet<Version> distinct = new TreeSet<>(f.getValue().values());
            if (distinct.size() > 1) {
                diags.error(spec.location(), "changelog " + new Location(f.getKey(), 0, 0) + " is shared by crates "
                        + "that move to different versions (" + String.join(", ", f.getValue().entrySet().stream()
                                .map(e -> e.getKey().name() + " " + e.getValue()).toList()) + ")",
                        "use one changelog per crate (changelog.path: '{crate_dir}/CHANGELOG.md'), or move them "
                                + "together (versioning.mode: shared, or a versioning group)");
                continue;
            }
            Changelog log = read(f.getKey(), diags);
            if (log == null) {
                continue;
            }
            Diagnostics own = new Diagnostics();
            String crate = f.getValue().size() == 1 ? f.getValue().keySet().iterator().next().name() : null;
            String text = Promotion.promote(log, distinct.first(), date, spec.requireUnreleasedEntries(),
                    new Promotion.Links(withCrate(spec.compareLink(), crate), withCrate(spec.unreleasedLink(), crate)),
                    own);
            diags.addAll(own);
            if (text != null) {
                out.put(f.getKey(), text);
            }
        }
        return out;
    }

    /** A link template with {@code {crate}} filled in (for a per-crate file). */
    private static String withCrate(String template, String crate) {
        return template == null || crate == null ? template : template.replace("{crate}", crate);
    }

    private static String crates(Map<CargoPackage, Version> versions, Version v) {
        List<String> names = versions.entrySet().stream().filter(e -> e.getValue().equals(v))
                .map(e -> e.getKey().name()).toList();
        return String.join(", ", names);
    }
}
