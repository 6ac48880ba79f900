package io.github.cratesrelease.release;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.publish.PublishItem;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.spec.ActionSpec;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the spec's post-publish actions after the publish and the tags: the top-level ones once per release, a
 * crate's own when the release published that crate. Each reports success or failure; a failure does not undo
 * anything and the others still run; the journal records each finished action so a re-run retries only the rest.
 */
final class PostPublish {

    /** One action applied to the crates it is for. */
    record Job(ActionSpec spec, List<PublishItem> crates) {
        String id() {
            return "post-publish/" + spec.id();
        }
    }

    private PostPublish() {
    }

    static List<Job> jobs(ReleaseRun run) {
        ReleaseSpec spec = run.publish.analysis().spec();
        List<Job> jobs = new ArrayList<>();
        if (run.released.isEmpty()) {
            return jobs;
        }
        for (ActionSpec a : spec.postPublish()) {
            jobs.add(new Job(a, List.copyOf(run.released)));
        }
        for (PublishItem i : run.released) {
            ReleaseSpec.CrateSpec c = spec.crates() == null ? null : spec.crates().get(i.name());
            if (c != null) {
                c.postPublish().forEach(a -> jobs.add(new Job(a, List.of(i))));
            }
        }
        return jobs;
    }

    static void run(RunContext ctx, ReleaseRun run, boolean simulate) {
        List<Job> jobs = jobs(run);
        if (!run.options.postPublish()) {
            if (!jobs.isEmpty()) {
                ctx.out().info("Post-publish: " + jobs.size() + " action(s) skipped (-Dcrates.postPublish=false)");
            }
            return;
        }
        if (jobs.isEmpty()) {
            boolean any = !run.publish.analysis().spec().allActions().isEmpty();
            if (any) {
                ctx.out().info("Post-publish: nothing was released by this run; no action runs");
            }
            return;
        }
        Actions actions = new Actions(ctx, run);
        for (Job job : jobs) {
            String label = "[post-publish " + job.spec().id() + "]";
            if (!simulate && run.journal().stepDone(job.id())) {
                ctx.out().info(label + " done by the interrupted run; not repeated");
                run.actionsDone.add(job.spec().id());
                continue;
            }
            try {
                String outcome = simulate || run.rehearse() && !job.spec().runsInRehearsal()
                        ? actions.describe(job) : actions.execute(job);
                ctx.out().info(label + " " + outcome);
                if (simulate) {
                    run.actionsSimulated.add(job.spec().id());
                } else {
                    run.journal().stepCompleted(job.id());
                    run.actionsDone.add(job.spec().id());
                }
            } catch (ActionFailure | ReleaseException e) {
                String msg = ctx.masker().mask(e.getMessage());
                ctx.out().error(label + " FAILED: " + msg);
                run.journal().event(job.id() + " failed: " + msg);
                run.actionsFailed.add(job.spec().id() + ": " + msg);
            }
        }
    }

    /** Fails the release at the end when an action failed: the crates stay published, a re-run retries. */
    static void failIfAny(RunContext ctx, ReleaseRun run) {
        if (run.actionsFailed.isEmpty()) {
            return;
        }
        throw new ReleaseException(Diagnostic.error(Location.of(run.publish.analysis().spec().file()),
                run.actionsFailed.size() + " post-publish action(s) failed: " + String.join("; ", run.actionsFailed)
                        + ". The crates are published" + (run.tags.isEmpty() ? "" : " and tagged")
                        + "; nothing is undone",
                "fix the cause, then run " + ctx.invocation().command() + " again: only the actions that did not "
                        + "finish run again (" + run.actionsDone.size() + " finished)"));
    }

    /** What went wrong with one action, in words for the user (never a secret). */
    static final class ActionFailure extends RuntimeException {
        ActionFailure(String message) {
            super(message);
        }
    }
}
