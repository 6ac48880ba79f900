package io.github.cratesrelease.publish;

import io.github.cratesrelease.plan.PublishPlan.PlannedCrate;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.run.Journal;

/** A crate being released in this run: what the plan says, its journal record and what happened to it so far. */
public final class PublishItem {
    private final PlannedCrate planned;
    private final int wave;
    private final Journal.Entry entry;
    private volatile CrateArchive archive;
    private volatile String metadata;
    private volatile boolean newCrate;
    private volatile Status status = Status.NOT_PUBLISHED;
    private volatile long waitMs;
    private volatile boolean byThisRun;
    /** Seen in its registry's index (by the lookup or a wait); false while only the web API knows it. */
    private volatile boolean indexed;
    /** The checksum the index must show: ours, or the registry's for a crate published from another commit. */
    private volatile String expectedCksum;

    PublishItem(PlannedCrate planned, int wave, Journal.Entry entry) {
        this.planned = planned;
        this.wave = wave;
        this.entry = entry;
    }

    public PlannedCrate planned() {
        return planned;
    }

    public String name() {
        return planned.name();
    }

    public String version() {
        return planned.version();
    }

    public String registry() {
        return planned.registry();
    }

    public int wave() {
        return wave;
    }

    public Journal.Entry entry() {
        return entry;
    }

    public CrateArchive archive() {
        return archive;
    }

    void archive(CrateArchive a) {
        archive = a;
    }

    String metadata() {
        return metadata;
    }

    void metadata(String m) {
        metadata = m;
    }

    public boolean newCrate() {
        return newCrate;
    }

    void newCrate(boolean n) {
        newCrate = n;
    }

    public Status status() {
        return status;
    }

    void status(Status s) {
        status = s;
    }

    /** Published by this run or found already published. */
    public boolean done() {
        return status == Status.PUBLISHED || status == Status.SKIPPED;
    }

    /** Uploaded by this run (not found published, nor uploaded by an interrupted run). */
    public boolean byThisRun() {
        return byThisRun;
    }

    void uploadedNow() {
        byThisRun = true;
    }

    /** Seen in its registry's index by this run; a crate only the web API knows may still be lagging. */
    public boolean indexed() {
        return indexed;
    }

    void indexed(boolean seen) {
        indexed = seen;
    }

    public long waitMs() {
        return waitMs;
    }

    synchronized void addWait(long ms) {
        waitMs += ms;
    }

    void expectedCksum(String c) {
        expectedCksum = c;
    }

    /**
     * On its registry with the checksum of the crate built here (uploaded now, or earlier from this very commit: the
     * checksum covers the commit id cargo records), as opposed to one published from another commit.
     */
    public boolean builtHere() {
        return done() && expectedCksum == null;
    }

    /** The checksum the index must show. */
    public String expected() {
        return expectedCksum != null ? expectedCksum : archive.sha256();
    }

    public String label() {
        return planned.name() + " " + planned.version();
    }
}
