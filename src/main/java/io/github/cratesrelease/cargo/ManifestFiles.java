package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.toml.TomlParseResult;
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

    private final Map<Path, TomlParseResult> parsed = new HashMap<>();
    private final Map<Path, TomlAccess> access = new HashMap<>();

    /** A manifest read and parsed ahead, with the findings of reading it (kept apart until it is used). */
    private record Read(String text, TomlParseResult toml, Diagnostics findings) {
    }

    private final Map<Path, Read> readAhead = new ConcurrentHashMap<>();

    /**
     * Reads and parses the members' manifests on every core (TOML parsing is most of the work of analysing a
     * workspace of thousands of crates); their findings are reported in member order, as if read one by one.
     */
    void readAhead(Collection<Path> memberDirs) {
        if (memberDirs.size() < 32) {
            return;
        }
        try {
            Tasks.inParallel("crates-manifests", Runtime.getRuntime().availableProcessors(), memberDirs, d -> {
                Path m = d.resolve("Cargo.toml");
                if (!Files.isRegularFile(m)) {
                    return;
                }
                Diagnostics findings = new Diagnostics();
                try {
                    String text = TextFiles.read(m);
                    readAhead.put(m, new Read(text, TomlAccess.parse(m, text, findings), findings));
                } catch (ReleaseException e) {
                    // not UTF-8: read again in order, where the finding is reported
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    TomlParseResult parse(Path manifest, Diagnostics diags) {
        TomlParseResult cached = parsed.get(manifest);
        if (cached != null) {
            return cached;
        }
        Read ahead = readAhead.remove(manifest);
        if (ahead != null) {
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

    /** The accessor of a manifest {@link #parse} has read, or null. */
    TomlAccess access(Path manifest) {
        return access.get(manifest);
    }
}
