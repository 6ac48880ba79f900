package io.github.cratesrelease.run;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.io.Tasks;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The analysis one goal made, handed to the next goal of the same Maven run that only reads ({@code mvn
 * crates:validate crates:plan} reads the spec and every manifest once, not twice). It is handed on only while every
 * file it was made from is as it was: the spec, the root and member manifests, Cargo.lock, cargo's configuration files
 * (and where none was), the member directories and the directories that hold them (a crate or a manifest added or
 * removed changes their modification time), the README and license file each member declares (the analysis reads
 * neither's content: a declared one is looked at for its existence). A goal that may change files
 * forgets it; so does a goal of another Maven run. Held softly: memory pressure drops it.
 */
final class SharedAnalysis {

    private SharedAnalysis() {
    }

    /** One file or directory as the analysis saw it (absent: size -1). */
    record Stamp(Path path, long size, FileTime modified, Object key) {
        static Stamp of(Path p) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return new Stamp(p, a.isDirectory() ? 0 : a.size(), a.lastModifiedTime(), a.fileKey());
            } catch (IOException absent) {
                return new Stamp(p, -1, null, null);
            }
        }

        /**
         * Whether the file is still as stamped. Compared field by field rather than with the record's equals, whose
         * first call in a JVM builds its method handles (15 ms of a goal that takes 100).
         */
        boolean unchanged() {
            Stamp now = of(path);
            return now.size == size && Objects.equals(now.modified, modified) && Objects.equals(now.key, key);
        }
    }

    private record Entry(String run, Path spec, Map<String, String> env, List<Stamp> inputs, Analysis analysis) {
    }

    private static SoftReference<Entry> last = new SoftReference<>(null);

    /**
     * The analysis an earlier goal of Maven run {@code run} made of {@code spec} with this environment, when none of
     * its files changed since; with diagnostics of its own (a goal adds its findings to them). Null otherwise.
     */
    static synchronized Analysis find(String run, Path spec, Map<String, String> env) {
        Entry e = last.get();
        if (e == null || !e.run().equals(run) || !e.spec().equals(spec) || !e.env().equals(env)) {
            return null;
        }
        if (!unchanged(e.inputs())) {
            last.clear();
            return null;
        }
        return copy(e.analysis());
    }

    /** Whether every stamped file is as it was: the second half looked at on a thread of its own. */
    private static boolean unchanged(List<Stamp> inputs) {
        int half = inputs.size() / 2;
        CompletableFuture<Boolean> second = half < 64 ? null
                : Tasks.background("crates-stamps", () -> allUnchanged(inputs.subList(half, inputs.size())));
        boolean first = allUnchanged(second == null ? inputs : inputs.subList(0, half));
        return (second == null || Tasks.join(second)) && first;
    }

    private static boolean allUnchanged(List<Stamp> stamps) {
        for (Stamp s : stamps) {
            if (!s.unchanged()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stamps the files of a workspace just read, on a thread of its own, while the analysis goes on with them
     * (reconciliation, plan): a thousand stamps take about 30 ms in a fresh JVM.
     */
    static CompletableFuture<List<Stamp>> stampAhead(Path spec, Map<String, String> env, CargoWorkspace ws) {
        return Tasks.background("crates-stamps", () -> stamps(spec, env, ws));
    }

    /**
     * Keeps {@code a}, made of {@code spec} in Maven run {@code run}, for the next goal that only reads, with the
     * stamps {@link #stampAhead} took (waited for here: they are complete before the goal goes on), or taken now.
     */
    static void keep(String run, Path spec, Map<String, String> env, Analysis a,
            CompletableFuture<List<Stamp>> stamped) {
        List<Stamp> stamps = stamped != null ? Tasks.join(stamped) : stamps(spec, env, a.workspace());
        synchronized (SharedAnalysis.class) {
            last = new SoftReference<>(new Entry(run, spec, env, stamps, copy(a)));
        }
    }

    /** A goal that may change files, or that does not share, starts: the next one reads everything again. */
    static synchronized void forget() {
        last.clear();
    }

    private static Analysis copy(Analysis a) {
        return new Analysis(a.spec(), a.workspace(), a.cargoConfig(), a.releaseSet(),
                new Diagnostics().addAll(a.diagnostics()), a.plan());
    }

    /** Everything the analysis read or looked for, stamped now (just after the workspace was read). */
    private static List<Stamp> stamps(Path spec, Map<String, String> env, CargoWorkspace ws) {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(spec);
        Path root = ws.root().toAbsolutePath().normalize();
        paths.add(root);
        paths.add(ws.manifest());
        paths.add(root.resolve("Cargo.lock"));
        for (Path dir : CargoConfig.directories(root, env)) {
            CargoConfig.FILE_NAMES.forEach(name -> paths.add(dir.resolve(name)));
        }
        for (CargoPackage p : ws.members()) {
            paths.add(p.manifest());
            paths.add(p.dir());
            if (p.dir().getParent() != null) {
                paths.add(p.dir().getParent());
            }
            if (p.readme() != null) {
                paths.add(p.readme());
            }
            if (p.licenseFile() != null) {
                paths.add(p.licenseFile());
            }
        }
        List<Stamp> stamps = new ArrayList<>(paths.size());
        for (Path p : paths) {
            stamps.add(Stamp.of(Objects.requireNonNull(p).toAbsolutePath().normalize()));
        }
        return stamps;
    }
}
