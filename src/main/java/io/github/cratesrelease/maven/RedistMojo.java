package io.github.cratesrelease.maven;

import io.github.cratesrelease.redist.RedistGoal;
import io.github.cratesrelease.run.RunContext;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Republishes third-party crates from a pinned git revision to a registry of yours, per the spec's {@code redist}
 * sources: checkout in {@code target/crates/redist/<name>}, manifests patched (sibling versions and registry,
 * declared patches, provenance) and committed locally, then published with the publish steps (order, tokens,
 * waits, resume, skip what is there, {@code -Dcrates.rehearse}, {@code -Dcrates.dryRun}).
 */
@Mojo(name = "redist", requiresProject = false, threadSafe = true)
public class RedistMojo extends PublishMojo {

    /** Only these sources, comma-separated (default: every redist source of the spec). */
    @Parameter(property = "crates.redist.sources")
    private String sources;

    @Inject
    public RedistMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void doExecute(RunContext ctx) throws MojoFailureException {
        Set<String> only = new LinkedHashSet<>();
        if (sources != null) {
            for (String s : sources.split(",")) {
                if (!s.isBlank()) {
                    only.add(s.strip());
                }
            }
        }
        RedistGoal.redist(ctx, publishOptions(ctx), only);
    }
}
