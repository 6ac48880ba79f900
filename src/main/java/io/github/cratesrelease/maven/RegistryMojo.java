package io.github.cratesrelease.maven;

import io.github.cratesrelease.registry.embedded.Fault;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.registry.embedded.RegistryService;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.run.RunContext;
import java.io.File;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves the embedded cargo registry in the foreground (sparse index and web API on 127.0.0.1), prints the
 * {@code .cargo/config.toml} snippet and variables to use it, and stops cleanly on Ctrl-C.
 */
@Mojo(name = "registry", requiresProject = false, threadSafe = true)
public class RegistryMojo extends AbstractCratesMojo {

    /** Port on 127.0.0.1; 0 picks a free one. */
    @Parameter(property = "crates.registry.port", defaultValue = "0")
    private int port;

    /** Storage directory; what is published survives restarts. Default: target/crates/registry. */
    @Parameter(property = "crates.registry.dir")
    private File dir;

    /** Delay before a new version becomes visible in the index (crates.io: about 1-2 s). */
    @Parameter(property = "crates.registry.lag", defaultValue = "0s")
    private String lag;

    /** Added before every response, as a registry across the internet answers (e.g. 40ms; benchmarks). */
    @Parameter(property = "crates.registry.latency", defaultValue = "0s")
    private String latency;

    /**
     * Name of an environment variable holding the token the registry requires for publishing (preferred over
     * {@code crates.registry.token}, which is visible in the process list).
     */
    @Parameter(property = "crates.registry.tokenEnv")
    private String tokenEnv;

    /** A throwaway token the registry requires for publishing (rehearsal only; never a real one). */
    @Parameter(property = "crates.registry.token")
    private String token;

    /** Require the token for the index and downloads too (cargo's auth-required registries). */
    @Parameter(property = "crates.registry.authRequired", defaultValue = "false")
    private boolean authRequired;

    /** Faults for the next publishes, e.g. {@code 429:5s*2,503,reset,slow:3s}. */
    @Parameter(property = "crates.registry.faults")
    private String faults;

    /** Registry name used in the printed configuration. */
    @Parameter(property = "crates.registry.name", defaultValue = "embedded")
    private String name;

    /** Stop after this long (for scripts); default: serve until Ctrl-C. */
    @Parameter(property = "crates.registry.stopAfter")
    private String stopAfter;

    @Override
    protected void doExecute(RunContext ctx) throws MojoFailureException {
        String secret = token;
        if (tokenEnv != null) {
            secret = System.getenv(tokenEnv);
            if (secret == null || secret.isEmpty()) {
                throw new MojoFailureException("crates.registry.tokenEnv names " + tokenEnv
                        + ", which is not set (export it, or drop -Dcrates.registry.tokenEnv)");
            }
        }
        RegistryOptions options;
        Duration limit;
        try {
            options = RegistryOptions.defaults(dir == null ? baseDirectory().resolve("target/crates/registry")
                    : baseDirectory().resolve(dir.toPath()))
                    .withPort(port)
                    .withIndexLag(Durations.parse(lag))
                    .withLatency(Durations.parse(latency))
                    .withToken(secret == null || secret.isEmpty() ? null : secret, authRequired)
                    .withFaults(Fault.parseList(faults));
            limit = stopAfter == null ? null : Durations.parse(stopAfter);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("invalid crates.registry.* setting: " + e.getMessage()
                    + " (durations look like 500ms, 2s, 1m; faults like 429:5s*2,503,reset,slow:3s)");
        }
        if (authRequired && options.token() == null) {
            throw new MojoFailureException("crates.registry.authRequired needs a token "
                    + "(-Dcrates.registry.tokenEnv=<variable> or -Dcrates.registry.token=<throwaway token>)");
        }
        new RegistryService(ctx.out()).serve(options, name, limit, ctx.dryRun());
    }
}
