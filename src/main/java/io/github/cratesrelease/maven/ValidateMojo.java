package io.github.cratesrelease.maven;

import io.github.cratesrelease.release.SpecGoals;
import io.github.cratesrelease.run.RunContext;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the release spec against its schema and against the workspace's Cargo.toml files (metadata crates.io
 * requires, versions of path dependencies, registries, cycles, explicit order). Fails on errors, prints warnings.
 */
@Mojo(name = "validate", requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractCratesMojo {

    /** Fail on warnings too. */
    @Parameter(property = "crates.failOnWarnings", defaultValue = "false")
    private boolean failOnWarnings;

    @Override
    protected boolean onlyReads() {
        return true;
    }

    @Override
    protected void doExecute(RunContext ctx) {
        SpecGoals.validate(ctx, failOnWarnings);
    }
}
