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
     * Changed or untracked files under {@code dir}, as paths relative to it, leaving out the given relative
     * prefixes (build output).
     */
    public List<String> changes(List<String> ignoredPrefixes) {
        ProcessRunner.Result pre = runner.run(dir, Map.of(), List.of("git", "rev-parse", "--show-prefix"), null, null);
        String prefix = pre.exit() == 0 && !pre.stdout().isEmpty() ? pre.stdout().get(0).strip() : "";
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
        return out;
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
}
