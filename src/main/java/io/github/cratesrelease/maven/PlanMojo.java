package io.github.cratesrelease.maven;

import io.github.cratesrelease.release.SpecGoals;
import io.github.cratesrelease.run.RunContext;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates, then prints the publish plan (wave, crate, version, registry) derived from the dependency graph and
 * writes {@code plan.json} to the output directory (not on a dry run).
 */
@Mojo(name = "plan", requiresProject = false, threadSafe = true)
public class PlanMojo extends AbstractCratesMojo {

    @Override
    protected boolean onlyReads() {
        return true;
    }

    @Override
    protected void doExecute(RunContext ctx) {
        SpecGoals.plan(ctx);
    }
}
