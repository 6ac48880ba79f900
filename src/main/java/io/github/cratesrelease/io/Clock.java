package io.github.cratesrelease.io;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and sleeping, behind one seam: the engine asks the clock instead of {@code System} and {@code Thread}, so a
 * test about waits and backoff can drive time without sleeping.
 */
public interface Clock {

    /** The wall-clock time (journal stamps, Retry-After dates). */
    Instant now();

    /** A monotonic reading in milliseconds, for elapsed times. */
    long millis();

    /** Sleeps; an interrupt is rethrown as {@link InterruptedException} with the interrupt flag set again. */
    void sleep(Duration d) throws InterruptedException;

    default long since(long startMillis) {
        return millis() - startMillis;
    }

    /** The real clock. */
    Clock SYSTEM = new Clock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long millis() {
            return System.nanoTime() / 1_000_000;
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis());
            }
        }
    };
}
