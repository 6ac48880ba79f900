package io.github.cratesrelease.publish;

import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.client.RegistryClient.IndexEntry;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.run.Journal;
import io.github.cratesrelease.run.Journal.State;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
            int waves = run.items.stream().mapToInt(PublishItem::wave).max().orElse(0);
            for (int w = 1; w <= waves; w++) {
                int wave = w;
                List<PublishItem> inWave = run.items.stream().filter(i -> i.wave() == wave).toList();
                List<PublishItem> todo = inWave.stream().filter(i -> i.status() == Status.NOT_PUBLISHED).toList();
                if (todo.isEmpty()) {
                    ctx.out().info("[wave " + wave + "] nothing to upload");
                    continue;
                }
                List<String> failures = Collections.synchronizedList(new ArrayList<>());
                try {
                    Tasks.forEach(pool, todo, i -> uploadCatching(i, failures));
                } catch (InterruptedException e) {
                    return "interrupted";
                }
                if (!failures.isEmpty()) {
                    return "publishing stopped in wave " + wave + ": " + String.join("; ", failures);
                }
                long done = run.items.stream().filter(PublishItem::done).count();
                ctx.out().debug("[wave " + wave + "] done: " + done + " of " + run.items.size()
                        + " crate(s) published, " + (run.items.size() - done) + " to go");
                if (wave < waves) {
                    String waitFailure = waiter.afterWave(wave, inWave);
                    if (waitFailure != null) {
                        return waitFailure;
                    }
                }
            }
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    private void uploadCatching(PublishItem i, List<String> failures) {
        try {
            upload(i, run.target(i));
        } catch (CrateFailure f) {
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
                if (ambiguous && e.isAlreadyUploaded()) {
                    confirmEarlierUpload(i, t, e.detail());
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

    /** An earlier attempt (or run) may have stored the crate: accept it only with our checksum. */
    private void confirmEarlierUpload(PublishItem i, Target t, String detail) {
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
            throw new CrateFailure("the registry holds " + i.label() + " with checksum " + cksum + ", not ours ("
                    + i.archive().sha256() + ")");
        }
        i.status(Status.PUBLISHED);
        i.uploadedNow();
        run.journal.update(i.entry(), State.UPLOADED, "stored by an earlier attempt (" + detail + ")");
        ctx.out().info("[wave " + i.wave() + "] " + i.label() + " -> " + t.name()
                + ": already stored by an earlier attempt; not uploaded again");
    }
}
