package io.github.cratesrelease.maven;

import io.github.cratesrelease.workflow.ReleaseWorkflow;
import io.github.cratesrelease.workflow.SpecRequest;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates, then prints the publish plan (wave, crate, version, registry) derived from the dependency graph and
 * writes {@code plan.json} to the output directory (not on a dry run).
 */
@Mojo(name = "plan", requiresProject = false, threadSafe = true)
public class PlanMojo extends AbstractCratesMojo {

    @Override
    protected void run(ReleaseWorkflow workflow, SpecRequest request) {
        workflow.plan(request);
    }
}
