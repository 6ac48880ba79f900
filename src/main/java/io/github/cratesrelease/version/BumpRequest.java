package io.github.cratesrelease.version;

import io.github.cratesrelease.semver.Version;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What crates:bump asks for.
 *
 * @param level    the bump level, or null when {@code version} is given
 * @param version  the exact new version, or null
 * @param crates   the crates to bump (empty: every crate the spec releases); what moves with them follows
 * @param dryRun   print the diff, write nothing
 * @param commit   commit the changed files with the spec's commit message
 * @param date     the release date written into changelogs
 * @param diffFile where to write the bump's diff in a form {@code git apply} takes (relative paths against the
 *                 workspace root), or null
 */
public record BumpRequest(Path spec, VersionBump.Level level, Version version, List<String> crates, boolean dryRun,
        boolean commit, LocalDate date, Path diffFile) {

    public BumpRequest(Path spec, VersionBump.Level level, Version version, List<String> crates, boolean dryRun,
            boolean commit, LocalDate date) {
        this(spec, level, version, crates, dryRun, commit, date, null);
    }
}
