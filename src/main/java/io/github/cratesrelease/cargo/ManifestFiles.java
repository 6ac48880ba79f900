package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.toml.TomlParseResult;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifests of one workspace load, each read once (through the decoder that locates a bad byte) and parsed once,
 * with its typed, located accessor; the members' manifests may be read ahead on every core.
 */
final class ManifestFiles {

    /** How many members make reading ahead worth its threads. */
    static final int READ_AHEAD_FROM = 32;

    private final int readAheadFrom;
    private final Map<Path, TomlParseResult> parsed = new HashMap<>();
    private final Map<Path, TomlAccess> access = new HashMap<>();

    /** Reads ahead from {@code readAheadFrom} members (a test reads one by one to compare). */
    ManifestFiles(int readAheadFrom) {
        this.readAheadFrom = readAheadFrom;
    }

    /**
     * A manifest read and parsed ahead, with the findings of reading it (kept apart until it is used) and, when
     * {@code modelled}, what the {@link Modeller} made of it (null when it found the manifest unusable), its
     * findings following the parser's.
     */
    private record Read(String text, TomlParseResult toml, Diagnostics findings, boolean modelled, Object model) {
    }

    /**
     * What a load makes of a member's parsed manifest, run on the reading thread: it reports into {@code findings}
     * through {@code in} (the member's accessor, reporting there too), and must not touch shared mutable state.
     */
    interface Modeller {
        Object model(Path manifest, TomlParseResult toml, TomlAccess in, Diagnostics findings);
    }

    private final Map<Path, Read> readAhead = new ConcurrentHashMap<>();
    /** The reads ahead {@link #parse} has handed out, for their models. */
    private final Map<Path, Read> used = new HashMap<>();

    /**
     * Reads, parses and models the members' manifests on every core (most of the work of analysing a workspace of
     * thousands of crates); their findings are reported in member order, as if read one by one.
     */
    void readAhead(Collection<Path> memberDirs, Modeller modeller) {
        if (memberDirs.size() < readAheadFrom) {
            return;
        }
        try {
            Tasks.inParallel("crates-manifests", Runtime.getRuntime().availableProcessors(), memberDirs, d -> {
                // no look before the read: the members were found by their Cargo.toml, and one gone since (or not a
                // file) is read again in order, where the finding is reported
                Path m = d.resolve("Cargo.toml");
                Diagnostics findings = new Diagnostics();
                try {
                    String text = TextFiles.read(m);
                    TomlParseResult toml = TomlAccess.parse(m, text, findings);
                    boolean modelled = !toml.hasErrors();
                    Object model = modelled ? modeller.model(m, toml, new TomlAccess(m, text, findings), findings)
                            : null;
                    readAhead.put(m, new Read(text, toml, findings, modelled, model));
                } catch (ReleaseException | UncheckedIOException e) {
                    // not UTF-8, or not readable: read again in order, where the finding is reported
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@code manifest} was read ahead (and so exists), whether or not {@link #parse} has handed it out. */
    boolean readAhead(Path manifest) {
        return readAhead.containsKey(manifest) || used.containsKey(manifest);
    }

    TomlParseResult parse(Path manifest, Diagnostics diags) {
        TomlParseResult cached = parsed.get(manifest);
        if (cached != null) {
            return cached;
        }
        Read ahead = readAhead.remove(manifest);
        if (ahead != null) {
            used.put(manifest, ahead);
            diags.addAll(ahead.findings());
            parsed.put(manifest, ahead.toml());
            access.put(manifest, new TomlAccess(manifest, ahead.text(), diags));
            return ahead.toml();
        }
        if (!Files.isRegularFile(manifest)) {
            diags.error(Location.of(manifest), "manifest not found", "check the workspace members");
            return null;
        }
        String text;
        try {
            text = TextFiles.read(manifest);
        } catch (ReleaseException e) { // not UTF-8: located at the first bad byte
            diags.addAll(e.diagnostics());
            return null;
        }
        TomlParseResult r = TomlAccess.parse(manifest, text, diags);
        parsed.put(manifest, r);
        access.put(manifest, new TomlAccess(manifest, text, diags));
        return r;
    }

    /**
     * Whether the member's manifest was modelled ahead (its findings then came with {@link #parse}); its model is
     * {@link #model}.
     */
    boolean modelled(Path manifest) {
        Read r = used.get(manifest);
        return r != null && r.modelled();
    }

    /** The model made ahead of a manifest {@link #modelled} says was. */
    Object model(Path manifest) {
        return used.get(manifest).model();
    }

    /** The accessor of a manifest {@link #parse} has read, or null. */
    TomlAccess access(Path manifest) {
        return access.get(manifest);
    }
}
