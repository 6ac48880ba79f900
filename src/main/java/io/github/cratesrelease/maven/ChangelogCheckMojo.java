package io.github.cratesrelease.maven;

import io.github.cratesrelease.release.SpecGoals;
import io.github.cratesrelease.run.RunContext;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the changelogs of the crates to release: a dated, non-empty section for each crate's current version, and
 * well-formed headings and dates. With {@code -Dcrates.beforeBump}, checks that the unreleased section is ready to
 * be promoted instead; with {@code -Dcrates.since=<ref>}, that every released crate changed since the ref has an
 * entry. Each finding is located (file:line:col) with the fix.
 */
@Mojo(name = "changelog-check", requiresProject = false, threadSafe = true)
public class ChangelogCheckMojo extends AbstractCratesMojo {

    /** Check that the unreleased section is there (and has entries when the spec requires them). */
    @Parameter(property = "crates.beforeBump", defaultValue = "false")
    private boolean beforeBump;

    /**
     * A git ref (e.g. {@code origin/main}): also fail for each released crate whose files changed since the ref (its
     * merge base with HEAD, plus uncommitted and untracked files) while its unreleased section has no entry.
     */
    @Parameter(property = "crates.since")
    private String since;

    @Override
    protected boolean onlyReads() {
        return true;
    }

    @Override
    protected void doExecute(RunContext ctx) {
        SpecGoals.changelogCheck(ctx, beforeBump, since);
    }
}
