package io.github.cratesrelease.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a release did, step by step, on disk ({@code release-journal.json}), rewritten atomically after every
 * change so a killed run leaves a readable record. A re-run of the same plan reads it to reuse the packaged
 * crates and to know which uploads may have reached the registry.
 */
public final class Journal {

    public enum State {
        PACKAGED, UPLOADING, UPLOADED, SKIPPED, VERIFIED, FAILED;

        /** The upload may have reached the registry. */
        public boolean mayBeUploaded() {
            return this == UPLOADING || this == UPLOADED || this == VERIFIED;
        }
    }

    /** One crate's record. */
    public static final class Entry {
        public final String name;
        public final String version;
        public final String registry;
        public final int wave;
        public String file;
        public String cksum;
        public State state;
        public int attempts;
        public long uploadMs = -1;
        public long waitMs = -1;
        public String detail;
        public String updated;

        Entry(String name, String version, String registry, int wave) {
            this.name = name;
            this.version = version;
            this.registry = registry;
            this.wave = wave;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final String fingerprint;
    private final String started;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final boolean resumed;
    private String head;

    private Journal(Path file, String fingerprint, String started, boolean resumed) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.started = started;
        this.resumed = resumed;
    }

    /**
     * The journal of this plan: the one on disk when its fingerprint matches, else a fresh one (the file of
     * another plan is kept as {@code release-journal.previous.json}).
     */
    public static Journal open(Path file, String fingerprint) {
        if (Files.isRegularFile(file)) {
            try {
                JsonNode n = JSON.readTree(Files.readString(file));
                if (fingerprint.equals(n.path("fingerprint").asString(""))) {
                    Journal j = new Journal(file, fingerprint, n.path("started").asString(), true);
                    j.head = text(n, "sourceCommit");
                    for (JsonNode e : n.path("crates")) {
                        Entry x = new Entry(e.path("name").asString(), e.path("version").asString(),
                                e.path("registry").asString(), e.path("wave").asInt());
                        x.file = text(e, "file");
                        x.cksum = text(e, "cksum");
                        x.state = e.hasNonNull("state") ? State.valueOf(e.path("state").asString()) : null;
                        x.attempts = e.path("attempts").asInt(0);
                        x.uploadMs = e.path("uploadMs").asLong(-1);
                        x.waitMs = e.path("waitMs").asLong(-1);
                        x.detail = text(e, "detail");
                        x.updated = text(e, "updated");
                        j.entries.put(x.name, x);
                    }
                    for (JsonNode ev : n.path("events")) {
                        j.events.add(ev.asString());
                    }
                    return j;
                }
                Files.move(file, file.resolveSibling("release-journal.previous.json"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException unreadable) {
                // a journal we cannot read is set aside; the registry lookups still prevent double uploads
                try {
                    Files.move(file, file.resolveSibling("release-journal.unreadable.json"),
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
        return new Journal(file, fingerprint, Instant.now().toString(), false);
    }

    private static String text(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.path(k).asString() : null;
    }

    /** The git commit the crates were packaged from (null: unknown, not a repository or a dirty tree). */
    public synchronized String sourceCommit() {
        return head;
    }

    public synchronized void sourceCommit(String commit) {
        head = commit;
        save();
    }

    public boolean resumed() {
        return resumed;
    }

    public Path file() {
        return file;
    }

    public synchronized Entry entry(String name, String version, String registry, int wave) {
        return entries.computeIfAbsent(name, n -> new Entry(name, version, registry, wave));
    }

    public synchronized Entry get(String name) {
        return entries.get(name);
    }

    /** Changes an entry and writes the journal. */
    public synchronized void update(Entry e, State state, String detail) {
        e.state = state;
        if (detail != null) {
            e.detail = detail;
        }
        e.updated = Instant.now().toString();
        events.add(e.updated + " " + e.name + " " + e.version + " " + state + (detail == null ? "" : ": " + detail));
        save();
    }

    public synchronized void event(String text) {
        events.add(Instant.now() + " " + text);
        save();
    }

    public synchronized void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("fingerprint", fingerprint);
        root.put("started", started);
        root.put("updated", Instant.now().toString());
        root.put("sourceCommit", head);
        ArrayNode crates = root.putArray("crates");
        for (Entry e : entries.values()) {
            ObjectNode o = crates.addObject();
            o.put("name", e.name);
            o.put("version", e.version);
            o.put("registry", e.registry);
            o.put("wave", e.wave);
            o.put("file", e.file);
            o.put("cksum", e.cksum);
            o.put("state", e.state == null ? null : e.state.name());
            o.put("attempts", e.attempts);
            o.put("uploadMs", e.uploadMs);
            o.put("waitMs", e.waitMs);
            o.put("detail", e.detail);
            o.put("updated", e.updated);
        }
        ArrayNode ev = root.putArray("events");
        events.forEach(ev::add);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the release journal " + file, e);
        }
    }
}
