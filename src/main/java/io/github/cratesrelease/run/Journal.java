package io.github.cratesrelease.run;

import io.github.cratesrelease.diag.Location;

import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.io.Clock;
import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.io.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run did, crate by crate and step by step, on disk ({@code release-journal.json}), rewritten atomically
 * after every change so a killed run leaves a readable record. A re-run of the same plan reads it to reuse the
 * packaged crates, to know which uploads may have reached the registry, and which steps are done. It is a cache:
 * the registry is the truth. Every change goes through its lock; a dry run keeps one in memory only.
 */
public final class Journal {

    public enum State {
        PACKAGED, UPLOADING, UPLOADED, SKIPPED, VERIFIED, FAILED;

        /** The upload may have reached the registry. */
        public boolean mayBeUploaded() {
            return this == UPLOADING || this == UPLOADED || this == VERIFIED;
        }
    }

    /** One crate's record; read it through its accessors, change it through the journal. */
    public static final class Entry {
        private final String name;
        private final String version;
        private final String registry;
        private final int wave;
        private String file;
        private String cksum;
        private State state;
        private int attempts;
        private long uploadMs = -1;
        private long waitMs = -1;
        private String detail;
        private String updated;

        private Entry(String name, String version, String registry, int wave) {
            this.name = name;
            this.version = version;
            this.registry = registry;
            this.wave = wave;
        }

        public synchronized String name() {
            return name;
        }

        public synchronized String file() {
            return file;
        }

        public synchronized String cksum() {
            return cksum;
        }

        public synchronized State state() {
            return state;
        }

        public synchronized int attempts() {
            return attempts;
        }

        public synchronized long uploadMs() {
            return uploadMs;
        }

        public synchronized String detail() {
            return detail;
        }
    }

    private final Path file;
    private final Clock clock;
    private final String fingerprint;
    private final String started;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> steps = new LinkedHashSet<>();
    private final List<String> events = new ArrayList<>();
    private final boolean resumed;
    private boolean reusable;
    /** Where an unreadable journal found at open was moved, or null. */
    private Path setAside;
    private String unreadableBecause;
    /** Where the parser stopped in the unreadable journal, or null. */
    private Location unreadableAt;
    private boolean finished;
    private String head;

    private Journal(Path file, Clock clock, String fingerprint, String started, boolean resumed) {
        this.file = file;
        this.clock = clock;
        this.fingerprint = fingerprint;
        this.started = started;
        this.resumed = resumed;
    }

    /** A journal that is never written (dry runs). */
    public static Journal inMemory(Clock clock) {
        return new Journal(null, clock, "", clock.now().toString(), false);
    }

    /**
     * The journal of this plan: the one on disk when its fingerprint matches, else a fresh one (the file of
     * another plan is kept as {@code release-journal.previous.json}).
     */
    public static Journal open(Path file, String fingerprint, Clock clock) {
        if (Files.isRegularFile(file)) {
            try {
                String content = Files.readString(file);
                // an empty file reads as a journal of no plan (moved aside as another plan's), as it always did
                JsonValue n = content.isBlank() ? JsonValue.MISSING : JsonValue.parse(content);
                if (fingerprint.equals(n.path("fingerprint").text("")) && !n.path("finished").bool(false)) {
                    Journal j = new Journal(file, clock, fingerprint, n.path("started").text(""), true);
                    j.read(n);
                    return j;
                }
                if (fingerprint.equals(n.path("fingerprint").text(""))) {
                    // the last run of this plan finished: a new run, which may reuse its packaged crates
                    Journal j = new Journal(file, clock, fingerprint, clock.now().toString(), false);
                    j.readPackages(n);
                    return j;
                }
                Files.move(file, file.resolveSibling("release-journal.previous.json"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | JsonValue.Malformed | RuntimeException unreadable) {
                // a journal we cannot read is set aside (the caller says so); the registry lookups still prevent
                // double uploads
                Journal j = new Journal(file, clock, fingerprint, clock.now().toString(), false);
                String why = unreadable instanceof JsonValue.Malformed m ? m.what()
                        : unreadable.getMessage();  // the reader's words; the place is said in front of them
                j.unreadableBecause = String.valueOf(why).lines().findFirst().orElse("");
                if (unreadable instanceof JsonValue.Malformed m && m.line() > 0) {
                    j.unreadableAt = new Location(file, m.line(), Math.max(1, m.column()));
                }
                Path copy = file.resolveSibling("release-journal.unreadable.json");
                try {
                    Files.move(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    j.setAside = copy;
                } catch (IOException e) {
                    j.setAside = file;  // could not move it: it is overwritten by this run's journal
                }
                return j;
            }
        }
        return new Journal(file, clock, fingerprint, clock.now().toString(), false);
    }

    /**
     * When the journal found at open could not be read: a warning naming where it was kept, else null. The run
     * goes on without it (the registry is the truth; the journal only saves work).
     */
    public String unreadableWarning() {
        if (setAside == null) {
            return null;
        }
        return (unreadableAt != null ? unreadableAt + ": the journal" : "the journal " + file) + " could not be read ("
                + unreadableBecause + "); "
                + (setAside.equals(file) ? "it could not be moved aside and is replaced"
                        : "it was set aside as " + setAside)
                + "; this run asks the registry what is already published and repackages the crates";
    }

    private void read(JsonValue n) {
        head = text(n, "sourceCommit");
        for (JsonValue e : n.path("crates")) {
            Entry x = entry(e);
            String state = text(e, "state");
            x.state = state == null ? null : State.valueOf(state);
            x.attempts = e.path("attempts").intValue(0);
            x.uploadMs = e.path("uploadMs").longValue(-1);
            x.waitMs = e.path("waitMs").longValue(-1);
            x.detail = text(e, "detail");
            x.updated = text(e, "updated");
            entries.put(x.name, x);
        }
        for (JsonValue s : n.path("steps")) {
            steps.add(s.text(""));
        }
        for (JsonValue ev : n.path("events")) {
            events.add(ev.text(""));
        }
    }

    private void readPackages(JsonValue n) {
        head = text(n, "sourceCommit");
        reusable = true;
        for (JsonValue e : n.path("crates")) {
            Entry x = entry(e);
            entries.put(x.name, x);
        }
    }

    /** A crate's record as read: who it is, and what it was packaged into. */
    private static Entry entry(JsonValue e) {
        Entry x = new Entry(e.path("name").text(""), e.path("version").text(""), e.path("registry").text(""),
                e.path("wave").intValue(0));
        x.file = text(e, "file");
        x.cksum = text(e, "cksum");
        return x;
    }

    /** A member as text; null when absent or null. */
    private static String text(JsonValue n, String k) {
        return n.path(k).text(null);
    }

    /** The git commit the crates were packaged from (null: unknown, not a repository or a dirty tree). */
    public synchronized String sourceCommit() {
        return head;
    }

    public synchronized void sourceCommit(String commit) {
        head = commit;
        save();
    }

    /** The last run of this plan did not finish: this one resumes it. */
    public boolean resumed() {
        return resumed;
    }

    /** The crates packaged by the last run of this plan (finished or not) may be reused. */
    public boolean reusable() {
        return resumed || reusable;
    }

    /** The run is over (successful): a next run of the plan starts afresh instead of resuming. */
    public synchronized void finish() {
        finished = true;
        save();
    }

    /** The file, or null for a journal kept in memory. */
    public Path file() {
        return file;
    }

    public synchronized Entry entry(String name, String version, String registry, int wave) {
        return entries.computeIfAbsent(name, n -> new Entry(name, version, registry, wave));
    }

    public synchronized Entry get(String name) {
        return entries.get(name);
    }

    /** Records a step done. */
    public synchronized void stepCompleted(String step) {
        if (steps.add(step)) {
            save();
        }
    }

    public synchronized boolean stepDone(String step) {
        return steps.contains(step);
    }

    /** Changes an entry's state (and detail, when not null) and writes the journal. */
    public synchronized void update(Entry e, State state, String detail) {
        synchronized (e) {
            e.state = state;
            if (detail != null) {
                e.detail = detail;
            }
            e.updated = clock.now().toString();
        }
        events.add(e.updated + " " + e.name + " " + e.version + " " + state + (detail == null ? "" : ": " + detail));
        save();
    }

    /** The crate was packaged into {@code crateFile}; an upload that may have happened keeps its state. */
    public synchronized void packaged(Entry e, Path crateFile, String cksum) {
        synchronized (e) {
            e.file = crateFile.toString();
            e.cksum = cksum;
        }
        update(e, e.state != null && e.state.mayBeUploaded() ? e.state : State.PACKAGED, null);
    }

    /** cargo re-packaged the crate when publishing it: its checksum is the one to check. */
    public synchronized void repackaged(Entry e, String cksum) {
        synchronized (e) {
            e.cksum = cksum;
        }
        save();
    }

    /** An upload attempt starts. */
    public synchronized void attempt(Entry e) {
        synchronized (e) {
            e.attempts++;
        }
        update(e, State.UPLOADING, null);
    }

    /** The upload was accepted after {@code ms} milliseconds. */
    public synchronized void uploaded(Entry e, long ms) {
        synchronized (e) {
            e.uploadMs = ms;
        }
        update(e, State.UPLOADED, null);
    }

    public synchronized void event(String text) {
        events.add(clock.now() + " " + text);
        save();
    }

    private void save() {
        if (file == null) {
            return;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("fingerprint", fingerprint);
        root.put("started", started);
        root.put("updated", clock.now().toString());
        root.put("sourceCommit", head);
        root.put("finished", finished);
        List<Object> crates = new ArrayList<>();
        root.put("crates", crates);
        for (Entry e : entries.values()) {
            synchronized (e) {
                Map<String, Object> o = new LinkedHashMap<>();
                crates.add(o);
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
        }
        root.put("steps", new ArrayList<Object>(steps));
        root.put("events", new ArrayList<Object>(events));
        AtomicFiles.writeString(file, JsonText.pretty(root));
    }
}
