package io.github.cratesrelease.publish;

import io.github.cratesrelease.credentials.TokenResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What crates:publish (and crates:release) ask of the engine; build one with {@link #builder(Path)}.
 *
 * @param spec            the release spec
 * @param outputDirectory journal, report and packaged crates; null = {@code target/crates} next to the spec
 * @param dryRun          package and verify only: no upload, no credentials needed
 * @param rehearse        publish into a fresh embedded registry standing in for every target registry
 * @param verify          run cargo's verification build when packaging
 * @param parallelism     uploads at once, within a wave or across waves without waits (at least 1)
 * @param mode            how crates are uploaded
 * @param allowDirty      publish from a git tree with uncommitted changes
 * @param retries         attempts after a 5xx, a reset or a timeout, per crate
 * @param retryBackoff    first pause between such attempts (doubles, at most 60 s)
 * @param httpTimeout     connect/read/write timeout of one HTTP request
 * @param consumerCheck   after a rehearsal, build a scratch crate that depends on every published crate
 * @param servers         Maven settings.xml servers (decrypted), for {@code token: {server: id}}
 * @param crates          the crates to publish ({@code -Dcrates.crates}); empty: every crate of the plan
 * @param uploads         false: the run only reads registries (crates:tag), so no publish token is required
 */
public record PublishOptions(Path spec, Path outputDirectory, boolean dryRun, boolean rehearse, boolean verify,
        int parallelism, Mode mode, boolean allowDirty, int retries, Duration retryBackoff, Duration httpTimeout,
        boolean consumerCheck, TokenResolver.ServerLookup servers, Set<String> crates,
        boolean uploads) {

    public enum Mode {
        /** direct where the registry has a sparse index and a token is known, else cargo */
        AUTO,
        /** PUT the packaged .crate to the web API */
        DIRECT,
        /** {@code cargo publish --no-verify -p <crate>} */
        CARGO
    }

    /** The defaults of crates:publish for {@code spec}. */
    public static Builder builder(Path spec) {
        return new Builder(spec);
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        return new Builder(spec).outputDirectory(outputDirectory).dryRun(dryRun).rehearse(rehearse).verify(verify)
                .parallelism(parallelism).mode(mode).allowDirty(allowDirty).retries(retries)
                .retryBackoff(retryBackoff).httpTimeout(httpTimeout).consumerCheck(consumerCheck).servers(servers).crates(crates).uploads(uploads);
    }

    /** The same options for another spec and output directory. */
    public PublishOptions withSpec(Path otherSpec, Path otherOutput) {
        return new PublishOptions(otherSpec, otherOutput, dryRun, rehearse, verify, parallelism, mode, allowDirty,
                retries, retryBackoff, httpTimeout, consumerCheck, servers, crates, uploads);
    }

    /** Whether {@code crate} is to be published (all are without a selection). */
    public boolean selected(String crate) {
        return crates.isEmpty() || crates.contains(crate);
    }

    public static final class Builder {
        private final Path spec;
        private Path outputDirectory;
        private boolean dryRun;
        private boolean rehearse;
        private boolean verify = true;
        private int parallelism = 4;
        private Mode mode = Mode.AUTO;
        private boolean allowDirty;
        private int retries = 5;
        private Duration retryBackoff = Duration.ofSeconds(1);
        private Duration httpTimeout = Duration.ofSeconds(60);
        private boolean consumerCheck = true;
        private TokenResolver.ServerLookup servers;
        private Set<String> crates = Set.of();
        private boolean uploads = true;

        public Builder uploads(boolean v) {
            uploads = v;
            return this;
        }

        private Builder(Path spec) {
            this.spec = spec;
        }

        public Builder outputDirectory(Path v) {
            outputDirectory = v;
            return this;
        }

        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        public Builder rehearse(boolean v) {
            rehearse = v;
            return this;
        }

        public Builder verify(boolean v) {
            verify = v;
            return this;
        }

        public Builder parallelism(int v) {
            parallelism = v;
            return this;
        }

        public Builder mode(Mode v) {
            mode = v;
            return this;
        }

        public Builder allowDirty(boolean v) {
            allowDirty = v;
            return this;
        }

        public Builder retries(int v) {
            retries = v;
            return this;
        }

        public Builder retryBackoff(Duration v) {
            retryBackoff = v;
            return this;
        }

        public Builder httpTimeout(Duration v) {
            httpTimeout = v;
            return this;
        }

        public Builder consumerCheck(boolean v) {
            consumerCheck = v;
            return this;
        }

        public Builder servers(TokenResolver.ServerLookup v) {
            servers = v;
            return this;
        }

        /** Only these crates (empty or null: all). */
        public Builder crates(Set<String> v) {
            crates = v == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(v));
            return this;
        }

        public PublishOptions build() {
            return new PublishOptions(spec, outputDirectory, dryRun, rehearse, verify, Math.max(1, parallelism), mode,
                    allowDirty, retries, retryBackoff, httpTimeout, consumerCheck, servers, crates, uploads);
        }
    }
}
