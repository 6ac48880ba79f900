package io.github.cratesrelease.changelog;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The style the spec states ({@code changelog.heading}), or null: learned from each file. */
    private HeadingStyle declared(Diagnostics diags) {
        if (spec.heading() == null) {
            return null;
        }
        try {
            return HeadingStyle.parse(spec.heading());
        } catch (IllegalArgumentException e) {
            diags.error(spec.headingLocation() != null ? spec.headingLocation() : spec.location(),
                    "changelog.heading '" + spec.heading() + "' is not a heading template: " + e.getMessage(),
                    "write it as '## [{version}] - {date}', or remove it to learn the style from the file");
            return HeadingStyle.KEEP_A_CHANGELOG;
        }
    }

    Changelog read(Path file, Diagnostics diags) {
        if (!Files.isRegularFile(file)) {
            diags.error(spec.location(), "changelog " + new Location(file, 0, 0) + " does not exist",
                    "create it with a '## " + spec.unreleasedHeading() + "' section (Keep a Changelog), or fix "
                            + "changelog.path in the spec");
            return null;
        }
        try {
            return new Changelog(file, TextFiles.read(file), spec.unreleasedHeading(), declared(diags));
        } catch (ReleaseException e) {
            diags.addAll(e.diagnostics());
            return null;
        }
    }

    /**
     * Checks the changelogs of crates about to be released at the given versions: each version has a section in
     * the file's style with a real date (an empty one is a warning: it is history). The other releases are read
     * leniently: at most one warning per file. With {@code beforeBump}, checks instead that the unreleased section
     * is there (and has entries when the spec requires them).
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
                Changelog.Section open = Promotion.checkUnreleased(log, null, spec.requireUnreleasedEntries(), diags);
                if (open != null && open.version() != null) {
                    diags.addAll(log.problemsOf(open.version()));
                }
                diags.addAll(log.historyWarning(Set.of()));
                continue;
            }
            Set<Version> checked = new TreeSet<>(f.getValue().values());
            for (Version v : checked) {
                checkRelease(log, v, crates(f.getValue(), v), diags);
            }
            diags.addAll(log.historyWarning(checked));
        }
        return diags;
    }

    static void checkRelease(Changelog log, Version v, String who, Diagnostics diags) {
        Changelog.Section s = log.release(v);
        Changelog.Section unreleased = log.unreleased();
        HeadingStyle style = log.style();
        if (s == null && unreleased != null && v.equals(unreleased.version())) {
            diags.addAll(log.problemsOf(v));  // '## 5.0.0 - TBD' while 5.0.0 is released: its date is missing
            if (!log.problemsOf(v).hasErrors()) {
                diags.error(log.at(unreleased.line(), unreleased.column()), "release " + v + " has no date yet ('"
                        + unreleased.dateText() + "')", "write '" + (style.setext() ? "" : style.atxPrefix())
                                + style.render(v, LocalDate.now(), unreleased.match() == null ? null
                                        : unreleased.match().compare()) + "'");
            }
            return;
        }
        if (s == null) {
            String heading = (style.setext() ? "" : style.atxPrefix()) + style.render(v, LocalDate.now(), "URL");
            Location at = unreleased != null ? log.at(unreleased.line(), 1) : log.at(1, 1);
            diags.error(at, "no section for " + who + " " + v, unreleased != null && unreleased.hasEntries()
                    ? "run crates:bump, which turns '" + (style.setext() ? "" : style.atxPrefix())
                            + unreleased.heading() + "' into '" + heading + "', or rename the heading by hand"
                    : "add '" + heading + "' with the changes of " + v);
            return;
        }
        diags.addAll(log.problemsOf(v));
        if (!s.hasEntries()) {
            diags.warning(log.at(s.line(), 1), "the section for " + who + " " + v + " is empty",
                    "list the changes of " + v + " under it");
        }
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

    /**
     * For a pull request: each released crate with files changed since a ref whose changelog's unreleased section
     * has no entry (located at that section, naming the changed paths). A changed path belongs to the member whose
     * directory holds it most closely; changes to the changelogs themselves do not count.
     *
     * @param members every workspace member (a nested member's files are its own)
     * @param changed the changed files, absolute
     * @param ref     the ref as the user named it (for the message)
     */
    public Diagnostics missingEntries(Map<CargoPackage, Version> versions, List<CargoPackage> members,
            List<Path> changed, String ref) {
        Map<CargoPackage, List<Path>> byCrate = new LinkedHashMap<>();
        for (Path p : changed) {
            CargoPackage owner = null;
            for (CargoPackage m : members) {
                Path dir = m.dir().toAbsolutePath().normalize();
                if (p.startsWith(dir) && (owner == null || dir.startsWith(owner.dir().toAbsolutePath().normalize()))) {
                    owner = m;
                }
            }
            if (owner != null && versions.containsKey(owner) && !p.equals(fileOf(owner).toAbsolutePath().normalize())) {
                byCrate.computeIfAbsent(owner, k -> new java.util.ArrayList<>()).add(p);
            }
        }
        Diagnostics diags = new Diagnostics();
        Map<Path, Map<CargoPackage, Version>> files = byFile(versions);
        for (Map.Entry<Path, Map<CargoPackage, Version>> f : files.entrySet()) {
            List<CargoPackage> touched = f.getValue().keySet().stream().filter(byCrate::containsKey).toList();
            if (touched.isEmpty()) {
                continue;
            }
            Changelog log = read(f.getKey(), diags);
            if (log == null) {
                continue;
            }
            Changelog.Section open = log.unreleased();
            if (open != null && open.hasEntries()) {
                continue;
            }
            List<String> paths = touched.stream().flatMap(c -> byCrate.get(c).stream())
                    .map(p -> root.toAbsolutePath().normalize().relativize(p).toString().replace('\\', '/')).toList();
            String names = String.join(", ", touched.stream().map(CargoPackage::name).toList());
            String shown = String.join(", ", paths.subList(0, Math.min(5, paths.size())))
                    + (paths.size() > 5 ? " and " + (paths.size() - 5) + " more" : "");
            HeadingStyle style = log.style();
            String heading = (style.setext() ? "" : style.atxPrefix()) + (open != null ? open.heading()
                    : log.unreleasedHeading());
            diags.error(open != null ? log.at(open.line(), 1) : log.at(1, 1), names + " changed since " + ref + " ("
                    + shown + "), but " + (open != null ? "the '" + heading + "' section has no entry"
                            : "the changelog has no '" + heading + "' section"), open != null
                                    ? "list the change under '" + heading + "'"
                                    : "add '" + heading + "' with the change above the newest release");
        }
        return diags;
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
