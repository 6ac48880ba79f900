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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Waits for the index: between waves as each registry's wait policy says ({@code index} polls until the wave is
 * visible, {@code fixed} sleeps, {@code none} goes on), and after the last wave the integrity check: every crate
 * visible in its index with the checksum of the crate we built. Pending crates are read in parallel, each one again one
 * interval after its last read started (at most one index read per pending crate per interval, and no read waits for
 * the slower reads of other crates), conditional requests making an unchanged index file a 304.
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
     * Polls the index until every item is visible: each pending item's index file is read again one period after its
     * last read started (its registry's interval, at least 100 ms; steady for 10 s, then backing off), on
     * {@link #PARALLEL_READS} threads, independently of the other items' reads (no read waits for a slower one). Returns
     * the items that failed (wrong checksum, or not visible within their timeout) with their message.
     */
    private Map<PublishItem, String> awaitAll(List<PublishItem> items, Duration timeout, String prefix) {
        Map<PublishItem, String> failed = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return failed;
        }
        List<PublishItem> pending = new ArrayList<>(items);
        Map<PublishItem, Long> due = new HashMap<>();       // when an item may be read again
        Map<PublishItem, Double> backoff = new HashMap<>();
        Set<PublishItem> inFlight = new HashSet<>();
        BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
        Map<String, Long> warned = new HashMap<>();
        long start = ctx.clock().millis();
        long lastNote = start;
        int reads = 0;
        ExecutorService pool = Tasks.pool("crates-index", Math.min(PARALLEL_READS, items.size()));
        try {
            while (!pending.isEmpty()) {
                long now = ctx.clock().millis();
                for (PublishItem i : pending) {
                    if (!inFlight.contains(i) && due.getOrDefault(i, start) <= now) {
                        inFlight.add(i);
                        reads++;
                        pool.execute(() -> answers.add(read(i, prefix, start)));
                    }
                }
                long wake = Long.MAX_VALUE;
                for (PublishItem i : pending) {
                    if (!inFlight.contains(i)) {
                        wake = Math.min(wake, Math.min(due.get(i), start + limit(i, timeout)));
                    }
                }
                Answer a = inFlight.isEmpty() ? null
                        : answers.poll(Math.max(1, Math.min(wake - now, 1000)), TimeUnit.MILLISECONDS);
                if (inFlight.isEmpty()) {
                    Pause.sleep(ctx, Math.max(1, wake - now));
                }
                for (; a != null; a = answers.poll()) {
                    PublishItem i = a.item();
                    inFlight.remove(i);
                    // due one period after this read started (it may have queued for a thread after it was asked)
                    double f = backoff.getOrDefault(i, 1.0);
                    due.put(i, a.started() + period(i, f));
                    if (a.started() - start >= 10_000) {
                        backoff.put(i, Math.min(f * 1.5, 300));  // steady for 10 s, then back off
                    }
                    if (a.fault() != null) {
                        throw a.fault();
                    }
                    if (a.poll().failure() != null) {
                        failed.put(i, a.poll().failure());
                    }
                    if (a.poll().visible()) {
                        pending.remove(i);
                    }
                }
                now = ctx.clock().millis();
                warnUnreachable(prefix, warned, now);
                for (PublishItem i : List.copyOf(pending)) {
                    if (!inFlight.contains(i) && now - start >= limit(i, timeout)) {
                        failed.put(i, i.label() + " did not appear in the index of `" + run.target(i).name()
                                + "` within " + Durations.human(Duration.ofMillis(limit(i, timeout)))
                                + " (the upload itself succeeded)");
                        pending.remove(i);
                    }
                }
                if (!pending.isEmpty() && now - lastNote >= 10_000) {
                    ctx.out().info(prefix + " waiting for " + pending.size() + " crate(s) in the index: "
                            + pending.stream().limit(5).map(PublishItem::label).collect(Collectors.joining(", "))
                            + (pending.size() > 5 ? ", ..." : "") + " ("
                            + Durations.human(Duration.ofMillis(now - start)) + " so far)");
                    lastNote = now;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrateFailure("interrupted");
        } finally {
            pool.shutdownNow();
        }
        ctx.out().debug(prefix + " " + reads + " index read(s) for " + items.size() + " crate(s) in "
                + Durations.human(Duration.ofMillis(ctx.clock().since(start))) + "; this run so far: "
                + run.access.client().indexStats());
        return failed;
    }

    /** One read's outcome for the waiting thread: when it started, what it found, or the fault of the plugin it hit. */
    private record Answer(PublishItem item, long started, Poll poll, RuntimeException fault) {
    }

    private Answer read(PublishItem i, String prefix, long start) {
        long started = ctx.clock().millis();
        try {
            return new Answer(i, started, poll(i, prefix, start), null);
        } catch (RuntimeException e) {
            return new Answer(i, started, Poll.PENDING, e);
        }
    }

    /** One warning per registry whose index could not be read, again at most every 10 s while it lasts. */
    private void warnUnreachable(String prefix, Map<String, Long> warned, long now) {
        for (String name : List.copyOf(unreachable.keySet())) {
            String why = unreachable.remove(name);
            Long last = warned.get(name);
            if (why != null && (last == null || now - last >= 10_000)) {
                ctx.out().warn(prefix + " index of `" + name + "` not readable: " + why + "; trying again");
                warned.put(name, now);
            }
        }
    }

    /**
     * The time between the starts of two reads of an item's index file: its registry's interval (at least 100 ms)
     * times the backoff, at most 30 s (or the interval when longer).
     */
    private long period(PublishItem i, double backoff) {
        long interval = Math.max(100, run.target(i).waitPolicy().interval().toMillis());
        return Math.max(interval, Math.min(30_000L, (long) (interval * backoff)));
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
