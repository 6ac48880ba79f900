package io.github.cratesrelease.publish;

import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.client.RegistryClient.IndexEntry;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.run.Journal;
import io.github.cratesrelease.run.Journal.State;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.spec.ReleaseSpec.WaitPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Uploads the packaged crates wave by wave, in parallel within a wave: paced to the rate limits, 429s waited out,
 * 5xx / resets / timeouts retried with backoff, an "already uploaded" after an ambiguous attempt accepted only
 * with our checksum, and every attempt in the journal. Between waves it waits as each registry's policy says.
 */
final class WaveUploader {

    private static final ScheduledExecutorService NOTES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread th = new Thread(r, "crates-upload-progress");
        th.setDaemon(true);
        return th;
    });

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final PublishRun run;
    private final RunContext ctx;
    private final RateLimits.Pacer pacer;
    private final IndexWaiter waiter;
    private final long origin;
    /** The first fatal answer of the current wave: no new upload of the wave starts after it. */
    private volatile String stopped;

    WaveUploader(PublishRun run, RateLimits.Pacer pacer, IndexWaiter waiter) {
        this.run = run;
        this.ctx = run.ctx;
        this.pacer = pacer;
        this.waiter = waiter;
        this.origin = ctx.clock().millis();
    }

    /** Uploads every wave; returns why publishing stopped, or null when every crate of every wave is up. */
    String uploadAll() {
        ExecutorService pool = Tasks.pool("crates-upload", run.options.parallelism());
        try {
            if (noWaitBetweenWaves()) {
                return uploadAsReady(pool);
            }
            int waves = run.items.stream().mapToInt(PublishItem::wave).max().orElse(0);
            for (int w = 1; w <= waves; w++) {
                int wave = w;
                List<PublishItem> inWave = run.items.stream().filter(i -> i.wave() == wave).toList();
                List<PublishItem> todo = inWave.stream().filter(i -> i.status() == Status.NOT_PUBLISHED).toList();
                if (todo.isEmpty()) {
                    ctx.out().info("[wave " + wave + "] nothing to upload");
                    continue;
                }
                String lagging = awaitEarlierWaves(wave);
                if (lagging != null) {
                    return lagging;
                }
                List<String> failures = Collections.synchronizedList(new ArrayList<>());
                try {
                    Tasks.forEach(pool, todo, i -> uploadCatching(i, failures));
                } catch (InterruptedException e) {
                    return "interrupted";
                }
                if (!failures.isEmpty()) {
                    long left = todo.stream().filter(i -> i.status() == Status.NOT_PUBLISHED).count();
                    return "publishing stopped in wave " + wave + ": " + String.join("; ", failures)
                            + (left > 0 ? " (" + left + " upload(s) of the wave not started after it)" : "");
                }
                long done = run.items.stream().filter(PublishItem::done).count();
                ctx.out().debug("[wave " + wave + "] done: " + done + " of " + run.items.size()
                        + " crate(s) published, " + (run.items.size() - done) + " to go");
                if (wave < waves) {
                    String waitFailure = waiter.afterWave(wave, inWave);
                    if (waitFailure != null) {
                        return waitFailure + "; " + WaitHint.of(run, inWave);
                    }
                    inWave.stream().filter(PublishItem::done).filter(this::waitsForIndex)
                            .forEach(i -> i.indexed(true));
                }
            }
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether no target waits between waves ({@code wait: {strategy: none}}): the waves are then no barrier. */
    private boolean noWaitBetweenWaves() {
        return run.items.stream().map(run::target)
                .allMatch(t -> t != null && t.waitPolicy().strategy() == WaitPolicy.Strategy.NONE);
    }

    /**
     * Without waits between waves, each crate is uploaded as soon as the crates of this run it depends on are up,
     * not when its whole wave is: {@code parallelism} uploads at once, earlier waves first. No upload starts after a
     * fatal answer (those in flight finish); the lines keep their wave numbers.
     */
    private String uploadAsReady(ExecutorService pool) {
        List<PublishItem> todo = run.items.stream().filter(i -> i.status() == Status.NOT_PUBLISHED).toList();
        if (todo.isEmpty()) {
            ctx.out().info("nothing to upload");
            return null;
        }
        Map<String, PublishItem> byName = new HashMap<>();
        todo.forEach(i -> byName.put(i.name(), i));
        Map<PublishItem, Integer> waitingFor = new HashMap<>();
        Map<PublishItem, List<PublishItem>> dependents = new HashMap<>();
        for (PublishItem i : todo) {
            int n = 0;
            for (String dep : new LinkedHashSet<>(i.planned().dependsOn())) {
                PublishItem d = byName.get(dep);
                if (d != null) {  // a dependency this run uploads; one already up (or left out) is no wait
                    n++;
                    dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(i);
                }
            }
            waitingFor.put(i, n);
        }
        Map<PublishItem, Integer> order = new HashMap<>();
        todo.forEach(i -> order.put(i, order.size()));
        PriorityQueue<PublishItem> ready = new PriorityQueue<>(
                Comparator.comparingInt(PublishItem::wave).thenComparingInt(order::get));
        todo.stream().filter(i -> waitingFor.get(i) == 0).forEach(ready::add);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorCompletionService<PublishItem> done = new ExecutorCompletionService<>(pool);
        int inFlight = 0;
        int failedWave = 0;
        while (true) {
            while (failures.isEmpty() && !ready.isEmpty() && inFlight < run.options.parallelism()) {
                PublishItem i = ready.poll();
                done.submit(() -> uploadCatching(i, failures), i);
                inFlight++;
            }
            if (inFlight == 0) {
                break;
            }
            PublishItem finished;
            try {
                finished = done.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());  // uploadCatching catches what an upload throws
            }
            inFlight--;
            if (finished.status() != Status.PUBLISHED) {
                failedWave = failedWave == 0 ? finished.wave() : failedWave;
                continue;
            }
            for (PublishItem d : dependents.getOrDefault(finished, List.of())) {
                if (waitingFor.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (!failures.isEmpty()) {
            long left = todo.stream().filter(i -> i.status() == Status.NOT_PUBLISHED).count();
            return "publishing stopped in wave " + failedWave + ": " + String.join("; ", failures)
                    + (left > 0 ? " (" + left + " upload(s) not started after it)" : "");
        }
        ctx.out().debug("uploads done: " + todo.size() + " crate(s), each as soon as its dependencies were up");
        return null;
    }

    /**
     * Before wave {@code wave}: the crates of earlier waves on a registry with {@code wait: index} that are published
     * but not yet seen in its index (uploaded by an interrupted or earlier run while the index lagged) are waited
     * for, as after their own wave; returns a failure message, or null.
     */
    private String awaitEarlierWaves(int wave) {
        List<PublishItem> lagging = run.items.stream().filter(i -> i.wave() < wave && i.done() && !i.indexed())
                .filter(this::waitsForIndex).toList();
        if (lagging.isEmpty()) {
            return null;
        }
        ctx.out().info("[wave " + wave + "] first waiting for " + lagging.size() + " crate(s) of earlier waves not "
                + "yet in the index: " + lagging.stream().map(PublishItem::label).collect(Collectors.joining(", ")));
        String f = waiter.afterWave(wave - 1, lagging);
        if (f != null) {
            return f + "; " + WaitHint.of(run, lagging);
        }
        lagging.forEach(i -> i.indexed(true));
        return null;
    }

    private boolean waitsForIndex(PublishItem i) {
        Target t = run.target(i);
        return t != null && t.sparse() && t.waitPolicy().strategy() == WaitPolicy.Strategy.INDEX;
    }

    private void uploadCatching(PublishItem i, List<String> failures) {
        if (stopped != null) {
            ctx.out().warn("[wave " + i.wave() + "] " + i.label() + ": not uploaded, the wave stopped after a refusal");
            return;
        }
        try {
            upload(i, run.target(i));
        } catch (CrateFailure f) {
            stopped = f.getMessage();
            String msg = ctx.masker().mask(f.getMessage());
            i.status(Status.FAILED);
            run.journal.update(i.entry(), State.FAILED, msg);
            failures.add(msg);
            ctx.out().error("[wave " + i.wave() + "] " + i.label() + " FAILED: " + msg);
        } catch (RuntimeException e) {
            failures.add(ctx.masker().mask(String.valueOf(e)));
        }
    }

    private void upload(PublishItem i, Target t) {
        Journal journal = run.journal;
        Transport transport = Transport.of(run, t);
        boolean ambiguous = i.entry().state() != null && i.entry().state().mayBeUploaded();
        int failures = 0;
        int rateWaits = 0;
        int attempt = 0;
        Duration backoff = run.options.retryBackoff();
        while (true) {
            if (pacer != null) {
                long wait = pacer.reserve(t.name(), i.newCrate(), ctx.clock().since(origin));
                if (wait > 0) {
                    ctx.out().info("[wave " + i.wave() + "] " + i.label() + ": waiting "
                            + Durations.human(Duration.ofMillis(wait)) + " for the " + (i.newCrate() ? "new-crates"
                                    : "new-versions") + " rate limit of `" + t.name() + "` (until "
                            + CLOCK.format(ctx.clock().now().plusMillis(wait)) + ")");
                    Pause.withProgress(ctx, wait, i.label() + ": rate limit");
                    i.addWait(wait);
                }
            }
            journal.attempt(i.entry());
            attempt++;
            long t0 = ctx.clock().millis();
            try {
                try (Note note = slowUploadNote(i, t)) {
                    transport.upload(i, t);
                }
                long ms = ctx.clock().since(t0);
                i.status(Status.PUBLISHED);
                i.uploadedNow();
                journal.uploaded(i.entry(), ms);
                ctx.out().info("[wave " + i.wave() + "] " + i.label() + " -> " + t.name()
                        + (t.cargoName().equals(PublishRun.REHEARSAL) ? " (rehearsal)" : "") + ": uploaded in " + ms
                        + " ms, waited " + String.format(Locale.ROOT, "%.1f s", i.waitMs() / 1000.0)
                        + (attempt > 1 ? " (attempt " + attempt + " of this run)" : ""));
                return;
            } catch (RegistryHttpException e) {
                if (e.isRateLimit()) {
                    Instant now = ctx.clock().now();
                    Instant until = e.retryAfter() != null ? e.retryAfter() : now.plus(backoff);
                    long wait = Math.max(0, Duration.between(now, until).toMillis());
                    ctx.out().warn("[wave " + i.wave() + "] " + i.label() + ": `" + t.name() + "` says too many "
                            + "requests (" + e.detail() + "); retrying at " + CLOCK.format(until) + " (in "
                            + Durations.human(Duration.ofMillis(wait)) + ")");
                    journal.update(i.entry(), State.UPLOADING, "429 until " + until);
                    Pause.withProgress(ctx, wait, i.label() + ": registry rate limit");
                    i.addWait(wait);
                    if (++rateWaits > 50) {
                        throw new CrateFailure("still rate limited after 50 waits: " + e.detail());
                    }
                    continue;
                }
                if (e.isAlreadyUploaded()) {
                    confirmEarlierUpload(i, t, e.detail(), ambiguous);
                    return;
                }
                if (e.isServerError()) {
                    ambiguous = true;
                    backoff = retryOrFail(i, ++failures, backoff, "HTTP " + e.status() + " " + e.detail());
                    continue;
                }
                throw new CrateFailure("`" + t.name() + "` refused the upload (HTTP " + e.status() + "): "
                        + e.detail());
            } catch (IOException e) {
                ambiguous = true;
                if (stopped != null) {
                    throw new CrateFailure("not retried after the wave stopped: " + e.getMessage());
                }
                backoff = retryOrFail(i, ++failures, backoff, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    /** A line when an upload has run for more than 2 s, then every 10 s, until the returned handle is closed. */
    private Note slowUploadNote(PublishItem i, Target t) {
        long started = System.nanoTime();
        long size = i.archive() == null ? 0 : i.archive().bytes().length;
        ScheduledFuture<?> f = NOTES.scheduleAtFixedRate(() -> ctx.out().info("[wave " + i.wave() + "] " + i.label()
                + ": uploading " + (size / 1024) + " KiB to `" + t.name() + "`, "
                + Durations.human(Duration.ofNanos(System.nanoTime() - started)) + " so far"), 2, 10, TimeUnit.SECONDS);
        return () -> f.cancel(false);
    }

    /** A handle that stops a progress note. */
    private interface Note extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits {@code backoff} before the next attempt (or gives up); returns the next backoff (doubled, ≤ 60 s). */
    private Duration retryOrFail(PublishItem i, int failures, Duration backoff, String what) {
        int retries = run.options.retries();
        if (failures > retries) {
            throw new CrateFailure("gave up after " + failures + " attempt(s): " + what);
        }
        ctx.out().warn("[wave " + i.wave() + "] " + i.label() + ": " + what + "; retry " + failures + "/" + retries
                + " in " + Durations.human(backoff));
        Pause.sleep(ctx, backoff.toMillis());
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : next;
    }

    /**
     * The registry says the version is already uploaded: by an earlier attempt of this run, or by an earlier run
     * (whose journal may be gone). Accepted only with our checksum; another checksum is an error naming both.
     */
    private void confirmEarlierUpload(PublishItem i, Target t, String detail, boolean ambiguous) {
        String cksum = null;
        try {
            String api = run.access.api(t);
            cksum = api == null ? null : run.access.client().apiChecksum(api, i.name(), i.version(), t.token());
            if (cksum == null || cksum.isEmpty()) {
                IndexEntry e = run.access.find(t, i.name(), i.version());
                cksum = e == null ? cksum : e.cksum();
            }
        } catch (IOException | RegistryHttpException ignored) {
            // the final integrity check decides
        }
        if (cksum != null && !cksum.isEmpty() && !cksum.equals(i.archive().sha256())) {
            throw new CrateFailure("`" + t.name() + "` says " + i.label() + " is already uploaded (" + detail
                    + "), with checksum " + cksum + ", but the crate built here has checksum " + i.archive().sha256()
                    + ": another build of this version is published; bump the version to release these files");
        }
        boolean known = cksum != null && !cksum.isEmpty();
        i.status(Status.PUBLISHED);
        if (ambiguous) {
            i.uploadedNow();
        }
        String by = ambiguous ? "an earlier attempt" : "an earlier run";
        run.journal.update(i.entry(), State.UPLOADED, "stored by " + by + " (" + detail + ")");
        ctx.out().info("[wave " + i.wave() + "] " + i.label() + " -> " + t.name() + ": already uploaded by " + by
                + (known ? ", same checksum" : " (checksum checked once it is in the index)")
                + "; not uploaded again");
    }
}
