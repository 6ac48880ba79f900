package io.github.cratesrelease.publish;

import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.SpecLoader;
import io.github.cratesrelease.spec.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publish rate limits per registry as token buckets (crates.io's are built in: new crates burst 5 then 1 per 10
 * minutes, new versions burst 30 then 1 per minute), overridable in the spec's {@code rate-limits}. A
 * {@link Pacer} hands out reservations, so parallel uploads pace themselves instead of running into 429s.
 */
public final class RateLimits {

    public record Bucket(int burst, Duration interval) {
    }

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
        if (spec.tree() != null && spec.tree().get("rate-limits") instanceof YamlNode.Mapping rl) {
            for (YamlNode.Entry e : rl.entries()) {
                if (!(e.value() instanceof YamlNode.Mapping r)) {
                    continue;
                }
                Limits base = m.getOrDefault(e.name(), new Limits(null, null));
                m.put(e.name(), new Limits(bucket(r.get("new-crates"), base.newCrates()),
                        bucket(r.get("new-versions"), base.newVersions())));
            }
        }
        return new RateLimits(m);
    }

    private static Bucket bucket(YamlNode n, Bucket fallback) {
        if (n instanceof YamlNode.Mapping b && b.string("burst") != null && b.string("interval") != null) {
            return new Bucket(Integer.parseInt(b.string("burst")), SpecLoader.parseDuration(b.string("interval")));
        }
        return fallback;
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

    /** A duration for people: 450ms, 12s, 9m30s, 1h05m. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = (ms + 500) / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : String.format("%02ds", s % 60));
        }
        return s / 3600 + "h" + String.format("%02dm", (s % 3600) / 60);
    }
}
