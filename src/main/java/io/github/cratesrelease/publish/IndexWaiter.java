package io.github.cratesrelease.publish;

import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.client.RegistryClient.IndexEntry;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.run.Journal.State;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits for the index: between waves as each registry's wait policy says ({@code index} polls until the wave is
 * visible, {@code fixed} sleeps, {@code none} goes on), and after the last wave the integrity check: every crate
 * visible in its index with the checksum of the crate we built.
 */
final class IndexWaiter {

    private final PublishRun run;
    private final RunContext ctx;

    IndexWaiter(PublishRun run) {
        this.run = run;
        this.ctx = run.ctx;
    }

    /** After wave {@code wave}: returns a failure message, or null when the next wave may go. */
    String afterWave(int wave, List<PublishItem> inWave) {
        Map<String, List<PublishItem>> byRegistry = inWave.stream()
                .collect(Collectors.groupingBy(PublishItem::registry, LinkedHashMap::new, Collectors.toList()));
        long fixed = 0;
        for (Map.Entry<String, List<PublishItem>> g : byRegistry.entrySet()) {
            Target t = run.targets.get(g.getKey());
            switch (t.waitPolicy().strategy()) {
                case NONE -> {
                }
                case FIXED -> fixed = Math.max(fixed, t.waitPolicy().delay().toMillis());
                case INDEX -> {
                    if (!t.sparse()) {
                        break;  // a git index: cargo publish waited for it already
                    }
                    for (PublishItem i : g.getValue()) {
                        String f = awaitIndex(i, t, t.waitPolicy().timeout(), "[wave " + wave + "]");
                        if (f != null) {
                            return f;
                        }
                    }
                }
            }
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
        List<String> problems = new ArrayList<>();
        for (PublishItem i : run.items) {
            if (!i.done()) {
                continue;
            }
            Target t = run.target(i);
            if (!t.sparse()) {
                continue;
            }
            String f = awaitIndex(i, t, timeout != null ? timeout : t.waitPolicy().timeout(), "[check]");
            if (f != null) {
                problems.add(f);
                run.journal.update(i.entry(), State.FAILED, f);
            } else if (i.status() == Status.PUBLISHED) {
                run.journal.update(i.entry(), State.VERIFIED, null);
            }
        }
        if (problems.isEmpty()) {
            ctx.out().info("Integrity: every crate is in its index with the expected SHA-256");
            return null;
        }
        return String.join("; ", problems);
    }

    /** Polls the index until the version is visible; returns a failure message, or null once it is. */
    private String awaitIndex(PublishItem i, Target t, Duration timeout, String prefix) {
        long start = ctx.clock().millis();
        long interval = Math.max(100, t.waitPolicy().interval().toMillis());
        long lastNote = start;
        while (true) {
            try {
                IndexEntry e = run.access.find(t, i.name(), i.version());
                if (e != null) {
                    long waited = ctx.clock().since(start);
                    i.addWait(waited);
                    if (!e.cksum().equals(i.expected())) {
                        return "integrity check failed: the index of `" + t.name() + "` lists " + i.label()
                                + " with checksum " + e.cksum() + " but the crate we built has " + i.expected();
                    }
                    if (waited >= 1000) {
                        ctx.out().info(prefix + " " + i.label() + " visible in the index of `" + t.name() + "` after "
                                + Durations.human(Duration.ofMillis(waited)));
                    }
                    return null;
                }
            } catch (IOException | RegistryHttpException ex) {
                ctx.out().warn(prefix + " index lookup of " + i.label() + " failed: "
                        + ctx.masker().mask(ex.getMessage()) + "; trying again");
            }
            long now = ctx.clock().millis();
            if (now - start >= timeout.toMillis()) {
                return i.label() + " did not appear in the index of `" + t.name() + "` within "
                        + Durations.human(timeout) + " (the upload itself succeeded)";
            }
            if (now - lastNote >= 10_000) {
                ctx.out().info(prefix + " waiting for " + i.label() + " in the index of `" + t.name() + "`: "
                        + Durations.human(Duration.ofMillis(now - start)) + " so far (timeout "
                        + Durations.human(timeout) + ")");
                lastNote = now;
            }
            Pause.sleep(ctx, Math.min(interval, Math.max(1, timeout.toMillis() - (now - start))));
            if (now - start >= 10_000) {
                interval = Math.min(interval * 3 / 2, 30_000);  // steady for 10 s, then back off
            }
        }
    }
}
