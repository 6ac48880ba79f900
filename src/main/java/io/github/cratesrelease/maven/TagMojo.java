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
 * Tags (per the spec's {@code tags} section) every crate of the plan whose version is on its registry with the
 * content packaged from this commit, and pushes the tags; nothing is uploaded. crates:release does this itself;
 * this goal catches up after a publish made with crates:publish or by hand.
 */
@Mojo(name = "tag", requiresProject = false, threadSafe = true)
public class TagMojo extends PublishMojo {

    /** Push the tags to the spec's {@code tags.push} remote. */
    @Parameter(property = "crates.push", defaultValue = "true")
    private boolean push;

    @Inject
    public TagMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void doExecute(RunContext ctx) throws MojoFailureException {
        ReleaseGoal.tag(ctx, new ReleaseOptions(publishOptions(ctx), push, false));
    }
}
