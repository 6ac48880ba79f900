package io.github.cratesrelease.publish;

import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.ReleaseSpec.Bucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Publish rate limits per registry as token buckets (crates.io's are built in: new crates burst 5 then 1 per 10
 * minutes, new versions burst 30 then 1 per minute), overridable in the spec's {@code rate-limits}. A
 * {@link Pacer} hands out reservations, so parallel uploads pace themselves instead of running into 429s.
 */
public final class RateLimits {

    public record Limits(Bucket newCrates, Bucket newVersions) {
        Bucket bucket(boolean newCrate) {
            return newCrate ? newCrates : newVersions;
        }
    }

    public static final Limits CRATES_IO = new Limits(new Bucket(5, Duration.ofMinutes(10)),
            new Bucket(30, Duration.ofMinutes(1)));

    private final Map<String, Limits> limits;

    private RateLimits(Map<String, Limits> limits) {
        this.limits = limits;
    }

    /** The limits of every registry: crates.io's defaults, then the spec's {@code rate-limits} section. */
    public static RateLimits of(ReleaseSpec spec) {
        Map<String, Limits> m = new HashMap<>();
        m.put(ReleaseSpec.CRATES_IO, CRATES_IO);
        for (ReleaseSpec.RateLimitSpec r : spec.rateLimits().values()) {
            Limits base = m.getOrDefault(r.registry(), new Limits(null, null));
            m.put(r.registry(), new Limits(r.newCrates() != null ? r.newCrates() : base.newCrates(),
                    r.newVersions() != null ? r.newVersions() : base.newVersions()));
        }
        return new RateLimits(m);
    }

    /** The bucket that applies, or null when the registry has no known limit. */
    public Bucket bucket(String registry, boolean newCrate) {
        Limits l = limits.get(registry);
        return l == null ? null : l.bucket(newCrate);
    }

    /** Reservations against the buckets; time is in milliseconds from an origin the caller chooses. */
    public final class Pacer {
        private final Map<String, double[]> state = new HashMap<>();

        /** Reserves one publish at {@code nowMs}; returns how long to wait before sending it (0 = now). */
        public synchronized long reserve(String registry, boolean newCrate, long nowMs) {
            Bucket b = bucket(registry, newCrate);
            if (b == null) {
                return 0;
            }
            double[] s = state.computeIfAbsent(registry + (newCrate ? "#new" : "#ver"),
                    k -> new double[] {b.burst(), nowMs});
            double intervalMs = b.interval().toMillis();
            s[0] = Math.min(b.burst(), s[0] + (nowMs - s[1]) / intervalMs);
            s[1] = nowMs;
            s[0] -= 1;
            return s[0] >= 0 ? 0 : (long) Math.ceil(-s[0] * intervalMs);
        }
    }

    public Pacer pacer() {
        return new Pacer();
    }

    /** One upload of a plan, for the estimate. */
    public record Item(String crate, String version, String registry, boolean newCrate) {
    }

    /** A crate that will wait for the rate limit, and how long after the start it may go. */
    public record Delay(Item item, Duration at) {
    }

    /** How long the uploads of a plan take at least, and which crates wait (uploads count as instant). */
    public record Estimate(Duration total, List<Delay> delays) {
    }

    public Estimate estimate(List<Item> items) {
        Pacer p = pacer();
        long now = 0;
        List<Delay> delays = new ArrayList<>();
        for (Item i : items) {
            long wait = p.reserve(i.registry(), i.newCrate(), now);
            if (wait > 0) {
                now += wait;
                delays.add(new Delay(i, Duration.ofMillis(now)));
            }
        }
        return new Estimate(Duration.ofMillis(now), delays);
    }

    /** Up to how many waiting crates the plan's line names each; above, it names the first two and the last. */
    private static final int LISTED = 5;

    private static String waiting(Delay d) {
        return d.item().crate() + " (+" + Durations.human(d.at()) + ")";
    }

    /**
     * What the limits mean for these uploads, as lines for people: with {@code detailed}, a line per waiting crate
     * (the publish, which knows which crates are new); else one line (the plan, which shows both cases) that names
     * every waiting crate when they are few, else how many wait, the first ones and the last.
     */
    public List<String> describe(List<Item> uploads, String prefix, boolean detailed) {
        Estimate e = estimate(uploads);
        List<String> lines = new ArrayList<>();
        if (e.delays().isEmpty()) {
            lines.add(prefix + (detailed ? ": no crate waits for a registry rate limit" : ": no crate waits"));
        } else if (!detailed && e.delays().size() <= LISTED) {
            lines.add(prefix + ": at least " + Durations.human(e.total()) + "; waiting: " + e.delays().stream()
                    .map(RateLimits::waiting).collect(Collectors.joining(", ")));
        } else if (!detailed) {
            // a large workspace (72 crates): the first and the last to wait, not every one on a line of 3,000 chars
            List<Delay> d = e.delays();
            lines.add(prefix + ": at least " + Durations.human(e.total()) + "; " + d.size() + " of " + uploads.size()
                    + " crates wait (one every " + Durations.human(d.get(1).at().minus(d.get(0).at())) + "): "
                    + waiting(d.get(0)) + ", " + waiting(d.get(1)) + ", ... " + waiting(d.get(d.size() - 1)));
        } else {
            lines.add(prefix + ": at least " + Durations.human(e.total()) + " because of registry rate limits; "
                    + e.delays().size() + " crate(s) wait:");
            for (Delay d : e.delays()) {
                lines.add("  " + d.item().crate() + " " + d.item().version() + " at +" + Durations.human(d.at()) + " ("
                        + (d.item().newCrate() ? "new crates" : "new versions") + " limit of `" + d.item().registry()
                        + "`)");
            }
        }
        return lines;
    }
}
