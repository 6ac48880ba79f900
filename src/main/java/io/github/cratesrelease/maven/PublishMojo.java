package io.github.cratesrelease.maven;

import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.release.PublishGoal;
import io.github.cratesrelease.run.RunContext;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Packages and verifies every crate of the plan once, then uploads them wave by wave (in parallel within a wave) to
 * their registries; skips what is already published, resumes from the journal, waits out 429s and retries 5xx.
 * {@code -Dcrates.rehearse} does it all against a fresh embedded registry standing in for every target registry;
 * {@code -Dcrates.dryRun} packages and verifies only.
 */
@Mojo(name = "publish", requiresProject = false, threadSafe = true)
public class PublishMojo extends AbstractCratesMojo {

    /** Publish into a fresh embedded registry instead of the real ones (nothing real is touched). */
    @Parameter(property = "crates.rehearse", defaultValue = "false")
    private boolean rehearse;

    /** Run cargo's verification build while packaging. */
    @Parameter(property = "crates.verify", defaultValue = "true")
    private boolean verify;

    /** Uploads at once (within a wave, or across waves where no registry waits between them). */
    @Parameter(property = "crates.parallelism", defaultValue = "4")
    private int parallelism;

    /** {@code auto} (direct where the registry has a sparse index), {@code direct} or {@code cargo}. */
    @Parameter(property = "crates.uploadMode", defaultValue = "auto")
    private String uploadMode;

    /** Publish from a git tree with uncommitted changes. */
    @Parameter(property = "crates.allowDirty", defaultValue = "false")
    private boolean allowDirty;

    /** Attempts after a 5xx answer, a reset connection or a timeout, per crate. */
    @Parameter(property = "crates.retries", defaultValue = "5")
    private int retries;

    /** First pause between such attempts; it doubles each time (at most 60s). */
    @Parameter(property = "crates.retryBackoff", defaultValue = "1s")
    private String retryBackoff;

    /** Timeout of one HTTP request to a registry. */
    @Parameter(property = "crates.httpTimeout", defaultValue = "60s")
    private String httpTimeout;

    /** After a rehearsal, build a scratch crate that depends on every published crate. */
    @Parameter(property = "crates.consumerCheck", defaultValue = "true")
    private boolean consumerCheck;

    /** Only these crates, comma-separated (their unpublished dependencies must be selected too); default: all. */
    @Parameter(property = "crates.crates")
    private String crates;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    private final SettingsDecrypter decrypter;

    @Inject
    public PublishMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected Duration httpTimeout() {
        try {
            return Durations.parse(httpTimeout.trim());
        } catch (RuntimeException e) {
            return super.httpTimeout();  // doExecute reports it
        }
    }

    @Override
    protected void doExecute(RunContext ctx) throws MojoFailureException {
        PublishGoal.publish(ctx, publishOptions(ctx));
    }

    /** The publish options these parameters make (crates:release and crates:tag build on them). */
    protected PublishOptions publishOptions(RunContext ctx) throws MojoFailureException {
        PublishOptions.Mode mode;
        try {
            mode = PublishOptions.Mode.valueOf(uploadMode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("-Dcrates.uploadMode=" + uploadMode + " is not a mode: use auto, direct or "
                    + "cargo");
        }
        PublishOptions options = PublishOptions.builder(ctx.spec()).outputDirectory(ctx.outputDirectory())
                .dryRun(ctx.dryRun()).rehearse(rehearse).verify(verify).parallelism(parallelism).mode(mode)
                .allowDirty(allowDirty).retries(retries).retryBackoff(duration("crates.retryBackoff", retryBackoff))
                .httpTimeout(duration("crates.httpTimeout", httpTimeout)).consumerCheck(consumerCheck)
                .servers(this::serverPassword).crates(selection()).build();
        return options;
    }

    private Set<String> selection() {
        Set<String> names = new LinkedHashSet<>();
        if (crates != null) {
            for (String n : crates.split(",")) {
                if (!n.isBlank()) {
                    names.add(n.strip());
                }
            }
        }
        return names;
    }

    /** The decrypted password of a settings.xml server, for {@code token: {server: id}}. */
    private Optional<String> serverPassword(String id) {
        if (settings == null) {
            return Optional.empty();
        }
        Server server = settings.getServer(id);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult res = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem p : res.getProblems()) {
            getLog().warn("settings.xml server " + id + ": " + p.getMessage());
        }
        Server s = res.getServer() != null ? res.getServer() : server;
        return Optional.ofNullable(s.getPassword());
    }

}
