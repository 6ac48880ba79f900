package io.github.cratesrelease.publish;

import io.github.cratesrelease.registry.SparseIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A packaged {@code .crate} file (a gzipped tar whose entries live under {@code <name>-<version>/}): its bytes,
 * SHA-256 and the text files the publish metadata is built from.
 */
public final class CrateArchive {

    private final Path file;
    private final byte[] bytes;
    private final Map<String, byte[]> entries;

    private CrateArchive(Path file, byte[] bytes, Map<String, byte[]> entries) {
        this.file = file;
        this.bytes = bytes;
        this.entries = entries;
    }

    public static CrateArchive read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new CrateArchive(file, bytes, untar(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged crate " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public byte[] bytes() {
        return bytes;
    }

    public String sha256() {
        return sha256(bytes);
    }

    public static String sha256(byte[] data) {
        return SparseIndex.sha256(data);
    }

    /** An entry by its path inside the package directory (e.g. {@code Cargo.toml}), or null. */
    public byte[] entry(String relative) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals(relative)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** True when both archives hold the same files, ignoring {@code .cargo_vcs_info.json} (the commit id). */
    public boolean sameFilesAs(CrateArchive other) {
        boolean lockMatters = hasBinary() || other.hasBinary();
        Map<String, byte[]> a = withoutVcsInfo(entries, lockMatters);
        Map<String, byte[]> b = withoutVcsInfo(other.entries, lockMatters);
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The files that make the crate: without cargo's vcs info (the commit id) and, for a library, without the
     * Cargo.lock cargo packages along (nothing reads it: a sibling's bump changes it, not the crate).
     */
    private static Map<String, byte[]> withoutVcsInfo(Map<String, byte[]> m, boolean lockMatters) {
        Map<String, byte[]> out = new LinkedHashMap<>(m);
        out.keySet().removeIf(k -> k.endsWith("/.cargo_vcs_info.json") || !lockMatters && isLock(k));
        out.replaceAll((k, v) -> isLock(k) ? withoutChecksums(v) : v);
        return out;
    }

    private static boolean isLock(String entry) {
        return entry.endsWith("/Cargo.lock") && entry.indexOf('/') == entry.lastIndexOf('/');
    }

    /**
     * A lock file without its checksum lines: the same versions resolve the same way; the checksums of sibling
     * crates change with every commit (cargo records the commit id in each package), not with their content.
     */
    private static byte[] withoutChecksums(byte[] lock) {
        String text = new String(lock, java.nio.charset.StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.startsWith("checksum = ")).collect(java.util.stream.Collectors
                .joining("\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** How many files the package holds. */
    public int fileCount() {
        return entries.size();
    }

    /** A library target: src/lib.rs or a [lib] table (a crate others can depend on). */
    boolean hasLibrary() {
        String m = manifestText();
        return entry("src/lib.rs") != null || m != null && java.util.regex.Pattern.compile("(?m)^\\[lib]")
                .matcher(m).find();
    }

    /** A binary target: src/main.rs, src/bin/, or a [[bin]] table (cargo install --locked reads its Cargo.lock). */
    boolean hasBinary() {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String rel = e.getKey().substring(e.getKey().indexOf('/') + 1);
            if (rel.equals("src/main.rs") || rel.startsWith("src/bin/") || rel.equals("Cargo.toml")
                    && new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8).contains("[[bin]]")) {
                return true;
            }
        }
        return false;
    }

    public static CrateArchive of(Path name, byte[] bytes) {
        try {
            return new CrateArchive(name, bytes, untar(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the crate " + name, e);
        }
    }

    public String manifestText() {
        byte[] m = entry("Cargo.toml");
        if (m == null) {
            throw new IllegalStateException(file + " has no Cargo.toml: not a cargo package");
        }
        return new String(m, StandardCharsets.UTF_8);
    }

    /** Reads a ustar/GNU/pax tar stream into memory (crates are at most a few MiB). */
    static Map<String, byte[]> untar(InputStream in) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] header = new byte[512];
        String longName = null;
        while (true) {
            if (in.readNBytes(header, 0, 512) < 512 || isZero(header)) {
                return out;
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            byte[] data = in.readNBytes((int) size);
            long pad = (512 - size % 512) % 512;
            in.readNBytes((int) pad);
            if (type == 'L') {
                longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if (type == 'x') {
                String path = paxPath(new String(data, StandardCharsets.UTF_8));
                if (path != null) {
                    longName = path;
                }
                continue;
            }
            String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            longName = null;
            if (type == '0' || type == '\0') {
                out.put(full, data);
            }
        }
    }

    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.startsWith("path=", sp + 1)) {
                return line.substring(sp + 6);
            }
        }
        return null;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }
}
