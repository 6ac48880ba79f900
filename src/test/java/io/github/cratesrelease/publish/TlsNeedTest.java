package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.SpecLoader;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a publish sets TLS up ahead of its first request: only when a registry it names may be over https. */
class TlsNeedTest {

    @TempDir
    Path tmp;

    /** Every crate to a registry over http. */
    private static final String LOCAL_HTTP = """
            registries:
              local:
                index: sparse+http://127.0.0.1:8080/index/
            defaults:
              registry: local
            """;

    private ReleaseSpec spec(String body) {
        return new SpecLoader().load(Fixtures.write(tmp.resolve("release.yaml"), "version: 1\nworkspace: .\n" + body));
    }

    @Test
    void cratesIoIsHttps() {
        assertTrue(TargetResolver.mayNeedTls(spec(""), Map.of()));
    }

    @Test
    void registriesWhoseIndexIsHttpNeedNone() {
        assertFalse(TargetResolver.mayNeedTls(spec(LOCAL_HTTP), Map.of()));
    }

    @Test
    void cargosIndexVariableCounts() {
        ReleaseSpec s = spec("""
                defaults:
                  registry: bench
                """);
        assertFalse(TargetResolver.mayNeedTls(s, Map.of("CARGO_REGISTRIES_BENCH_INDEX", "sparse+http://127.0.0.1:9/index/")));
        assertTrue(TargetResolver.mayNeedTls(s, Map.of("CARGO_REGISTRIES_BENCH_INDEX", "sparse+https://feed.example/")));
        assertTrue(TargetResolver.mayNeedTls(s, Map.of()), "known only to cargo's configuration files: may be https");
    }

    @Test
    void oneCrateToAnHttpsRegistryIsEnough() {
        ReleaseSpec s = spec(LOCAL_HTTP + """
                crates:
                  demo-core:
                    registry: crates-io
                """);
        assertTrue(TargetResolver.mayNeedTls(s, Map.of()));
    }
}
