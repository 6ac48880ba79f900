package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token is checked against the registry while cargo packages (offline packaging needs no registry): a refusal
 * that arrives while cargo verifies stops cargo at once, and nothing is uploaded.
 */
class TokenCheckTest {

    @TempDir
    Path tmp;

    @Test
    void aRefusalArrivingWhileCargoVerifiesStopsItAndNothingIsUploaded() {
        // every answer takes 3 s (the refusal is two: 401, then 403 for the token), so cargo is verifying by then;
        // the build script would keep it busy for two minutes
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken("the-right-token", true).withLatency(Duration.ofSeconds(3)))) {
            Path ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
            // busy for two minutes, or until cargo is gone (then it is an orphan: its parent changes)
            Fixtures.write(ws.resolve("crates/c1/build.rs"), """
                    fn main() {
                        let parent = std::os::unix::process::parent_id();
                        for _ in 0..1200 {
                            if std::os::unix::process::parent_id() != parent {
                                return;
                            }
                            std::thread::sleep(std::time::Duration::from_millis(100));
                        }
                    }
                    """);
            Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none"));
            PublishFixtures.gitCommit(ws);
            Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", registry),
                    Map.of("embedded", "a-wrong-token"));
            List<List<String>> launched = new CopyOnWriteArrayList<>();
            ProcessRunner runner = new ProcessRunner(env);
            runner.onLaunch(launched::add);
            RecordingReporter out = new RecordingReporter();
            long t0 = System.nanoTime();
            ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(env, out, runner)
                    .publish(PublishOptions.builder(ws.resolve("release.yaml")).verify(true).build()),
                    () -> String.join("\n", out.lines));
            long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
            String message = e.fullMessage();
            assertTrue(message.contains("release.yaml:"), message);
            assertTrue(message.contains("the token for registry `embedded` was refused (HTTP 403)"), message);
            assertTrue(message.contains("packaging was stopped and nothing was uploaded"), message);
            assertTrue(launched.stream().anyMatch(c -> c.contains("package")), "cargo package ran: " + launched);
            assertTrue(seconds < 60, "stopped within seconds, not after the build script's two minutes: " + seconds);
            assertEquals(0, registry.publishRequests(), "nothing uploaded");
            assertFalse(out.lines.stream().anyMatch(l -> l.startsWith("[INFO] Packaged ")), String.join("\n",
                    out.lines));
        }
    }
}
