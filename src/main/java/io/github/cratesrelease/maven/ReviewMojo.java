package io.github.cratesrelease.maven;

import io.github.cratesrelease.review.ReviewGoal;
import io.github.cratesrelease.review.ReviewOptions;
import io.github.cratesrelease.run.RunContext;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reviews a release change, for pull requests: the spec and workspace at a base revision against the working tree —
 * spec changes, version changes and whether their level fits, new crates, new findings, the plan — as
 * {@code target/crates/review.md} and {@code review.json}; in GitHub Actions also annotations and the step summary.
 */
@Mojo(name = "review", requiresProject = false, threadSafe = true)
public class ReviewMojo extends AbstractCratesMojo {

    /** The base revision; default: the merge base with origin/main, else with main. */
    @Parameter(property = "crates.base")
    private String base;

    /** Fail the build on {@code error} (default), {@code warning}, or {@code never}. */
    @Parameter(property = "crates.review.failOn", defaultValue = "error")
    private String failOn;

    @Override
    protected void doExecute(RunContext ctx) throws MojoFailureException {
        String f = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        if (!Set.of("error", "warning", "never").contains(f)) {
            throw new MojoFailureException("-Dcrates.review.failOn=" + failOn + " is not a level: use error, warning "
                    + "or never");
        }
        ReviewGoal.review(ctx, new ReviewOptions(base, f, System.out::println));
    }
}
