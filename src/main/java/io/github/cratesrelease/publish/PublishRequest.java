package io.github.cratesrelease.publish;

import io.github.cratesrelease.credentials.TokenResolver;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What crates:publish (and crates:release) ask of the engine.
 *
 * @param spec            the release spec
 * @param outputDirectory journal, report and packaged crates; null = {@code target/crates} next to the spec
 * @param dryRun          package and verify only: no upload, no credentials needed
 * @param rehearse        publish into a fresh embedded registry standing in for every target registry
 * @param verify          run cargo's verification build when packaging
 * @param parallelism     uploads at once within a wave (at least 1)
 * @param mode            how crates are uploaded
 * @param allowDirty      publish from a git tree with uncommitted changes
 * @param retries         attempts after a 5xx, a reset or a timeout, per crate
 * @param retryBackoff    first pause between such attempts (doubles, at most 60 s)
 * @param httpTimeout     connect/read/write timeout of one HTTP request
 * @param consumerCheck   after a rehearsal, build a scratch crate that depends on every published crate
 * @param servers         Maven settings.xml servers (decrypted), for {@code token: {server: id}}
 */
public record PublishRequest(Path spec, Path outputDirectory, boolean dryRun, boolean rehearse, boolean verify,
        int parallelism, Mode mode, boolean allowDirty, int retries, Duration retryBackoff, Duration httpTimeout,
        boolean consumerCheck, TokenResolver.ServerLookup servers) {

    public enum Mode {
        /** direct where the registry has a sparse index and a token is known, else cargo */
        AUTO,
        /** PUT the packaged .crate to the web API */
        DIRECT,
        /** {@code cargo publish --no-verify -p <crate>} */
        CARGO
    }

    public static PublishRequest of(Path spec) {
        return new PublishRequest(spec, null, false, false, true, 4, Mode.AUTO, false, 5, Duration.ofSeconds(1),
                Duration.ofSeconds(60), true, null);
    }

    public Path resolvedOutputDirectory() {
        if (outputDirectory != null) {
            return outputDirectory.toAbsolutePath().normalize();
        }
        return spec.toAbsolutePath().normalize().getParent().resolve("target").resolve("crates");
    }

    public PublishRequest withRehearse(boolean r) {
        return new PublishRequest(spec, outputDirectory, dryRun, r, verify, parallelism, mode, allowDirty, retries,
                retryBackoff, httpTimeout, consumerCheck, servers);
    }

    public PublishRequest withDryRun(boolean d) {
        return new PublishRequest(spec, outputDirectory, d, rehearse, verify, parallelism, mode, allowDirty, retries,
                retryBackoff, httpTimeout, consumerCheck, servers);
    }

    public PublishRequest withMode(Mode m) {
        return new PublishRequest(spec, outputDirectory, dryRun, rehearse, verify, parallelism, m, allowDirty, retries,
                retryBackoff, httpTimeout, consumerCheck, servers);
    }

    public PublishRequest withVerify(boolean v) {
        return new PublishRequest(spec, outputDirectory, dryRun, rehearse, v, parallelism, mode, allowDirty, retries,
                retryBackoff, httpTimeout, consumerCheck, servers);
    }

    public PublishRequest withRetries(int n, Duration backoff) {
        return new PublishRequest(spec, outputDirectory, dryRun, rehearse, verify, parallelism, mode, allowDirty, n,
                backoff, httpTimeout, consumerCheck, servers);
    }

    public PublishRequest withOutputDirectory(Path dir) {
        return new PublishRequest(spec, dir, dryRun, rehearse, verify, parallelism, mode, allowDirty, retries,
                retryBackoff, httpTimeout, consumerCheck, servers);
    }

    public PublishRequest withConsumerCheck(boolean c) {
        return new PublishRequest(spec, outputDirectory, dryRun, rehearse, verify, parallelism, mode, allowDirty,
                retries, retryBackoff, httpTimeout, c, servers);
    }

    public PublishRequest withParallelism(int p) {
        return new PublishRequest(spec, outputDirectory, dryRun, rehearse, verify, p, mode, allowDirty, retries,
                retryBackoff, httpTimeout, consumerCheck, servers);
    }

    public PublishRequest withAllowDirty(boolean a) {
        return new PublishRequest(spec, outputDirectory, dryRun, rehearse, verify, parallelism, mode, a, retries,
                retryBackoff, httpTimeout, consumerCheck, servers);
    }

    public PublishRequest withServers(TokenResolver.ServerLookup s) {
        return new PublishRequest(spec, outputDirectory, dryRun, rehearse, verify, parallelism, mode, allowDirty,
                retries, retryBackoff, httpTimeout, consumerCheck, s);
    }
}
