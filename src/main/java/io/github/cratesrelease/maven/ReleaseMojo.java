package io.github.cratesrelease.maven;

import io.github.cratesrelease.release.ReleaseGoal;
import io.github.cratesrelease.release.ReleaseOptions;
import io.github.cratesrelease.run.RunContext;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The whole release in one command: validate, changelog check, pre-flight checks (all before anything is
 * uploaded), publish of what is new (as crates:publish), tags for what was published, push, post-publish actions
 * and a summary. A re-run resumes; {@code -Dcrates.rehearse} runs it all against a fresh embedded registry and a
 * copy of the repository; {@code -Dcrates.dryRun} simulates every step.
 */
@Mojo(name = "release", requiresProject = false, threadSafe = true)
public class ReleaseMojo extends PublishMojo {

    /** Push the tags to the spec's {@code tags.push} remote. */
    @Parameter(property = "crates.push", defaultValue = "true")
    private boolean push;

    /** Run the spec's post-publish actions. */
    @Parameter(property = "crates.postPublish", defaultValue = "true")
    private boolean postPublish;

    @Inject
    public ReleaseMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void doExecute(RunContext ctx) throws MojoFailureException {
        ReleaseGoal.release(ctx, new ReleaseOptions(publishOptions(ctx), push, postPublish));
    }
}
