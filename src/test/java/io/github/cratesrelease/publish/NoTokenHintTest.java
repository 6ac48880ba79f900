package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix for a missing token names the variable the spec declares, not cargo's default one. */
class NoTokenHintTest {

    @TempDir
    Path tmp;

    @Test
    void theDeclaredVariableIsTheOneToExport() {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok-1234", false))) {
            Path ws = PublishFixtures.chain(tmp.resolve("ws"), 1);
            Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none")
                    + "registries:\n  embedded:\n    token: { env: KELLNR_PUBLISH_TOKEN }\n");
            PublishFixtures.gitCommit(ws);
            Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r), Map.of());
            env.remove("KELLNR_PUBLISH_TOKEN");
            ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(env,
                    new RecordingReporter()).publish(PublishOptions.builder(ws.resolve("release.yaml")).verify(false)
                            .build()));
            String msg = e.fullMessage();
            assertTrue(msg.contains("no publish token for registry `embedded`"), msg);
            assertTrue(msg.contains("(export KELLNR_PUBLISH_TOKEN (the variable registries.embedded.token names))"),
                    msg);
            assertFalse(msg.contains("export CARGO_REGISTRIES_EMBEDDED_TOKEN"), msg);
            assertEquals(0, r.publishRequests());
        }
    }
}
