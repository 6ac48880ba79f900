package io.github.cratesrelease.maven;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.workflow.ReleaseWorkflow;
import io.github.cratesrelease.workflow.SpecRequest;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Common parameters and the one {@link #execute()} of every goal: build a request, call the engine, and map user
 * mistakes to {@link MojoFailureException} (located message, no stack trace) and I/O failures or bugs to
 * {@link MojoExecutionException}.
 */
public abstract class AbstractCratesMojo extends AbstractMojo {

    /** The release spec. Without a POM, {@code release.yaml} in the current directory. */
    @Parameter(property = "crates.spec", defaultValue = "${project.basedir}/release.yaml")
    protected File spec;

    /** Where reports go (plan.json...). Default: {@code target/crates} next to the spec. */
    @Parameter(property = "crates.outputDirectory")
    protected File outputDirectory;

    /** Do everything that reads and checks, change nothing, need no credentials. */
    @Parameter(property = "crates.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** Skip this goal. */
    @Parameter(property = "crates.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (crates.skip)");
            return;
        }
        ReleaseWorkflow workflow = new ReleaseWorkflow(System.getenv(), new MavenReporter(getLog()));
        try {
            run(workflow, request());
        } catch (ReleaseException e) {
            throw new MojoFailureException(e.fullMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    protected SpecRequest request() {
        return new SpecRequest(spec.toPath(), outputDirectory == null ? null : outputDirectory.toPath(), dryRun,
                false, false);
    }

    /** The goal's work: call the engine with the request. */
    protected abstract void run(ReleaseWorkflow workflow, SpecRequest request) throws MojoFailureException;
}
