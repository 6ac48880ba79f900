package io.github.cratesrelease.publish;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.output.Masker;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One cheap authenticated request per target before anything is uploaded: a registry whose index needs the token
 * ({@code auth-required}) is asked for its config.json with it, so a refused token fails within seconds, at the
 * registry's entry of the spec. (An open index proves nothing about the token: the first upload checks it.)
 *
 * <p>The answers arrive while cargo packages (offline packaging needs no registry): a refused token stops the
 * packaging at once ({@link #during}), and nothing is uploaded. Any other failure to read config.json is a warning.
 */
final class TokenCheck {

    /** A refused token: where, what the registry said, and the hint (the end of its message depends on when). */
    private record Refusal(Location at, String message, String hint) {
    }

    /** What the checks found: refusals (errors) and warnings, masked. */
    record Outcome(List<Refusal> refusals, List<String> warnings) {

        /** No target to check, or checked and reported already. */
        static final Outcome NONE = new Outcome(List.of(), List.of());

        boolean refused() {
            return !refusals.isEmpty();
        }

        ReleaseException failure(String when) {
            Diagnostics d = new Diagnostics();
            refusals.forEach(r -> d.error(r.at(), r.message() + "; " + when, r.hint()));
            return new ReleaseException("cannot publish: " + refusals.size() + " problem(s) with the target "
                    + "registries", d);
        }
    }

    private TokenCheck() {
    }

    /** Starts the checks of every target with a token and a sparse index, each on a thread of its own. */
    static CompletableFuture<Outcome> start(Analysis a, Map<String, Target> targets, RegistryAccess access,
            Masker masker, boolean rehearse) {
        List<Target> checked = targets.values().stream().filter(t -> !rehearse && t.token() != null && t.sparse())
                .toList();
        List<CompletableFuture<RegistryAccess.ConfigRead>> reads = checked.stream().map(access::configAhead).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Refusal> refusals = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                judge(a, checked.get(i), reads.get(i).join(), masker, refusals, warnings);
            }
            return new Outcome(List.copyOf(refusals), List.copyOf(warnings));
        });
    }

    private static void judge(Analysis a, Target t, RegistryAccess.ConfigRead read, Masker masker,
            List<Refusal> refusals, List<String> warnings) {
        if (read.failure() == null) {
            return;
        }
        String name = t.name();
        String config = RegistryClient.httpIndex(t.index()) + "config.json";
        if (read.failure() instanceof RegistryHttpException e) {
            String detail = masker.mask(e.detail() == null ? "" : e.detail());
            if (e.status() == 401 || e.status() == 403) {
                ReleaseSpec.RegistrySpec rs = a.spec().registries().get(name);
                refusals.add(new Refusal(TargetResolver.tokenLocation(a, name), "the token for registry `" + name
                        + "` was refused (HTTP " + e.status() + ")" + (detail.isBlank() ? "" : ": " + detail),
                        "the token came from " + t.token().source() + ": fix or renew it there"
                                + (rs != null && rs.token() != null ? "" : " (or name its source with registries."
                                        + name + ".token: {env: VAR}, {server: id} or {provider: ...})")));
            } else {
                warnings.add("registry `" + name + "`: " + config + " answered HTTP " + e.status()
                        + (detail.isBlank() ? "" : " (" + detail + ")") + "; the token could not be checked before "
                        + "the uploads");
            }
        } else {
            warnings.add("registry `" + name + "`: cannot read " + config + " ("
                    + masker.mask(String.valueOf(read.failure().getMessage())) + "); the token could not be checked "
                    + "before the uploads");
        }
    }

    /**
     * Runs {@code packaging} while the checks finish: a refusal that arrives meanwhile interrupts it (cargo is
     * stopped) and is thrown instead of what the interruption caused; one that arrived before it starts is thrown
     * before anything is packaged. Afterwards the checks are waited for (they are done by then, as a rule), their
     * warnings printed, and a refusal thrown: nothing has been uploaded.
     */
    static void during(CompletableFuture<Outcome> checks, PublishRun run, Runnable packaging) {
        if (checks.isDone()) {
            Outcome o = Tasks.join(checks);
            if (o.refused()) {
                throw o.failure("nothing was packaged");
            }
        }
        Thread worker = Thread.currentThread();
        Object lock = new Object();
        boolean[] packagingNow = {true};
        checks.thenAccept(o -> {
            synchronized (lock) {
                if (o.refused() && packagingNow[0]) {
                    worker.interrupt();
                }
            }
        });
        RuntimeException failed = null;
        try {
            packaging.run();
        } catch (RuntimeException e) {
            failed = e;
        } finally {
            synchronized (lock) {
                packagingNow[0] = false;
            }
        }
        Outcome o = Tasks.join(checks);
        o.warnings().forEach(run.ctx.out()::warn);
        if (o.refused()) {
            Thread.interrupted();  // the interruption was ours
            throw o.failure(failed != null ? "packaging was stopped and nothing was uploaded"
                    : "nothing was uploaded");
        }
        if (failed != null) {
            throw failed;
        }
    }
}
