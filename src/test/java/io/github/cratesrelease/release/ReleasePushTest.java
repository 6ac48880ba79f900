package io.github.cratesrelease.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push of the tags: rejected with the remote's words and the command that pushes again; idempotent. */
class ReleasePushTest {

    @TempDir
    Path tmp;

    @Test
    void aRejectedPushStopsWithTheRemotesMessageAndTheNextRunPushesOnlyWhatIsMissing() throws Exception {
        try (EmbeddedRegistry registry = PublishFixtures.start(tmp.resolve("reg"), 0, "tok-5678")) {
            Path ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
            Files.writeString(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none")
                    + "tags:\n  push: origin\n");
            ReleaseFixtures.commit(ws, "initial");
            Path origin = tmp.resolve("origin.git");
            ReleaseFixtures.git(tmp, "init", "-q", "--bare", origin.toString());
            ReleaseFixtures.git(ws, "remote", "add", "origin", origin.toString());
            Path hook = origin.resolve("hooks/pre-receive");
            Files.writeString(hook, "#!/bin/sh\necho 'tags are protected on this remote' >&2\nexit 1\n");
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> env = ReleaseFixtures.env(tmp, registry, "tok-5678");

            RecordingReporter log = new RecordingReporter();
            ReleaseException e = assertThrows(ReleaseException.class, () -> ReleaseFixtures.release(env, log,
                    ReleaseFixtures.options(ws).build()));
            String msg = e.fullMessage();
            assertTrue(msg.contains("git push origin was rejected"), msg);
            assertTrue(msg.contains("tags are protected on this remote"), "the remote's words: " + msg);
            assertTrue(msg.contains("the crates are published and the tags exist locally"), msg);
            assertTrue(msg.contains("git push origin c1-v0.1.0 c2-v0.1.0"), msg);
            assertEquals(2, registry.published().size());
            assertEquals(2, ReleaseFixtures.tagsAtHead(ws).size());

            Files.delete(hook);
            RecordingReporter again = new RecordingReporter();
            ReleaseFixtures.release(env, again, ReleaseFixtures.options(ws).build());
            assertTrue(again.text().contains("Pushed 2 tag(s) to origin"), again.text());
            assertEquals(2, ReleaseFixtures.git(ws, "ls-remote", "--tags", "--refs", "origin").lines().count());
            assertEquals(2, registry.publishRequests(), "nothing uploaded twice");

            RecordingReporter third = new RecordingReporter();
            ReleaseFixtures.release(env, third, ReleaseFixtures.options(ws).build());
            assertTrue(third.text().contains("Push: the 2 tag(s) are on origin already"), third.text());
            assertFalse(third.text().contains("Pushed"), third.text());
            assertTrue(third.text().contains("Nothing to release"), third.text());
        }
    }
}
