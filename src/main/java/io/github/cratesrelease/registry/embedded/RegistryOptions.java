package io.github.cratesrelease.registry.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How an embedded registry runs.
 *
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 * @param directory     storage (index files, .crate files, received metadata); survives restarts
 * @param indexLag      delay before a published version becomes visible in the index
 * @param token         publish token (also needed for index and downloads when {@code authRequired}); null = none
 * @param authRequired  {@code auth-required: true} in config.json: every request needs the token
 * @param maxCrateBytes largest accepted .crate (crates.io: 10 MiB)
 * @param faults        faults for the next publishes, in order
 * @param latency       added before every response, as a registry across the internet answers (zero: none)
 */
public record RegistryOptions(int port, Path directory, Duration indexLag, String token, boolean authRequired,
        long maxCrateBytes, List<Fault> faults, Duration latency) {

    public static final long CRATES_IO_MAX_CRATE_BYTES = 10L * 1024 * 1024;

    public static RegistryOptions defaults(Path directory) {
        return new RegistryOptions(0, directory, Duration.ZERO, null, false, CRATES_IO_MAX_CRATE_BYTES, List.of(),
                Duration.ZERO);
    }

    public RegistryOptions withPort(int p) {
        return new RegistryOptions(p, directory, indexLag, token, authRequired, maxCrateBytes, faults, latency);
    }

    public RegistryOptions withIndexLag(Duration lag) {
        return new RegistryOptions(port, directory, lag, token, authRequired, maxCrateBytes, faults, latency);
    }

    public RegistryOptions withToken(String t, boolean required) {
        return new RegistryOptions(port, directory, indexLag, t, required, maxCrateBytes, faults, latency);
    }

    public RegistryOptions withMaxCrateBytes(long max) {
        return new RegistryOptions(port, directory, indexLag, token, authRequired, max, faults, latency);
    }

    public RegistryOptions withFaults(List<Fault> f) {
        return new RegistryOptions(port, directory, indexLag, token, authRequired, maxCrateBytes, List.copyOf(f), latency);
    }

    public RegistryOptions withLatency(Duration l) {
        return new RegistryOptions(port, directory, indexLag, token, authRequired, maxCrateBytes, faults, l);
    }

    @Override
    public String toString() {
        // never the token itself
        return "RegistryOptions[port=" + port + ", directory=" + directory + ", indexLag=" + indexLag + ", token="
                + (token == null ? "none" : "set") + ", authRequired=" + authRequired + ", maxCrateBytes="
                + maxCrateBytes + ", faults=" + faults + ", latency=" + latency + "]";
    }
}
