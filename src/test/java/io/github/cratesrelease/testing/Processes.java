package io.github.cratesrelease.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real cargo and git binaries for tests. */
public final class Processes {
    private Processes() {
    }

    public record Result(int exit, String stdout, String stderr) {
    }

    public static Result run(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.environment().put("CARGO_TERM_COLOR", "never");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var out = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> {
                try {
                    out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.completeExceptionally(e);
                }
            });
            t.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(p.exitValue(), out.get(), err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command and returns its stdout; fails the test, with its stderr, when it exits non-zero. */
    public static String ok(Path dir, String... command) {
        Result r = run(dir, Map.of(), List.of(command));
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed in " + dir + ":\n" + r.stderr());
        }
        return r.stdout();
    }

    /** {@code cargo metadata --format-version 1 --no-deps --offline} in {@code dir}; fails the test on error. */
    public static String cargoMetadata(Path dir) {
        Result r = run(dir, Map.of(), List.of("cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"));
        if (r.exit() != 0) {
            throw new AssertionError("cargo metadata failed in " + dir + ":\n" + r.stderr());
        }
        return r.stdout();
    }
}
