package io.github.cratesrelease.publish;

import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.run.RunContext;
import java.time.Duration;

/** Sleeping on the run's clock, with a progress line every 30 s on long waits; an interrupt fails the crate. */
final class Pause {

    private static final long PROGRESS_EVERY_MS = 30_000;

    private Pause() {
    }

    static void sleep(RunContext ctx, long ms) {
        try {
            ctx.clock().sleep(Duration.ofMillis(ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrateFailure("interrupted");
        }
    }

    static void withProgress(RunContext ctx, long ms, String what) {
        long end = ctx.clock().millis() + ms;
        while (true) {
            long left = end - ctx.clock().millis();
            if (left <= 0) {
                return;
            }
            sleep(ctx, Math.min(PROGRESS_EVERY_MS, left));
            left = end - ctx.clock().millis();
            if (left > 0) {
                ctx.out().info("  " + what + ": " + Durations.human(Duration.ofMillis(left)) + " left");
            }
        }
    }
}
