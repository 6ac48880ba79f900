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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What crates:release refuses before anything is packaged or uploaded: every problem at once, located. */
class ReleaseRefusalsTest {

    @TempDir
    Path tmp;

    private EmbeddedRegistry registry;
    private Path ws;

    @BeforeEach
    void chain() {
        registry = PublishFixtures.start(tmp.resolve("reg"), 0, "tok-5678");
        ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private String refused(String specExtra, String token) throws Exception {
        Files.writeString(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none") + specExtra);
        if (!Files.isDirectory(ws.resolve(".git"))) {
            ReleaseFixtures.commit(ws, "initial");
        }
        RecordingReporter log = new RecordingReporter();
        ReleaseException e = assertThrows(ReleaseException.class, () -> ReleaseFixtures.release(
                ReleaseFixtures.env(tmp, registry, token), log, ReleaseFixtures.options(ws).build()));
        String msg = e.fullMessage();
        assertEquals(0, registry.publishRequests(), "nothing uploaded");
        assertFalse(log.text().contains("Packaging"), "refused before packaging: " + log.text());
        assertFalse(msg.contains("Exception") || msg.contains("\tat "), "no stack trace: " + msg);
        assertTrue(msg.contains("before anything was uploaded"), msg);
        return msg + "\n" + log.text();
    }

    @Test
    void aTagOfTheVersionAtAnotherCommitIsRefusedNamingBothCommits() throws Exception {
        ReleaseFixtures.commit(ws, "initial");
        String old = ReleaseFixtures.git(ws, "rev-parse", "HEAD");
        ReleaseFixtures.git(ws, "tag", "c1-v0.1.0");
        Files.writeString(ws.resolve("crates/c1/src/lib.rs"), "pub fn v() -> u32 { 7 }\n");
        ReleaseFixtures.commit(ws, "change");
        String head = ReleaseFixtures.git(ws, "rev-parse", "HEAD");
        String msg = refused("", "tok-5678");
        assertTrue(msg.contains("tag c1-v0.1.0 exists at commit " + old.substring(0, 12) + ", not at HEAD ("
                + head.substring(0, 12) + "), and c1 0.1.0 is not on `embedded`"), msg);
        assertTrue(msg.contains("crates/c1/Cargo.toml"), msg);
        assertTrue(msg.contains("git tag -d c1-v0.1.0"), msg);
    }

    @Test
    void aDirtyTreeOnABranchThatIsNotAllowedIsRefusedWithBothProblemsAtOnce() throws Exception {
        ReleaseFixtures.commit(ws, "initial");
        ReleaseFixtures.git(ws, "checkout", "-q", "-b", "feature/x");
        Files.writeString(ws.resolve("crates/c2/src/lib.rs"), "pub fn v() -> u32 { 9 }\n");
        String msg = refused("release:\n  branches: [main, \"release/*\"]\n", "tok-5678");
        assertTrue(msg.contains("uncommitted change(s) in the workspace"), msg);
        assertTrue(msg.contains("-Dcrates.allowDirty=true"), msg);
        assertTrue(msg.contains("the release runs on branch `feature/x`; release.branches allows main, release/*"),
                msg);
        assertTrue(msg.contains("release.yaml:"), "located: " + msg);
    }

    @Test
    void anUnreachableRegistryIsNamedWithItsUrl() throws Exception {
        int port = PublishFixtures.freePort();
        String msg = refused("registries:\n  embedded:\n    index: sparse+http://127.0.0.1:" + port + "/index/\n",
                "tok-5678");
        assertTrue(msg.contains("registry `embedded` at sparse+http://127.0.0.1:" + port + "/index/ is unreachable: "
                + "connection refused — is it running?"), msg);
    }

    @Test
    void aMissingTokenIsRefused() throws Exception {
        String msg = refused("", null);
        assertTrue(msg.contains("no publish token for registry `embedded`"), msg);
        assertTrue(msg.contains("CARGO_REGISTRIES_EMBEDDED_TOKEN"), msg);
    }

    @Test
    void aBranchBehindItsUpstreamIsRefused() throws Exception {
        ReleaseFixtures.commit(ws, "initial");
        Path origin = tmp.resolve("origin.git");
        ReleaseFixtures.git(tmp, "init", "-q", "--bare", origin.toString());
        ReleaseFixtures.git(ws, "remote", "add", "origin", origin.toString());
        ReleaseFixtures.git(ws, "push", "-q", "-u", "origin", "main");
        Files.writeString(ws.resolve("NOTES.md"), "later\n");
        ReleaseFixtures.commit(ws, "later");
        ReleaseFixtures.git(ws, "push", "-q", "origin", "main");
        ReleaseFixtures.git(ws, "reset", "-q", "--hard", "HEAD~1");
        String msg = refused("", "tok-5678");
        assertTrue(msg.contains("the branch is 1 commit(s) behind its upstream origin/main"), msg);
    }
}
