package io.github.cratesrelease.publish;

import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.client.RegistryClient.IndexEntry;
import io.github.cratesrelease.registry.client.RegistryDataException;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.run.Journal.State;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.time.Duration;
import io.github.cratesrelease.io.Tasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Waits for the index: between waves as each registry's wait policy says ({@code index} polls until the wave is
 * visible, {@code fixed} sleeps, {@code none} goes on), and after the last wave the integrity check: every crate
 * visible in its index with the checksum of the crate we built. Pending crates are polled together, in rounds: at
 * most one index read per pending crate per interval, all of a round in parallel (conditional requests: an unchanged
 * index file costs a 304).
 */
final class IndexWaiter {

    /** Index reads in flight at once: enough to hide a registry's latency, few enough to stay polite. */
    static final int PARALLEL_READS = 16;

    private final PublishRun run;
    private final RunContext ctx;
    /** Registries whose index could not be read in the current round, with the first reason (one warning each). */
    private final Map<String, String> unreachable = new ConcurrentHashMap<>();

    IndexWaiter(PublishRun run) {
        this.run = run;
        this.ctx = run.ctx;
    }

    /** After wave {@code wave}: returns a failure message, or null when the next wave may go. */
    String afterWave(int wave, List<PublishItem> inWave) {
        Map<String, List<PublishItem>> byRegistry = inWave.stream()
                .collect(Collectors.groupingBy(PublishItem::registry, LinkedHashMap::new, Collectors.toList()));
        long fixed = 0;
        List<PublishItem> polled = new ArrayList<>();
        for (Map.Entry<String, List<PublishItem>> g : byRegistry.entrySet()) {
            Target t = run.targets.get(g.getKey());
            switch (t.waitPolicy().strategy()) {
                case NONE -> {
                }
                case FIXED -> fixed = Math.max(fixed, t.waitPolicy().delay().toMillis());
                case INDEX -> {
                    if (t.sparse()) {  // a git index: cargo publish waited for it already
                        polled.addAll(g.getValue());
                    }
                }
            }
        }
        Map<PublishItem, String> failed = awaitAll(polled, null, "[wave " + wave + "]");
        if (!failed.isEmpty()) {
            return String.join("; ", failed.values());
        }
        if (fixed > 0) {
            ctx.out().info("[wave " + wave + "] waiting " + Durations.human(Duration.ofMillis(fixed))
                    + " (wait strategy 'fixed') before wave " + (wave + 1));
            Pause.withProgress(ctx, fixed, "fixed wait after wave " + wave);
            for (PublishItem i : inWave) {
                i.addWait(fixed);
            }
        }
        return null;
    }

    /** After the last wave: every crate must be visible with the checksum of the crate we built. */
    String verifyAll() {
        return verifyAll(null);
    }

    /** The same, every crate within {@code timeout} (null: its registry's wait timeout). */
    String verifyAll(Duration timeout) {
        List<PublishItem> check = run.items.stream().filter(i -> i.done() && run.target(i).sparse()).toList();
        Map<PublishItem, String> failed = awaitAll(check, timeout, "[check]");
        for (PublishItem i : check) {
            String f = failed.get(i);
            if (f != null) {
                run.journal.update(i.entry(), State.FAILED, f);
            } else if (i.status() == Status.PUBLISHED) {
                run.journal.update(i.entry(), State.VERIFIED, null);
            }
        }
        if (failed.isEmpty()) {
            ctx.out().info("Integrity: every crate is in its index with the expected SHA-256");
            return null;
        }
        return check.stream().map(failed::get).filter(f -> f != null).collect(Collectors.joining("; "));
    }

    /**
     * Polls the index until every item is visible, in rounds: each round reads the index file of every pending item
     * at once, then sleeps the shortest interval of the pending items' registries (steady for 10 s, then backing
     * off). Returns the items that failed (wrong checksum, or not visible within their timeout) with their message.
     */
    private Map<PublishItem, String> awaitAll(List<PublishItem> items, Duration timeout, String prefix) {
        Map<PublishItem, String> failed = new ConcurrentHashMap<>();
        List<PublishItem> pending = new ArrayList<>(items);
        long start = ctx.clock().millis();
        long lastNote = start;
        double backoff = 1.0;
        AtomicInteger reads = new AtomicInteger();
        while (!pending.isEmpty()) {
            List<PublishItem> seen = Collections.synchronizedList(new ArrayList<>());
            try {
                Tasks.inParallel("crates-index", PARALLEL_READS, pending, i -> {
                    reads.incrementAndGet();
                    Poll p = poll(i, prefix, start);
                    if (p.failure() != null) {
                        failed.put(i, p.failure());
                    }
                    if (p.visible()) {
                        seen.add(i);
                    }
                });
            } catch (InterruptedException e) {
                throw new CrateFailure("interrupted");
            }
            pending.removeAll(seen);
            if (!unreachable.isEmpty()) {
                unreachable.forEach((name, why) -> ctx.out().warn(prefix + " index of `" + name + "` not readable: "
                        + why + "; trying again"));
                unreachable.clear();
            }
            long now = ctx.clock().millis();
            List<PublishItem> late = pending.stream().filter(i -> now - start >= limit(i, timeout)).toList();
            for (PublishItem i : late) {
                Target t = run.target(i);
                failed.put(i, i.label() + " did not appear in the index of `" + t.name() + "` within "
                        + Durations.human(Duration.ofMillis(limit(i, timeout))) + " (the upload itself succeeded)");
            }
            pending.removeAll(late);
            if (pending.isEmpty()) {
                break;
            }
            if (now - lastNote >= 10_000) {
                ctx.out().info(prefix + " waiting for " + pending.size() + " crate(s) in the index: "
                        + pending.stream().limit(5).map(PublishItem::label).collect(Collectors.joining(", "))
                        + (pending.size() > 5 ? ", ..." : "") + " (" + Durations.human(Duration.ofMillis(now - start))
                        + " so far)");
                lastNote = now;
            }
            long interval = pending.stream().mapToLong(i -> Math.max(100, run.target(i).waitPolicy().interval()
                    .toMillis())).min().orElse(1000);
            long left = pending.stream().mapToLong(i -> limit(i, timeout) - (now - start)).min().orElse(1);
            Pause.sleep(ctx, Math.max(1, Math.min((long) (interval * backoff), left)));
            if (now - start >= 10_000) {
                backoff = Math.min(backoff * 1.5, 30_000.0 / interval);  // steady for 10 s, then back off
            }
        }
        if (!items.isEmpty()) {
            ctx.out().debug(prefix + " " + reads.get() + " index read(s) for " + items.size() + " crate(s) in "
                    + Durations.human(Duration.ofMillis(ctx.clock().since(start))) + "; this run so far: "
                    + run.access.client().indexStats());
        }
        return failed;
    }

    private long limit(PublishItem i, Duration timeout) {
        return (timeout != null ? timeout : run.target(i).waitPolicy().timeout()).toMillis();
    }

    /** What one index read found: not yet visible, visible (with a failure when its checksum is wrong). */
    private record Poll(boolean visible, String failure) {
        static final Poll PENDING = new Poll(false, null);
    }

    /** One index read for one item. */
    private Poll poll(PublishItem i, String prefix, long start) {
        Target t = run.target(i);
        try {
            IndexEntry e = run.access.find(t, i.name(), i.version());
            if (e == null) {
                return Poll.PENDING;
            }
            long waited = ctx.clock().since(start);
            i.addWait(waited);
            if (!e.cksum().equals(i.expected())) {
                return new Poll(true, "integrity check failed: the index of `" + t.name() + "` lists " + i.label()
                        + " with checksum " + e.cksum() + " but the crate we built has " + i.expected());
            }
            if (waited >= 1000) {
                ctx.out().info(prefix + " " + i.label() + " visible in the index of `" + t.name() + "` after "
                        + Durations.human(Duration.ofMillis(waited)));
            }
            return new Poll(true, null);
        } catch (RegistryDataException ex) {
            // the registry answers with data we cannot use: asking again will not change it
            return new Poll(true, ctx.masker().mask("registry `" + t.name() + "`: " + ex.getMessage()));
        } catch (IOException | RegistryHttpException ex) {
            unreachable.putIfAbsent(t.name(), ctx.masker().mask(ex.getMessage()));
            return Poll.PENDING;
        }
    }
}
