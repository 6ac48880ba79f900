package io.github.cratesrelease.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release killed (SIGKILL) while it creates the tags, then run again: the tags catch up, nothing is re-uploaded. */
class ReleaseKillTest {

    @TempDir
    Path tmp;

    private EmbeddedRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aReleaseKilledWhileTaggingIsCompletedByTheNextRun() throws Exception {
        registry = PublishFixtures.start(tmp.resolve("reg"), 0, "tok-5678");
        Path ws = PublishFixtures.chain(tmp.resolve("ws"), 3);
        Files.writeString(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none"));
        ReleaseFixtures.commit(ws, "initial");
        // git's reference-transaction hook holds the c2 tag until the test kills the release (and then the hook)
        Path mark = tmp.resolve("tagging-c2.pid");
        Path hook = ws.resolve(".git/hooks/reference-transaction");
        Files.writeString(hook, """
                #!/bin/sh
                [ -n "$CRATES_TEST_MARK" ] || exit 0
                [ "$1" = prepared ] || exit 0
                while read old new ref; do
                  case "$ref" in
                    refs/tags/c2-v*) sleep 120 & echo $! > "$CRATES_TEST_MARK"; wait; exit 1;;
                  esac
                done
                exit 0
                """);
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = ReleaseFixtures.env(tmp, registry, "tok-5678");

        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReleaseMain.class.getName(), ws.resolve("release.yaml").toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("CRATES_TEST_MARK", mark.toString());
        Process child = pb.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!(Files.exists(mark) && Files.size(mark) > 0) && System.currentTimeMillis() < deadline
                && child.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(mark), "the release reached the c2 tag: " + Files.readString(tmp.resolve("child.log")));
        child.destroyForcibly();  // SIGKILL while git creates the c2 tag
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        long sleeper = Long.parseLong(Files.readString(mark).strip());
        ProcessHandle.of(sleeper).ifPresent(ProcessHandle::destroyForcibly);  // the hook ends, git aborts the tag
        for (int i = 0; i < 100 && Files.exists(ws.resolve(".git/refs/tags/c2-v0.1.0.lock")); i++) {
            Thread.sleep(50);
        }
        assertEquals(3, registry.published().size(), Files.readString(tmp.resolve("child.log")));
        assertEquals(List.of("c1-v0.1.0"), ReleaseFixtures.tagsAtHead(ws), "killed after the first tag");
        String journal = Files.readString(ws.resolve("target/crates/release-journal.json"));
        assertTrue(journal.contains("\"finished\" : false"), journal);

        RecordingReporter log = new RecordingReporter();
        ReleaseGoal.Result r = ReleaseFixtures.release(env, log, ReleaseFixtures.options(ws).build());
        assertEquals(0, r.publishedNow(), log.text());
        assertEquals(3, registry.publishRequests(), "nothing uploaded twice");
        assertEquals(List.of("c1-v0.1.0", "c2-v0.1.0", "c3-v0.1.0"), ReleaseFixtures.tagsAtHead(ws));
        assertTrue(log.text().contains("Resuming the release recorded in"), log.text());
        assertTrue(log.text().contains("Tags: 2 created, 1 already there"), log.text());
        assertTrue(log.text().contains("0 published by this run; 3 by the interrupted run"), log.text());
    }

    @Test
    void ctrlCDuringASlowUploadPrintsWhatIsDoneAndTheCommandThatResumes() throws Exception {
        registry = PublishFixtures.start(tmp.resolve("reg"), 0, "tok-5678");
        registry.injectFaults(io.github.cratesrelease.registry.embedded.Fault.slow(java.time.Duration.ofSeconds(30)));
        Path ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
        Files.writeString(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none"));
        ReleaseFixtures.commit(ws, "initial");
        Map<String, String> env = ReleaseFixtures.env(tmp, registry, "tok-5678");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = tmp.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReleaseMain.class.getName(), ws.resolve("release.yaml").toString()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process child = pb.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.readString(out).contains("so far") && System.currentTimeMillis() < deadline
                && child.isAlive()) {
            Thread.sleep(50);
        }
        String before = Files.readString(out);
        assertTrue(before.contains("[wave 1] c1 0.1.0: uploading ") && before.contains("KiB to `embedded`, 2s so far"),
                "a line once an upload runs over 2 s: " + before);
        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        String log = Files.readString(out);
        assertTrue(log.contains("interrupted: 0 of 2 crate(s) published; run mvn crates:release -Dcrates.spec="
                + ws.resolve("release.yaml") + " to resume (nothing is uploaded twice)"), log);
    }
}
