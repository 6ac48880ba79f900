package io.github.cratesrelease.publish;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.client.RegistryClient.IndexEntry;
import io.github.cratesrelease.registry.client.RegistryDataException;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.run.Journal.State;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.version.VersionBump;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks each crate's registry, in parallel, whether its version is published: with our checksum it is skipped (or,
 * when the interrupted run uploaded it, counted as published); with the same files from another commit it is
 * skipped; with other content (files changed, version not bumped) it is left out with a warning naming the bump
 * command. Crates left out by {@code -Dcrates.crates} must not be needed by the selected ones.
 */
final class VersionLookup {

    private VersionLookup() {
    }

    /** What a registry said about one crate: its index lines, and the web API's checksum when the index lacks it. */
    record Answer(List<IndexEntry> lines, String apiCksum) {
    }

    /**
     * Asks every crate's registry in the background, while cargo packages (the answers need no package, and a
     * registry across the internet answers in tens of milliseconds each): {@link #lookupAll} then uses them instead
     * of asking again. A question that fails is simply asked again, in order, by {@link #lookupAll}.
     */
    static CompletableFuture<Map<PublishItem, Answer>> askAhead(PublishRun run) {
        List<PublishItem> asked = run.items.stream().filter(i -> asks(run, i)).toList();
        return Tasks.background("crates-ask-ahead", () -> {
            Map<PublishItem, Answer> answers = new ConcurrentHashMap<>();
            try {
                Tasks.inParallel("crates-ask-ahead", IndexWaiter.PARALLEL_READS, asked, i -> {
                    try {
                        answers.put(i, ask(run, i, false));
                    } catch (IOException | RegistryHttpException | RuntimeException e) {
                        // asked again by lookupAll, which reports it
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answers;
        });
    }

    /** Whether the registry of a crate is asked at all: a sparse index, and not the rehearsal's on a dry run. */
    private static boolean asks(PublishRun run, PublishItem i) {
        Target t = run.target(i);
        return t.sparse() && !(run.ctx.dryRun() && t.cargoName().equals(PublishRun.REHEARSAL));
    }

    /**
     * Asks a crate's registry: its index lines, and the web API's checksum when the index lacks the version (it may
     * lag behind an upload of an interrupted run, whose journal may be gone: the web API knows at once).
     *
     * @param warn say so when the web API cannot tell (else it is an exception, asked again later)
     */
    private static Answer ask(PublishRun run, PublishItem i, boolean warn) throws IOException, RegistryHttpException {
        Target t = run.target(i);
        List<IndexEntry> lines = run.access.index(t, i.name());
        boolean found = lines.stream().anyMatch(l -> sameVersion(l.version(), i.version()));
        String api = found ? null : run.access.api(t);
        String cksum = api == null ? null : warn ? apiChecksum(run, i, t, api)
                : run.access.client().apiChecksum(api, i.name(), i.version(), t.token());
        return new Answer(lines, cksum);
    }

    static void lookupAll(PublishRun run) {
        Map<PublishItem, Answer> ahead = run.askedAhead == null ? Map.of() : run.askedAhead.join();
        List<Diagnostic> conflicts = Collections.synchronizedList(new ArrayList<>());
        try {
            Tasks.inParallel("crates-lookup", IndexWaiter.PARALLEL_READS, run.items,
                    i -> lookup(run, i, ahead.get(i), conflicts));
        } catch (InterruptedException e) {
            throw new ReleaseException(Diagnostic.error(Location.of(run.ctx.spec()), "interrupted while looking "
                    + "up versions; nothing was uploaded", "run the same command again"));
        }
        PublishOptions o = run.options;
        for (PublishItem i : run.items) {
            if (!o.selected(i.name()) && (i.status() == Status.NOT_PUBLISHED || i.status() == Status.CONFLICT)) {
                i.status(Status.NOT_SELECTED);
            }
        }
        for (Diagnostic c : conflicts) {
            PublishItem i = run.items.stream().filter(x -> c.message().startsWith(x.label() + " ")).findFirst()
                    .orElse(null);
            if (i != null && i.status() == Status.CONFLICT) {
                run.ctx.out().warn(c.location() + ": " + c.message() + " (" + c.hint() + ")");
            }
        }
        Diagnostics missing = new Diagnostics();
        for (PublishItem i : run.items) {
            if (i.status() != Status.NOT_PUBLISHED) {
                continue;
            }
            for (String dep : i.planned().dependsOn()) {
                run.items.stream().filter(d -> d.name().equals(dep) && d.status() == Status.NOT_SELECTED)
                        .findFirst().ifPresent(d -> missing.error(Location.of(i.planned().manifest()), i.label()
                                + " depends on " + d.label() + ", which is not on `" + d.registry()
                                + "` and not selected", "add it: -Dcrates.crates=" + String.join(",",
                                        selectionWith(o, d.name()))));
            }
        }
        if (missing.hasErrors()) {
            throw new ReleaseException("cannot publish the selection: " + missing.errors().size()
                    + " dependency(ies) would be missing; nothing was uploaded", missing);
        }
    }

    private static List<String> selectionWith(PublishOptions o, String extra) {
        List<String> names = new ArrayList<>(o.crates());
        names.add(extra);
        return names;
    }

    /** Looks one version up on its registry: skip it, note a conflict, or leave it to upload. */
    private static void lookup(PublishRun run, PublishItem i, Answer ahead, List<Diagnostic> conflicts) {
        RunContext ctx = run.ctx;
        boolean dryRun = ctx.dryRun();
        Target t = run.target(i);
        if (!asks(run, i)) {
            i.newCrate(t.sparse());  // a dry run's rehearsal registry is fresh: every crate is new there
            return;
        }
        State state = i.entry().state();
        try {
            // the journal only saves lookups, it never decides: the registry (index, else web API) does
            Answer answer = ahead != null ? ahead : ask(run, i, true);
            List<IndexEntry> lines = answer.lines();
            i.newCrate(lines.isEmpty());
            IndexEntry found = lines.stream().filter(l -> sameVersion(l.version(), i.version())).findFirst()
                    .orElse(null);
            i.indexed(found != null);
            boolean apiOnly = found == null && answer.apiCksum() != null;
            String cksum = found != null ? found.cksum() : answer.apiCksum();
            if (apiOnly) {
                ctx.out().info(i.label() + ": on `" + t.name() + "` (its web API says so), not yet in the index");
            }
            if (cksum == null) {
                return;
            }
            if (cksum.isEmpty() || cksum.equals(i.archive().sha256())) {
                boolean thisRelease = state != null && state.mayBeUploaded() || apiOnly;
                i.status(thisRelease ? Status.PUBLISHED : Status.SKIPPED);
                if (state != State.UPLOADED && state != State.VERIFIED) {
                    run.journal.update(i.entry(), thisRelease ? State.UPLOADED : State.SKIPPED, null);
                }
                ctx.out().info((dryRun ? "Would skip " : "Skip ") + i.label() + ": already on `" + t.name()
                        + "` with the same checksum" + (state != null && state.mayBeUploaded()
                                ? " (uploaded by the interrupted run)" : apiOnly ? " (uploaded by an earlier run)"
                                        : ""));
            } else if (sameFiles(run, i, t, cksum)) {
                // uploaded by the interrupted run of this release (before a commit that fixed something else):
                // released with it, and tagged with it
                boolean thisRelease = state != null && state.mayBeUploaded();
                i.status(thisRelease ? Status.PUBLISHED : Status.SKIPPED);
                i.expectedCksum(cksum);
                if (!thisRelease) {
                    run.journal.update(i.entry(), State.SKIPPED, null);
                }
                ctx.out().info((dryRun ? "Would skip " : "Skip ") + i.label() + ": already on `" + t.name()
                        + "` with the same files (packaged from another commit" + (thisRelease
                                ? ", uploaded by the interrupted run of this release)" : ")"));
            } else {
                i.status(Status.CONFLICT);
                i.expectedCksum(cksum);
                conflicts.add(Diagnostic.warning(Location.of(i.planned().manifest()), i.label() + " is already on `"
                        + t.name() + "`, but its files changed since that version was published (registry checksum "
                        + cksum + ", now " + i.archive().sha256() + "); it is left out of this release",
                        bumpHint(run, i)));
            }
        } catch (IOException | RegistryHttpException e) {
            String msg = ctx.masker().mask(e instanceof RegistryDataException ? "registry `" + t.name() + "`: "
                    + e.getMessage() : "cannot look up " + i.label() + " on `" + t.name() + "`: " + e.getMessage());
            if (dryRun) {
                ctx.out().warn(msg);
            } else {
                throw new ReleaseException(Diagnostic.error(Location.of(i.planned().manifest()), msg,
                        "check the registry's index URL and your network, then run again"));
            }
        }
    }

    /**
     * The checksum the web API reports, or null when it does not know the version or cannot tell (a registry whose
     * API has no version lookup): then the upload goes ahead, and an "already uploaded" answer is checked there.
     */
    private static String apiChecksum(PublishRun run, PublishItem i, Target t, String api) throws IOException {
        try {
            return run.access.client().apiChecksum(api, i.name(), i.version(), t.token());
        } catch (RegistryHttpException e) {
            run.ctx.out().warn("cannot ask the web API of `" + t.name() + "` about " + i.label() + " (HTTP "
                    + e.status() + ": " + run.ctx.masker().mask(e.detail()) + "); an \"already uploaded\" answer to "
                    + "its upload will be checked against our checksum");
            return null;
        }
    }

    /** The bump command for one crate, as the user would type it next to the command they ran. */
    private static String bumpHint(PublishRun run, PublishItem i) {
        if ("redist".equals(run.ctx.invocation().goal())) {
            return "a published version cannot change: give its redist source in your spec a new version (version: "
                    + next(i.version()) + "), then run crates:redist again";
        }
        return "a published version cannot change: bump it with " + run.ctx.invocation().other("bump",
                "-Dcrates.crates=" + i.name(), "-Dcrates.bump=patch") + ", then release again";
    }

    private static String next(String version) {
        return VersionBump.next(io.github.cratesrelease.semver.Version.parse(version), VersionBump.Level.PATCH)
                .toString();
    }

    /** Downloads the published crate and compares its files with ours (the commit id in vcs info aside). */
    private static boolean sameFiles(PublishRun run, PublishItem i, Target t, String cksum) {
        try {
            byte[] published = run.access.client().download(t.index(), i.name(), i.version(), cksum, t.token());
            return CrateArchive.of(Path.of(i.name() + "-" + i.version() + ".crate"), published)
                    .sameFilesAs(i.archive());
        } catch (IOException | RegistryHttpException | UncheckedIOException e) {
            run.ctx.out().warn("cannot download the published " + i.label() + " to compare it: "
                    + run.ctx.masker().mask(e.getMessage()));
            return false;
        }
    }

    static boolean sameVersion(String a, String b) {
        return a.split("\\+")[0].equals(b.split("\\+")[0]);
    }
}
