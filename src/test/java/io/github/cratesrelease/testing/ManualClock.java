package io.github.cratesrelease.testing;

import io.github.cratesrelease.io.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the code sleeps on it: waits and backoff without real sleeping, each one recorded. */
public final class ManualClock implements Clock {
    private final Instant start = Instant.now();
    private long offsetMs;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized Instant now() {
        return start.plusMillis(offsetMs);
    }

    @Override
    public synchronized long millis() {
        return offsetMs;
    }

    @Override
    public synchronized void sleep(Duration d) {
        sleeps.add(d);
        offsetMs += Math.max(0, d.toMillis());
    }

    /** Every sleep, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration slept() {
        return Duration.ofMillis(offsetMs);
    }
}
