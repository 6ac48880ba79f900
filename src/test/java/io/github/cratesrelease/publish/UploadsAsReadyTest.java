package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.Fault;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.registry.embedded.RegistryStore;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without waits between waves, a crate is uploaded as soon as the crates it depends on are up, not when its whole
 * wave is; with a wait, the wave is a barrier. Two chains, x1 <- y1 and x2 <- y2 (waves 1 and 2), 2 uploads at
 * once, and the first upload answered after 3 s: whichever x that is, the other chain's y gets past it.
 */
class UploadsAsReadyTest {

    @TempDir
    Path tmp;

    private List<String> publishOrder(String wait) {
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("tok", false).withFaults(List.of(Fault.slow(Duration.ofSeconds(3)))))) {
            Path ws = tmp.resolve("ws");
            TestWorkspace w = new TestWorkspace(ws).workspace("");
            for (int i = 1; i <= 2; i++) {
                w.crate("x" + i, "0.1.0", "publish = [\"embedded\"]\n");
                w.crate("y" + i, "0.1.0", "publish = [\"embedded\"]\n\n[dependencies]\nx" + i + " = { path = \"../x"
                        + i + "\", version = \"0.1.0\", registry = \"embedded\" }\n");
            }
            w.file(".gitignore", "target/\n");
            Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec(wait));
            PublishFixtures.gitCommit(ws);
            Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", registry),
                    Map.of("embedded", "tok"));
            RecordingReporter out = new RecordingReporter();
            PublishResult r = new PublishEngine(env, out).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                    .verify(false).parallelism(2).build());
            assertEquals(4, r.count(Status.PUBLISHED), String.join("\n", out.lines));
            assertTrue(out.lines.stream().anyMatch(l -> l.contains("[wave 2] y1 0.1.0 -> embedded: uploaded")),
                    String.join("\n", out.lines));
            return registry.published().stream().map(RegistryStore.Entry::name).toList();
        }
    }

    @Test
    void withoutWaitsACrateGoesUpWhenItsOwnDependenciesAre() {
        List<String> order = publishOrder("strategy: none");
        int slowX = order.indexOf("x1") > order.indexOf("x2") ? 1 : 2;
        int fastY = 3 - slowX;
        assertTrue(order.indexOf("y" + fastY) < order.indexOf("x" + slowX),
                "y" + fastY + " waits for x" + fastY + " only, not for the slow x" + slowX + ": " + order);
        assertTrue(order.indexOf("x1") < order.indexOf("y1") && order.indexOf("x2") < order.indexOf("y2"),
                "each y after its own x: " + order);
    }

    @Test
    void withAWaitTheWaveIsABarrier() {
        List<String> order = publishOrder("strategy: index\ntimeout: 30s\ninterval: 50ms");
        assertEquals(List.of("x1", "x2"), order.subList(0, 2).stream().sorted().toList(), "wave 1 first: " + order);
    }
}
