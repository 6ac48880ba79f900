package io.github.cratesrelease.git;

import io.github.cratesrelease.process.CommandException;
import io.github.cratesrelease.process.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The few git facts a release needs, read with the real git binary. */
public final class GitRepo {
    private final ProcessRunner runner;
    private final Path dir;

    public GitRepo(ProcessRunner runner, Path dir) {
        this.runner = runner;
        this.dir = dir;
    }

    public boolean isRepository() {
        return runner.run(dir, Map.of(), List.of("git", "rev-parse", "--is-inside-work-tree"), null, null).exit() == 0;
    }

    /** The commit checked out, or null outside a repository or before the first commit. */
    public String head() {
        ProcessRunner.Result r = runner.run(dir, Map.of(), List.of("git", "rev-parse", "HEAD"), null, null);
        return r.exit() == 0 && !r.stdout().isEmpty() ? r.stdout().get(0).strip() : null;
    }

    /**
     * The work tree at {@code dir} in two git processes: whether it is in a repository, its changed or untracked
     * files (as {@code git status --porcelain} prints them, under {@code dir} only, leaving out the given prefixes
     * relative to it: build output), and the commit checked out (null before the first commit).
     */
    public WorkTree workTree(List<String> ignoredPrefixes) {
        // the prefix of dir in its repository and HEAD at once: exit 128 outside a repository, 1 before a commit
        ProcessRunner.Result rev = runner.run(dir, Map.of(), List.of("git", "rev-parse", "--show-prefix", "--verify",
                "-q", "HEAD"), null, null);
        if (rev.exit() != 0 && rev.exit() != 1) {
            return new WorkTree(false, List.of(), null);
        }
        List<String> lines = rev.stdout();
        String head = rev.exit() == 0 && !lines.isEmpty() ? lines.get(lines.size() - 1).strip() : null;
        int prefixLines = lines.size() - (head == null ? 0 : 1);
        String prefix = prefixLines > 0 ? lines.get(0).strip() : "";
        ProcessRunner.Result r = runner.run(dir, Map.of(), List.of("git", "status", "--porcelain=v1",
                "--untracked-files=normal", "--", "."), null, null);
        List<String> out = new ArrayList<>();
        for (String line : r.stdout()) {
            if (line.length() < 4) {
                continue;
            }
            String path = line.substring(3).strip();
            if (path.startsWith("\"")) {
                path = path.substring(1);
            }
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
            }
            if (ignoredPrefixes.stream().noneMatch(path::startsWith)) {
                out.add(line.strip());
            }
        }
        return new WorkTree(true, out, head == null || head.isEmpty() ? null : head);
    }

    /** A work tree as {@link #workTree} read it. */
    public record WorkTree(boolean repository, List<String> changes, String head) {
    }

    /** Of the given files, those with uncommitted changes (or untracked), as git prints them. */
    public List<String> dirty(List<Path> files) {
        List<String> cmd = new ArrayList<>(List.of("git", "status", "--porcelain=v1", "--untracked-files=normal", "--"));
        files.forEach(f -> cmd.add(dir.relativize(f.toAbsolutePath().normalize()).toString()));
        ProcessRunner.Result r = runner.run(dir, Map.of(), cmd, null, null);
        return r.stdout().stream().filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    /**
     * Commits exactly the given files (nothing else that is staged) with the message; returns the new commit.
     *
     * @throws CommandException with git's output when git refuses
     */
    public String commit(List<Path> files, String message) {
        List<String> paths = files.stream().map(f -> dir.relativize(f.toAbsolutePath().normalize()).toString()).toList();
        List<String> add = new ArrayList<>(List.of("git", "add", "--"));
        add.addAll(paths);
        runner.run(dir, Map.of(), add, null, null).orThrow("git add failed");
        List<String> commit = new ArrayList<>(List.of("git", "commit", "--quiet", "-F", "-", "--"));
        commit.addAll(paths);
        runner.run(dir, Map.of(), commit, message, null).orThrow("git commit failed");
        return head();
    }

    /** The directory git runs in. */
    public Path dir() {
        return dir;
    }

    /** The top of the work tree, or null outside a repository. */
    public Path topLevel() {
        String t = line(List.of("git", "rev-parse", "--show-toplevel"));
        return t == null ? null : Path.of(t);
    }

    /** The branch checked out, or null on a detached HEAD. */
    public String branch() {
        return line(List.of("git", "symbolic-ref", "--short", "-q", "HEAD"));
    }

    /** Local and remote-tracking branches that contain {@code commit} ({@code main}, {@code origin/main}). */
    public List<String> branchesContaining(String commit) {
        ProcessRunner.Result r = runner.run(dir, Map.of(), List.of("git", "branch", "-a", "--contains", commit,
                "--format=%(refname:short)"), null, null);
        return r.ok() ? r.stdout().stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("("))
                .toList() : List.of();
    }

    /** The upstream of the checked-out branch ({@code origin/main}), or null when none is configured. */
    public String upstream() {
        return line(List.of("git", "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"));
    }

    /** Commits in {@code ref} that HEAD lacks. */
    public int behind(String ref) {
        String n = line(List.of("git", "rev-list", "--count", "HEAD.." + ref));
        return n == null ? 0 : Integer.parseInt(n);
    }

    /** The commit a tag points at (peeled), or null when there is no such tag. */
    public String tagCommit(String tag) {
        return line(List.of("git", "rev-parse", "-q", "--verify", "refs/tags/" + tag + "^{commit}"));
    }

    /**
     * Creates {@code tag} at {@code commit}: lightweight, annotated with {@code message}, or signed.
     *
     * @throws CommandException with git's output when git refuses (a signing key missing...)
     */
    public void tag(String tag, String commit, String message, boolean annotated, boolean sign) {
        List<String> cmd = new ArrayList<>(List.of("git", "tag"));
        if (sign) {
            cmd.add("-s");
        } else if (annotated) {
            cmd.add("-a");
        }
        if (sign || annotated) {
            cmd.addAll(List.of("-F", "-"));
        }
        cmd.addAll(List.of("--", tag, commit));
        runner.run(dir, Map.of(), cmd, sign || annotated ? message + "\n" : null, null)
                .orThrow("git tag " + tag + " failed");
    }

    /** Pushes refs to a remote; the result carries git's (and the remote's) lines. */
    public ProcessRunner.Result push(String remote, List<String> refs) {
        List<String> cmd = new ArrayList<>(List.of("git", "push", "--porcelain", remote));
        cmd.addAll(refs);
        return runner.run(dir, Map.of("GIT_TERMINAL_PROMPT", "0"), cmd, null, null);
    }

    /** The commit a revision names, or null when it names none. */
    public String commit(String rev) {
        return line(List.of("git", "rev-parse", "-q", "--verify", rev + "^{commit}"));
    }

    /** The best common ancestor of two commits, or null. */
    public String mergeBase(String a, String b) {
        return line(List.of("git", "merge-base", a, b));
    }

    /** The tree of {@code commit} as a tar file (nothing in the work tree or index is touched). */
    public void archive(String commit, Path tarFile) {
        runner.run(dir, Map.of(), List.of("git", "archive", "--format=tar", "-o", tarFile.toString(), commit), null,
                null).orThrow("git archive " + commit + " failed");
    }

    /** The tag names on a remote, or null when the remote cannot be asked. */
    public List<String> remoteTags(String remote) {
        ProcessRunner.Result r = runner.run(dir, Map.of("GIT_TERMINAL_PROMPT", "0"), List.of("git", "ls-remote",
                "--tags", "--refs", remote), null, null);
        if (!r.ok()) {
            return null;
        }
        return r.stdout().stream().map(l -> l.substring(l.indexOf("refs/tags/") + "refs/tags/".length()).strip())
                .toList();
    }

    /** Runs git with {@code args}; fails with git's output. */
    public ProcessRunner.Result git(String what, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return runner.run(dir, Map.of(), cmd, null, null).orThrow(what);
    }

    private String line(List<String> cmd) {
        ProcessRunner.Result r = runner.run(dir, Map.of(), cmd, null, null);
        return r.exit() == 0 && !r.stdout().isEmpty() && !r.stdout().get(0).isBlank() ? r.stdout().get(0).strip()
                : null;
    }
}
