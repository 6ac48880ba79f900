package io.github.cratesrelease.release;

import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.run.Invocation;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The example (or a chain) in a fresh git repository, released to an embedded registry named {@code embedded}. */
final class ReleaseFixtures {

    private ReleaseFixtures() {
    }

    /**
     * A copy of examples/orchestrator whose crates go to the registry {@code embedded} (sibling requirements name
     * it, as a private feed needs), committed on branch main of a fresh repository.
     */
    static Path example(Path tmp) {
        Path ws = Fixtures.example(tmp);
        try {
            Path root = ws.resolve("Cargo.toml");
            Files.writeString(root, Files.readString(root).replaceAll(
                    "(llmo-[a-z]+ = \\{ path = \"[^\"]+\", version = \"[^\"]+\")", "$1, registry = \"embedded\""));
            Path spec = ws.resolve("release.yaml");
            Files.writeString(spec, Files.readString(spec).replace("registry: crates-io", "registry: embedded"));
            Files.writeString(ws.resolve(".gitignore"), "target/\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commit(ws, "initial");
        return ws;
    }

    /** Commits everything (creating the repository, on branch main, when there is none). */
    static void commit(Path ws, String message) {
        if (!Files.isDirectory(ws.resolve(".git"))) {
            git(ws, "init", "-q", "-b", "main");
        }
        git(ws, "add", "-A");
        git(ws, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message);
    }

    static String git(Path ws, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c",
                "user.email=t@example.com"));
        cmd.addAll(Arrays.asList(args));
        Processes.Result r = Processes.run(ws, Map.of(), cmd);
        if (r.exit() != 0) {
            throw new AssertionError(cmd + ": " + r.stderr());
        }
        return r.stdout().strip();
    }

    static Map<String, String> env(Path tmp, EmbeddedRegistry r, String token) {
        Map<String, String> env = new java.util.HashMap<>(PublishFixtures.env(tmp.resolve("home"),
                Map.of("embedded", r), token == null ? Map.of() : Map.of("embedded", token)));
        env.putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com", "GIT_COMMITTER_NAME", "t",
                "GIT_COMMITTER_EMAIL", "t@example.com"));
        return env;
    }

    /** The options of a release of {@code ws} (no verification build, to keep the tests fast). */
    static PublishOptions.Builder options(Path ws) {
        return PublishOptions.builder(ws.resolve("release.yaml")).verify(false);
    }

    /** Runs crates:release in a context of its own, as the mojo would. */
    static ReleaseGoal.Result release(Map<String, String> env, RecordingReporter log, PublishOptions o) {
        return release(env, log, new ReleaseOptions(o, true, true));
    }

    static ReleaseGoal.Result release(Map<String, String> env, RecordingReporter log, ReleaseOptions o) {
        return release(env, log, o, null);
    }

    /** The same with a process runner of the test's (to watch the commands launched). */
    static ReleaseGoal.Result release(Map<String, String> env, RecordingReporter log, ReleaseOptions o,
            io.github.cratesrelease.process.ProcessRunner runner) {
        try (RunContext ctx = RunContext.builder(env, log).runner(runner).spec(o.publish().spec())
                .dryRun(o.publish().dryRun())
                .invocation(Invocation.of("release", o.publish().spec(), o.publish().rehearse() ? "-Dcrates.rehearse"
                        : "")).build()) {
            return ReleaseGoal.release(ctx, o);
        }
    }

    /** The tags pointing at HEAD. */
    static List<String> tagsAtHead(Path ws) {
        String out = git(ws, "tag", "--points-at", "HEAD");
        return out.isEmpty() ? List.of() : out.lines().sorted().toList();
    }
}
