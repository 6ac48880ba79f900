package io.github.cratesrelease.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a publish run did.
 *
 * @param crates  one outcome per crate of the plan, in plan order
 * @param report  publish-report.json (null on a dry run)
 * @param journal release-journal.json (null on a dry run)
 */
public record PublishResult(List<CrateOutcome> crates, Duration elapsed, Path report, Path journal, boolean rehearsal,
        boolean dryRun) {

    public enum Status {
        PUBLISHED, SKIPPED, PACKAGED, FAILED, NOT_PUBLISHED,
        /** on the registry with other content, and the version was not bumped: left alone, with a warning */
        CONFLICT,
        /** left out by -Dcrates.crates */
        NOT_SELECTED
    }

    /**
     * @param uploadMs time of the successful upload request (-1 when none was sent)
     * @param waitMs   time spent waiting for this crate (rate limit, index) (-1 when none)
     */
    public record CrateOutcome(int wave, String name, String version, String registry, Status status, String cksum,
            long uploadMs, long waitMs, int attempts, String detail) {
    }

    public long count(Status s) {
        return crates.stream().filter(c -> c.status() == s).count();
    }
}
