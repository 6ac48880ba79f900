package io.github.cratesrelease.maven;

import io.github.cratesrelease.credentials.TokenResolver;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.process.CommandException;
import io.github.cratesrelease.run.RunContext;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Common parameters and the one final {@link #execute()} of every goal (as maven-gpg-plugin's): build the run
 * context, call {@link #doExecute(RunContext)}, and map what comes back. User mistakes become a
 * {@link MojoFailureException} with the located findings, failures of cargo or git a {@link MojoExecutionException}
 * with the command, exit code and the tool's own lines; no RuntimeException leaves a goal.
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

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

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
        String goal = goal();
        getLog().debug("crates:" + goal + " starts");  // where the goal's own time begins (Maven loaded the plugin)
        try (RunContext ctx = context(goal)) {
            doExecute(ctx);
        } catch (ReleaseException e) {
            throw new MojoFailureException(e.fullMessage());
        } catch (TokenResolver.CredentialException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (CommandException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        } catch (RuntimeException | Error e) { // the last resort: a fault of the plugin, not of the user
            throw internalError(goal, e);
        }
    }

    /**
     * A fault of the plugin itself: one line that says so and what it was; the stack trace in the debug log
     * ({@code -X}) and as the cause (shown with {@code -e}).
     */
    MojoExecutionException internalError(String goal, Throwable e) {
        String what = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines()
                .findFirst().orElse(""));
        String message = "internal error in crates:" + goal + " — please report it (" + what + "; run with -e or "
                + "-X for the stack trace)";
        if (getLog().isDebugEnabled()) {
            getLog().debug(message, e);
        }
        return new MojoExecutionException(message, e);
    }

    /** The goal's work, in a context built for it. */
    protected abstract void doExecute(RunContext ctx) throws MojoFailureException;

    /** The run context: this goal's spec, output directory, dry run and invocation; tokens masked in all output. */
    protected RunContext context(String goal) {
        Path specPath = spec == null ? defaultSpec(baseDirectory()) : baseDirectory().resolve(spec.toPath());
        return RunContext.builder(System.getenv(), new MavenReporter(getLog()))
                .spec(specPath)
                .outputDirectory(outputDirectory == null ? null : baseDirectory().resolve(outputDirectory.toPath()))
                .dryRun(dryRun)
                .httpTimeout(httpTimeout())
                .invocation(Invocations.of(session, goal, pluginVersion()))
                .shareAnalysisWithin(onlyReads() ? mavenRun() : null)
                .build();
    }

    /**
     * A goal that changes no file of the workspace (validate, plan, changelog-check): it takes the analysis an
     * earlier such goal of the same {@code mvn} run made when no file of it changed since, and keeps its own for the
     * next ({@code mvn crates:validate crates:plan} reads the spec and the manifests once).
     */
    protected boolean onlyReads() {
        return false;
    }

    /** This Maven run's identity (a build of a Maven daemon is a run of its own), or null without a session. */
    private String mavenRun() {
        if (session == null || session.getRequest() == null) {
            return null;
        }
        var request = session.getRequest();
        return System.identityHashCode(request) + "@" + (request.getStartTime() == null ? 0
                : request.getStartTime().getTime());
    }

    /**
     * The spec when none is named: {@code release.yaml} in the directory, else in the nearest parent that has one (as
     * cargo finds its workspace from a crate's directory), else {@code release.yaml} in the directory.
     */
    protected Path defaultSpec(Path dir) {
        return findSpec(dir);
    }

    static Path findSpec(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (java.nio.file.Files.isRegularFile(d.resolve("release.yaml"))) {
                return d.resolve("release.yaml");
            }
            if (java.nio.file.Files.exists(d.resolve(".git"))) {
                break;  // not above the repository
            }
        }
        return dir.resolve("release.yaml");
    }

    private String pluginVersion() {
        try {
            return mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
        } catch (RuntimeException e) {
            return "0.1.0-SNAPSHOT";
        }
    }

    /** Timeout of one HTTP request; goals that talk to registries override it. */
    protected Duration httpTimeout() {
        return Duration.ofSeconds(60);
    }

    private String goal() {
        return mojoExecution != null ? mojoExecution.getGoal() : getClass().getSimpleName();
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

    /** A {@code -Dcrates.x=<duration>} parameter, or a located failure naming the property. */
    protected static Duration duration(String property, String text) throws MojoFailureException {
        try {
            return Durations.parse(text.trim());
        } catch (RuntimeException e) {
            throw new MojoFailureException("-D" + property + "=" + text + " is not a duration: write e.g. 500ms, 2s, "
                    + "1m30s");
        }
    }
}
