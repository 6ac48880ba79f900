package io.github.cratesrelease.release;

import io.github.cratesrelease.publish.PublishEngine;
import io.github.cratesrelease.run.Interruption;
import io.github.cratesrelease.run.Pipeline;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.run.RunLock;

/**
 * crates:release — checks, publish of what is new, tags, push, post-publish actions — and crates:tag, each a list of
 * steps ({@link ReleaseSteps}) run by a {@link Pipeline} on one {@link ReleaseRun}.
 */
public final class ReleaseGoal {

    private ReleaseGoal() {
    }

    /** What a release did, for callers and tests. */
    public record Result(int publishedNow, int released, int tagsCreated, java.util.List<String> tags,
            java.util.List<String> actionsDone, boolean pushed) {
    }

    public static Result release(RunContext ctx, ReleaseOptions options) {
        return run(ctx, options, new Pipeline<>("release", ReleaseSteps.RELEASE, ReleaseRun::journal));
    }

    public static Result tag(RunContext ctx, ReleaseOptions options) {
        ReleaseOptions readOnly = new ReleaseOptions(options.publish().toBuilder().uploads(false).verify(false)
                .build(), options.push(), false);
        return run(ctx, readOnly, new Pipeline<>("tag", ReleaseSteps.TAG_ONLY, ReleaseRun::journal));
    }

    private static Result run(RunContext ctx, ReleaseOptions options, Pipeline<ReleaseRun> pipeline) {
        try (RunLock lock = PublishEngine.lock(ctx, pipeline.goal());
                ReleaseRun run = new ReleaseRun(ctx, options);
                Interruption stop = Interruption.announce(ctx, () -> PublishEngine.interrupted(run.publish))) {
            pipeline.run(ctx, run);
            return new Result((int) run.publish.items().stream().filter(i -> i.byThisRun()).count(),
                    run.released.size(), (int) run.tags.values().stream().filter(t -> t.created).count(),
                    java.util.List.copyOf(run.tags.keySet()), java.util.List.copyOf(run.actionsDone), run.pushed);
        }
    }
}
