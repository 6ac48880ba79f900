package io.github.cratesrelease.maven;

import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.version.BumpEngine;
import io.github.cratesrelease.version.BumpRequest;
import io.github.cratesrelease.version.VersionBump;
import io.github.cratesrelease.run.RunContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves crate versions: the {@code [package]} or {@code [workspace.package]} version, every requirement on a bumped
 * crate (as {@code versioning.dependents} says), Cargo.lock, and the changelogs' unreleased sections. Files keep
 * their formatting; only version strings and changelog headings change. {@code -Dcrates.dryRun} prints the diff.
 */
@Mojo(name = "bump", requiresProject = false, threadSafe = true)
public class BumpMojo extends AbstractCratesMojo {

    /** The bump level: major, minor, patch, release, rc, beta or alpha. */
    @Parameter(property = "crates.bump")
    private String bump;

    /** The exact new version (instead of a level). */
    @Parameter(property = "crates.version")
    private String version;

    /** Comma-separated crates to bump; default every crate the spec releases. What moves with them follows. */
    @Parameter(property = "crates.crates")
    private String crates;

    /** Commit the changed files with versioning.commit-message. */
    @Parameter(property = "crates.commit", defaultValue = "false")
    private boolean commit;

    /** The date written into changelog headings (YYYY-MM-DD); default today. */
    @Parameter(property = "crates.date")
    private String date;

    /**
     * Also write the bump's diff to this file, in a form {@code git apply} takes from the workspace root (with
     * {@code -Dcrates.dryRun} too: review the diff, apply it elsewhere).
     */
    @Parameter(property = "crates.diffFile")
    private String diffFile;

    @Override
    protected void doExecute(RunContext ctx) throws MojoFailureException {
        boolean hasLevel = bump != null && !bump.isBlank();
        boolean hasVersion = version != null && !version.isBlank();
        if (hasLevel == hasVersion) {
            throw new MojoFailureException(hasLevel ? "give -Dcrates.bump or -Dcrates.version, not both"
                    : "say how to bump: -Dcrates.bump=major|minor|patch|release|rc|beta|alpha, or "
                            + "-Dcrates.version=X.Y.Z");
        }
        VersionBump.Level level = null;
        Version exact = null;
        try {
            if (hasLevel) {
                level = VersionBump.Level.parse(bump);
            } else {
                exact = Version.parse(version.trim());
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException((hasLevel ? "-Dcrates.bump: " : "-Dcrates.version=" + version + ": ")
                    + e.getMessage());
        }
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now() : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new MojoFailureException("-Dcrates.date=" + date + " is not a date: write YYYY-MM-DD");
        }
        List<String> selection = crates == null ? List.of()
                : Arrays.stream(crates.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        java.nio.file.Path diff = diffFile == null || diffFile.isBlank() ? null
                : java.nio.file.Path.of(diffFile.trim()).toAbsolutePath();
        BumpEngine.bump(ctx, new BumpRequest(ctx.spec(), level, exact, selection, ctx.dryRun(), commit, day, diff));
    }
}
