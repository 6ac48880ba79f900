package io.github.cratesrelease.run;

import java.util.function.Supplier;

/**
 * The last line of a run stopped by Ctrl-C (SIGINT) or a kill (SIGTERM): what is done and the command that resumes,
 * printed from a shutdown hook while the run is in progress. Closing it removes the hook.
 */
public final class Interruption implements AutoCloseable {

    private final Thread hook;

    private Interruption(Thread hook) {
        this.hook = hook;
    }

    /** Prints {@code line} (asked for when the JVM shuts down) unless the run ends first. */
    public static Interruption announce(RunContext ctx, Supplier<String> line) {
        Thread hook = new Thread(() -> {
            try {
                ctx.out().error(line.get());
            } catch (RuntimeException ignored) {
                // shutting down: nothing more to do
            }
        }, "crates-interrupted");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return new Interruption(null);
        }
        return new Interruption(hook);
    }

    @Override
    public void close() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }
}
