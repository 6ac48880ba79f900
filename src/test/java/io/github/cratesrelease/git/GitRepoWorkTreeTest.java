package io.github.cratesrelease.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work tree in two git processes, read with the real git: repository or not, changes under a directory, HEAD. */
class GitRepoWorkTreeTest {

    @TempDir
    Path tmp;

    private GitRepo repo(Path dir) {
        return new GitRepo(new ProcessRunner(System.getenv()), dir);
    }

    @Test
    void outsideARepositoryNothingIsReported() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Fixtures.write(dir.resolve("Cargo.toml"), "[workspace]\n");
        GitRepo.WorkTree t = repo(dir).workTree(List.of());
        assertFalse(t.repository());
        assertEquals(List.of(), t.changes());
        assertNull(t.head());
    }

    @Test
    void beforeTheFirstCommitThereIsNoHeadAndEveryFileIsUntracked() {
        Path top = tmp.resolve("fresh");
        Fixtures.write(top.resolve("ws/Cargo.toml"), "[workspace]\n");
        Processes.ok(top, "git", "init", "-q", "-b", "main");
        GitRepo.WorkTree t = repo(top.resolve("ws")).workTree(List.of());
        assertTrue(t.repository());
        assertNull(t.head());
        assertEquals(List.of("?? ws/"), t.changes());  // git names an untracked directory, not its files
    }

    @Test
    void aWorkspaceInASubdirectorySeesItsOwnChangesOnlyAndLeavesTheIgnoredPrefixesOut() {
        Path top = tmp.resolve("repo");
        Fixtures.write(top.resolve("README.md"), "top\n");
        Fixtures.write(top.resolve("rust/Cargo.toml"), "[workspace]\n");
        Fixtures.write(top.resolve("rust/a/src/lib.rs"), "\n");
        PublishFixtures.gitCommit(top);
        String head = Processes.ok(top, "git", "rev-parse", "HEAD").strip();
        GitRepo.WorkTree clean = repo(top.resolve("rust")).workTree(List.of("target/"));
        assertEquals(new GitRepo.WorkTree(true, List.of(), head), clean);

        Fixtures.write(top.resolve("README.md"), "changed outside the workspace\n");
        Fixtures.write(top.resolve("rust/a/src/lib.rs"), "pub fn f() {}\n");
        Fixtures.write(top.resolve("rust/target/debug/out"), "build output\n");
        Fixtures.write(top.resolve("rust/target-crates/report.json"), "{}\n");
        GitRepo.WorkTree dirty = repo(top.resolve("rust")).workTree(List.of("target/", "target-crates/"));
        assertEquals(List.of("M rust/a/src/lib.rs"), dirty.changes());
        assertEquals(head, dirty.head());
    }
}
