package io.github.cratesrelease.maven;

import io.github.cratesrelease.workflow.ReleaseWorkflow;
import io.github.cratesrelease.workflow.SpecRequest;
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
    protected void run(ReleaseWorkflow workflow, SpecRequest request) {
        workflow.validate(new SpecRequest(request.spec(), request.outputDirectory(), request.dryRun(), false,
                failOnWarnings));
    }
}
