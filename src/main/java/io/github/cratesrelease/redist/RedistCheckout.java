package io.github.cratesrelease.redist;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.spec.ReleaseSpec.RedistSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The upstream repository at the pinned revision, in {@code target/crates/redist/<name>}: cloned with the real git
 * CLI (a shallow fetch of the revision where the server allows it, else a full fetch), checked out detached, reset
 * to exactly that commit on every run.
 */
final class RedistCheckout {

    private RedistCheckout() {
    }

    /** The source URL as git takes it: a local path is made absolute against the spec's directory. */
    static String url(RedistSpec r, Path specDir) {
        String g = r.git();
        if (g.contains("://") || g.matches("^[^/]+@[^:]+:.*")) {
            return g;
        }
        return specDir.resolve(g).toAbsolutePath().normalize().toString();
    }

    /** Checks out {@code r.rev()} in {@code dir}; returns the commit. */
    static String checkout(RunContext ctx, RedistSpec r, String url, Path dir) {
        GitRepo git = ctx.git(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        if (!Files.isDirectory(dir.resolve(".git"))) {
            git.git("git init failed", "init", "--quiet");
            git.git("git remote add failed", "remote", "add", "origin", url);
        } else {
            run(git, "remote", "set-url", "origin", url);
        }
        String commit = r.pinsCommit() ? git.commit(r.rev()) : null;
        if (commit == null) {
            ctx.out().info("[redist " + r.name() + "] fetching " + r.rev() + " from " + url);
            if (run(git, "fetch", "--quiet", "--depth", "1", "origin", r.rev()).ok()) {
                commit = git.commit("FETCH_HEAD");
            }
        }
        if (commit == null || r.pinsCommit() && !commit.startsWith(r.rev())) {
            ProcessRunner.Result all = run(git, "fetch", "--quiet", "--tags", "--force", "origin",
                    "+refs/heads/*:refs/remotes/origin/*");
            if (!all.ok()) {
                throw new ReleaseException(Diagnostic.error(r.location(), "cannot fetch redist source " + r.name()
                        + " from " + url + ": " + String.join(" ", all.output()).strip(), "check git: and your "
                                + "access to the repository"));
            }
            commit = git.commit(r.rev());
            if (commit == null) {
                commit = git.commit("refs/remotes/origin/" + r.rev());
            }
        }
        if (commit == null) {
            throw new ReleaseException(Diagnostic.error(r.revLocation(), "rev " + r.rev() + " of redist source "
                    + r.name() + " is not in " + url + "; nothing was uploaded", "name a commit, tag or branch of that "
                            + "repository (git ls-remote " + url + ")"));
        }
        if (r.pinsCommit() && !commit.equals(r.rev())) {
            throw new ReleaseException(Diagnostic.error(r.revLocation(), "rev " + r.rev() + " resolved to " + commit
                    + "; nothing was uploaded", "give the full commit hash"));
        }
        if (!r.pinsCommit() && !run(git, "ls-remote", "--heads", "origin", r.rev()).stdout()
                .isEmpty()) {
            ctx.out().warn("[redist " + r.name() + "] rev " + r.rev() + " is a branch: it moves, and what is "
                    + "republished with it; pin the commit (rev: " + commit + ")");
        }
        git.git("git checkout of " + commit + " failed", "checkout", "--quiet", "--force", "--detach", commit);
        git.git("git clean failed", "clean", "-fdq");
        ctx.out().info("[redist " + r.name() + "] " + url + " at " + commit.substring(0, 12) + " in " + dir);
        return commit;
    }

    /**
     * Commits the patched manifests with a message and dates derived from the upstream commit, so a re-run makes the
     * same commit (and the same packages, byte for byte).
     */
    static String commit(RunContext ctx, Path dir, String upstream, String message) {
        GitRepo git = ctx.git(dir);
        String date = git.git("git show failed", "show", "-s", "--format=%cI", upstream).stdout().get(0).strip();
        Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "crates-redist", "GIT_AUTHOR_EMAIL",
                "crates-redist@localhost", "GIT_COMMITTER_NAME", "crates-redist", "GIT_COMMITTER_EMAIL",
                "crates-redist@localhost", "GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date);
        ctx.runner().run(dir, env, List.of("git", "add", "-A"), null, null).orThrow("git add failed");
        ctx.runner().run(dir, env, List.of("git", "-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify",
                "-F", "-"), message, null).orThrow("git commit failed");
        return git.head();
    }

    private static ProcessRunner.Result run(GitRepo git, String... args) {
        try {
            return git.git("git " + args[0], args);
        } catch (io.github.cratesrelease.process.CommandException e) {
            return new ProcessRunner.Result(List.of(args), 1, List.of(), List.of(e.getMessage()));
        }
    }
}
