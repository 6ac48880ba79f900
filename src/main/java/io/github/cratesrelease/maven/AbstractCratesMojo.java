package io.github.cratesrelease.maven;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.workflow.ReleaseWorkflow;
import io.github.cratesrelease.workflow.SpecRequest;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Common parameters and the one {@link #execute()} of every goal: build a request, call the engine, and map user
 * mistakes to {@link MojoFailureException} (located message, no stack trace) and I/O failures or bugs to
 * {@link MojoExecutionException}.
 */
public abstract class AbstractCratesMojo extends AbstractMojo {

    /**
     * The release spec. Default: {@code release.yaml} in the project's directory, or in the current directory when
     * there is no POM.
     */
    @Parameter(property = "crates.spec")
    protected File spec;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

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

    /** The directory relative paths start from: the project's, or the current directory without a POM. */
    protected Path baseDirectory() {
        if (project != null && project.getFile() != null) {
            return project.getBasedir().toPath();
        }
        if (session != null && session.getRequest() != null && session.getRequest().getBaseDirectory() != null) {
            return Paths.get(session.getRequest().getBaseDirectory());
        }
        return Paths.get("").toAbsolutePath();
    }

    protected SpecRequest request() {
        Path specPath = spec == null ? baseDirectory().resolve("release.yaml") : baseDirectory().resolve(spec.toPath());
        return new SpecRequest(specPath, outputDirectory == null ? null : baseDirectory().resolve(outputDirectory.toPath()), dryRun,
                false, false);
    }

    /** The goal's work: call the engine with the request. */
    protected abstract void run(ReleaseWorkflow workflow, SpecRequest request) throws MojoFailureException;
}
