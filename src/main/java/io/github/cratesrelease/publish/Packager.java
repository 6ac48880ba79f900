package io.github.cratesrelease.publish;

import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.run.Journal;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Packages (and verifies) every crate once with {@code cargo package}, one command per target registry, and keeps
 * the {@code .crate} files in the run directory; crates packaged by an interrupted run from the same clean commit
 * are reused.
 */
final class Packager {

    private Packager() {
    }

    static void packageAll(PublishRun run) {
        RunContext ctx = run.ctx;
        PublishOptions o = run.options;
        Path store = run.runDir.resolve("packages");
        Journal journal = run.journal;
        String commit = o.rehearse() || ctx.dryRun() ? null
                : run.tree().cleanCommit();
        boolean sameSources = journal.reusable() && commit != null && commit.equals(journal.sourceCommit());
        if (journal.resumed() && !sameSources) {
            ctx.out().info("The sources changed since the interrupted run (or are not committed): packaging again");
        }
        List<PublishItem> todo = new ArrayList<>();
        for (PublishItem i : run.items) {
            if (!(sameSources && reuse(i))) {
                todo.add(i);
            }
        }
        if (todo.size() < run.items.size()) {
            ctx.out().info("Reusing " + (run.items.size() - todo.size()) + " crate(s) packaged from this commit by the "
                    + (journal.resumed() ? "interrupted" : "last") + " run (" + store + ")");
        }
        if (todo.isEmpty()) {
            return;
        }
        if (o.verify() || o.rehearse() && o.consumerCheck() && !ctx.dryRun()) {
            RustVersionCheck.check(run, run.items);  // before any build: cargo would say it after minutes, buried
        }
        Map<String, List<PublishItem>> byRegistry = todo.stream().collect(Collectors.groupingBy(
                i -> run.target(i).cargoName(), LinkedHashMap::new, Collectors.toList()));
        Path defaultTarget = run.workDir.resolve("target");
        Map<Path, FileTime> before = stamps(defaultTarget, todo);
        for (Map.Entry<String, List<PublishItem>> g : byRegistry.entrySet()) {
            cargoPackage(run, g.getKey(), g.getValue());
        }
        Path targetDir = writtenNow(before, stamps(defaultTarget, todo)) ? defaultTarget
                : run.targetDirectory(run.workDir);  // another target directory: cargo metadata says which
        try {
            Files.createDirectories(store);
            for (PublishItem i : todo) {
                String fileName = i.name() + "-" + i.version() + ".crate";
                Path built = targetDir.resolve("package").resolve(fileName);
                if (!Files.isRegularFile(built)) {
                    throw new ReleaseException(Diagnostic.error(Location.of(i.planned().manifest()),
                            "cargo package reported success but did not produce " + built,
                            "check CARGO_TARGET_DIR and build.target-dir, then run again"));
                }
                Path kept = store.resolve(fileName);
                Files.copy(built, kept, StandardCopyOption.REPLACE_EXISTING);
                i.archive(CrateArchive.read(kept));
                journal.packaged(i.entry(), kept, i.archive().sha256());
                ctx.out().info("Packaged " + i.label() + " (" + i.archive().fileCount() + " files, "
                        + size(i.archive().bytes().length) + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the packaged crates in " + store + ": " + e.getMessage(), e);
        }
        journal.sourceCommit(commit);
    }

    /** The modification time of each crate's file in {@code target}/package (null where there is none). */
    private static Map<Path, FileTime> stamps(Path target, List<PublishItem> crates) {
        Map<Path, FileTime> m = new LinkedHashMap<>();
        for (PublishItem i : crates) {
            Path f = target.resolve("package").resolve(i.name() + "-" + i.version() + ".crate");
            try {
                m.put(f, Files.getLastModifiedTime(f));
            } catch (IOException absent) {
                m.put(f, null);
            }
        }
        return m;
    }

    /**
     * Whether cargo just wrote every crate into the default target directory: each file there now, and changed by
     * this packaging (a file of an earlier run, left where cargo no longer writes, is unchanged). Then no {@code cargo
     * metadata} process is needed to learn where the crates went (it competed with cargo's verification build); a
     * file system too coarse to tell merely falls back to asking cargo.
     */
    private static boolean writtenNow(Map<Path, FileTime> before, Map<Path, FileTime> after) {
        return after.entrySet().stream().allMatch(e -> e.getValue() != null
                && !e.getValue().equals(before.get(e.getKey())));
    }

    /** Takes the crate the interrupted run packaged, when its file is still there with the recorded checksum. */
    private static boolean reuse(PublishItem i) {
        Journal.Entry e = i.entry();
        if (e.file() == null || e.cksum() == null || !Files.isRegularFile(Path.of(e.file()))) {
            return false;
        }
        CrateArchive c = CrateArchive.read(Path.of(e.file()));
        if (!c.sha256().equals(e.cksum())) {
            return false;
        }
        i.archive(c);
        return true;
    }

    private static void cargoPackage(PublishRun run, String registry, List<PublishItem> crates) {
        PublishOptions o = run.options;
        List<String> cmd = new ArrayList<>(List.of("cargo", "package", "--registry", registry));
        for (PublishItem i : crates) {
            cmd.add("-p");
            cmd.add(i.name());
        }
        if (!o.verify()) {
            cmd.add("--no-verify");
        }
        if (o.allowDirty() || o.rehearse() || run.ctx.dryRun()) {
            cmd.add("--allow-dirty");
        }
        long t0 = run.ctx.clock().millis();
        CargoLog log = run.cargoLog();
        ProcessRunner.Result r = null;
        if (offlineIsEquivalent(run)) {
            // every version is already chosen: packaging offline checks the same things, without cargo's ~40 online
            // index queries per crate (unpublished siblings come from cargo's overlay registry); reading no index,
            // it needs no token, so the build scripts it runs never see one
            List<String> offline = new ArrayList<>(cmd);
            offline.add("--offline");
            announce(run, registry, crates, offline);
            r = log.run(run.workDir, run.cargoEnv(), offline, "", false);
            if (!r.ok() && offlineMode(r)) {
                run.ctx.out().info("Packaging offline needs what cargo's local cache lacks (" + offlineReason(r)
                        + "): packaging online");
                r = null;
            }
        }
        if (r == null) {
            announce(run, registry, crates, cmd);
            r = log.run(run.workDir, run.cargoEnv(registry), cmd, "", false);
        }
        if (!r.ok()) {
            List<String> names = crates.stream().map(PublishItem::name).toList();
            String crate = CargoLog.crateOf(r.output(), names);
            PublishItem which = crates.stream().filter(i -> i.name().equals(crate)).findFirst().orElse(null);
            Location at = which == null ? Location.of(run.analysis.workspace().manifest())
                    : Location.of(which.planned().manifest());
            throw new ReleaseException(Diagnostic.error(at, "cargo package failed"
                    + (which == null ? "" : " for " + which.label()) + " (exit " + r.exit()
                    + "); nothing was uploaded. Cargo says:\n" + log.errorBlock(r).indent(4).stripTrailing() + "\n",
                    "fix what cargo says, then run again; its whole output is in " + log.file()));
        }
        run.ctx.out().debug("Packaged in " + Durations.human(Duration.ofMillis(run.ctx.clock().since(t0))));
    }

    private static void announce(PublishRun run, String registry, List<PublishItem> crates, List<String> cmd) {
        run.ctx.out().info("Packaging" + (run.options.verify() ? " and verifying " : " ") + crates.size()
                + " crate(s) for `" + registry + "`: " + String.join(" ", cmd));
    }

    /**
     * Whether packaging offline resolves the same versions as online: with a lock file every version is chosen
     * already; without one, only when every dependency is a member of the workspace (no registry to ask).
     */
    static boolean offlineIsEquivalent(PublishRun run) {
        CargoWorkspace ws = run.analysis.workspace();
        return Files.isRegularFile(run.workDir.resolve("Cargo.lock")) || ws.members().stream()
                .flatMap(p -> p.dependencies().stream()).allMatch(d -> ws.target(d).isPresent());
    }

    /** Whether cargo failed for want of the network (a dependency or index entry not in its local cache). */
    static boolean offlineMode(ProcessRunner.Result r) {
        return r.output().stream().anyMatch(l -> l.contains("offline mode") || l.contains("--offline")
                || l.contains("-Z no-index-update"));
    }

    private static String offlineReason(ProcessRunner.Result r) {
        return r.output().stream().filter(l -> l.startsWith("error:") || l.contains("failed to"))
                .map(l -> l.replaceFirst("^error: ", "").strip()).findFirst().orElse("see " + "the cargo log");
    }

    /** A size as cargo prints it: bytes, KiB or MiB with one decimal. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double k = bytes / 1024.0;
        return k < 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", k)
                : String.format(java.util.Locale.ROOT, "%.1f MiB", k / 1024);
    }
}
