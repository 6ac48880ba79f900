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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** The reads ahead, in the order of the directories {@link #readAhead} was given (null: not read ahead). */
    private List<Read> ahead = List.of();

    /** Reads ahead from {@code readAheadFrom} members (a test reads one by one to compare). */
    ManifestFiles(int readAheadFrom) {
        this.readAheadFrom = readAheadFrom;
    }

    /**
     * A member's manifest read and parsed ahead, with the findings of reading it (kept apart until it is used) and,
     * when {@code modelled}, what the {@link Modeller} made of it (null when it found the manifest unusable), its
     * findings following the parser's.
     */
    record Read(TomlParseResult toml, Diagnostics findings, boolean modelled, Object model) {
    }

    /**
     * What a load makes of a member's parsed manifest, run on the reading thread: it reports into {@code findings}
     * through {@code in} (the member's accessor, reporting there too), and must not touch shared mutable state.
     */
    interface Modeller {
        Object model(Path dir, Path manifest, TomlParseResult toml, TomlAccess in, Diagnostics findings);
    }

    /**
     * Reads, parses and models the manifests of {@code memberDirs} on every core (most of the work of analysing a
     * workspace of thousands of crates); {@link #ahead} hands each out by its place in the list, for its findings
     * to be reported in member order, as if read one by one.
     */
    void readAhead(List<Path> memberDirs, Modeller modeller) {
        if (memberDirs.size() < readAheadFrom) {
            return;
        }
        try {
            ahead = Tasks.map("crates-manifests", Runtime.getRuntime().availableProcessors(), memberDirs, d -> {
                // no look before the read: a member named as a path may have no manifest, or one may be gone since;
                // either is read again in order, where the finding is reported
                Path m = d.resolve("Cargo.toml");
                Diagnostics findings = new Diagnostics();
                try {
                    String text = TextFiles.read(m);
                    TomlParseResult toml = TomlAccess.parse(m, text, findings);
                    boolean modelled = !toml.hasErrors();
                    Object model = modelled ? modeller.model(d, m, toml, new TomlAccess(m, text, findings), findings)
                            : null;
                    return new Read(toml, findings, modelled, model);
                } catch (ReleaseException | UncheckedIOException e) {
                    return null;  // not UTF-8, or not readable: read again in order, where the finding is reported
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The read ahead of the {@code index}-th directory {@link #readAhead} was given (its manifest exists and was
     * parsed; its findings are the caller's to report), or null when it was not read ahead.
     */
    Read ahead(int index) {
        return index >= 0 && index < ahead.size() ? ahead.get(index) : null;
    }

    TomlParseResult parse(Path manifest, Diagnostics diags) {
        TomlParseResult cached = parsed.get(manifest);
        if (cached != null) {
            return cached;
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

    /** The accessor of a manifest {@link #parse} has read, or null. */
    TomlAccess access(Path manifest) {
        return access.get(manifest);
    }
}
