package io.github.cratesrelease.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per output directory: refused while a live run holds it, taken over when its holder is dead. */
class RunLockTest {

    @TempDir
    Path tmp;

    private final RecordingReporter log = new RecordingReporter();

    private RunContext ctx() {
        return RunContext.builder(Map.of(), log).outputDirectory(tmp.resolve("out")).build();
    }

    private void lockFile(long pid, String host, Instant processStart) throws Exception {
        Path f = RunLock.file(tmp.resolve("out"));
        Files.createDirectories(f.getParent());
        Files.writeString(f, "pid=" + pid + "\nhost=" + host + "\nsince=2026-01-02T16:02:11Z\ngoal=release\n"
                + "processStart=" + (processStart == null ? "" : processStart) + "\n");
    }

    @Test
    void aLiveHolderOnThisHostIsRefusedWithItsPidHostAndStart() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            lockFile(other.pid(), RunLock.host(), other.info().startInstant().orElse(null));
            ReleaseException e = assertThrows(ReleaseException.class, () -> RunLock.acquire(ctx(), tmp.resolve("out"),
                    "publish"));
            String msg = e.fullMessage();
            assertTrue(msg.contains("another crates:release (pid " + other.pid() + " on " + RunLock.host()
                    + ", since "), msg);
            assertTrue(msg.contains("holds " + RunLock.file(tmp.resolve("out"))), msg);
            assertTrue(msg.contains("wait for it to finish"), msg);
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // once it is dead, the lock is stale: taken over, with a message
        try (RunLock lock = RunLock.acquire(ctx(), tmp.resolve("out"), "publish")) {
            assertTrue(log.text().contains("Taking over " + RunLock.file(tmp.resolve("out")) + ": its holder, "
                    + "crates:release (pid "), log.text());
            assertTrue(Files.readString(RunLock.file(tmp.resolve("out"))).contains("pid="
                    + ProcessHandle.current().pid()));
        }
        assertFalse(Files.exists(RunLock.file(tmp.resolve("out"))), "released on close");
    }

    @Test
    void aHolderOnAnotherHostIsRefusedWithTheFileToDeleteIfItIsDead() throws Exception {
        lockFile(4242, "ci-runner-7", null);
        ReleaseException e = assertThrows(ReleaseException.class, () -> RunLock.acquire(ctx(), tmp.resolve("out"),
                "release"));
        assertTrue(e.fullMessage().contains("(pid 4242 on ci-runner-7, since "), e.fullMessage());
        assertTrue(e.fullMessage().contains("if it is dead (it ran on another host, which this run cannot check), "
                + "delete " + RunLock.file(tmp.resolve("out"))), e.fullMessage());
    }

    @Test
    void aPidReusedByALaterProcessIsStale() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            // the lock's holder started long before the process that has its pid now
            lockFile(other.pid(), RunLock.host(), Instant.parse("2020-01-01T00:00:00Z"));
            try (RunLock lock = RunLock.acquire(ctx(), tmp.resolve("out"), "publish")) {
                assertTrue(log.text().contains("Taking over"), log.text());
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aSecondRunInThisJvmIsRefusedAndTheSameThreadReenters() throws Exception {
        try (RunLock outer = RunLock.acquire(ctx(), tmp.resolve("out"), "redist");
                RunLock inner = RunLock.acquire(ctx(), tmp.resolve("out"), "publish")) {
            CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
                try (RunLock l = RunLock.acquire(ctx(), tmp.resolve("out"), "publish")) {
                    return null;
                } catch (ReleaseException e) {
                    return e;
                }
            });
            Throwable t = other.get(10, TimeUnit.SECONDS);
            assertTrue(t instanceof ReleaseException && ((ReleaseException) t).fullMessage().contains(
                    "another crates:redist (pid " + ProcessHandle.current().pid()), String.valueOf(t));
        }
        assertFalse(Files.exists(RunLock.file(tmp.resolve("out"))));
        assertEquals(0, log.lines.size(), log.text());
    }
}
