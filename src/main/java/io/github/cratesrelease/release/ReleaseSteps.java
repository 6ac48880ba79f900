package io.github.cratesrelease.release;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.publish.PublishItem;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.publish.PublishRun;
import io.github.cratesrelease.publish.PublishSteps;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.run.Findings;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.run.Step;
import io.github.cratesrelease.run.Step.Action;
import io.github.cratesrelease.spec.ActionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * crates:release as data: validate → changelog check → pre-flight → the publish steps → settle (what this release
 * released) → tag → push → post-publish → summary; and crates:tag, the same without uploads and actions.
 */
final class ReleaseSteps {

    private ReleaseSteps() {
    }

    private static Step<ReleaseRun> publish(Step<PublishRun> step) {
        return Step.within(step, ReleaseRun::publish);
    }

    static final Step<ReleaseRun> CHANGELOG = Step.of("changelog-check", ReleaseSteps::changelog,
            ReleaseSteps::changelog);
    static final Step<ReleaseRun> PREFLIGHT = Step.of("preflight", Preflight::check, Preflight::check);
    static final Step<ReleaseRun> VERIFY = Step.of("verify", ReleaseSteps::verify, Action.none());
    static final Step<ReleaseRun> SETTLE = Step.of("settle", (c, r) -> settle(c, r), (c, r) -> settle(c, r));
    static final Step<ReleaseRun> TAG = Step.of("tag", (c, r) -> Tagger.tag(c, r, false), (c, r) -> Tagger.tag(c, r,
            true));
    static final Step<ReleaseRun> PUSH = Step.of("push", (c, r) -> Tagger.push(c, r, false), (c, r) -> Tagger.push(c,
            r, true));
    static final Step<ReleaseRun> POST_PUBLISH = Step.of("post-publish", (c, r) -> PostPublish.run(c, r, false),
            (c, r) -> PostPublish.run(c, r, true));
    static final Step<ReleaseRun> SUMMARY = Step.of("summary", ReleaseSteps::summary, ReleaseSteps::summary);
    static final Step<ReleaseRun> TAG_SUMMARY = Step.of("summary", ReleaseSteps::tagSummary,
            ReleaseSteps::tagSummary);

    /** Every step of crates:release, in order. */
    static final List<Step<ReleaseRun>> RELEASE = List.of(publish(PublishSteps.VALIDATE), CHANGELOG, PREFLIGHT,
            publish(PublishSteps.PREPARE), publish(PublishSteps.PACKAGE), publish(PublishSteps.LOOKUP),
            publish(PublishSteps.UPLOAD), VERIFY, publish(PublishSteps.REPORT), publish(PublishSteps.CONSUMER_CHECK),
            SETTLE, TAG, PUSH, POST_PUBLISH, SUMMARY);

    /** crates:tag: tag (and push) what is on the registries with this commit's content; nothing is uploaded. */
    static final List<Step<ReleaseRun>> TAG_ONLY = List.of(publish(PublishSteps.VALIDATE),
            publish(PublishSteps.TARGETS), publish(PublishSteps.PREPARE), publish(PublishSteps.PACKAGE),
            publish(PublishSteps.LOOKUP), SETTLE, TAG, PUSH, TAG_SUMMARY);

    private static void changelog(RunContext ctx, ReleaseRun run) {
        var a = run.publish.analysis();
        if (a.spec().changelog() == null) {
            return;
        }
        Diagnostics d = Analyzer.changelogFindings(a, false);
        Diagnostics shown = Preflight.asShown(d, ctx.dryRun() || run.rehearse());
        Findings.report(ctx.out(), shown);
        if (shown.hasErrors()) {
            throw new ReleaseException("cannot release: the changelog has " + shown.errors().size() + " problem(s); "
                    + "nothing was uploaded", shown);
        }
        ctx.out().info("Changelog: a dated section for every version of the release");
    }

    /** The integrity check, unless a verify action does it (with its own budget) after the tags. */
    private static void verify(RunContext ctx, ReleaseRun run) {
        boolean action = run.options.postPublish() && run.publish.analysis().spec().postPublish().stream()
                .anyMatch(a -> a instanceof ActionSpec.Verify);
        if (!action) {
            PublishSteps.VERIFY.execute(ctx, run.publish);
        }
    }

    private static void settle(RunContext ctx, ReleaseRun run) {
        if (run.commit == null) {
            run.commit = ctx.git(run.publish.analysis().workspace().root()).head();
        }
        Tagger.settle(ctx, run);
    }

    private static void summary(RunContext ctx, ReleaseRun run) {
        PublishRun p = run.publish;
        List<PublishItem> items = p.items();
        long now = items.stream().filter(PublishItem::byThisRun).count();
        long interrupted = items.stream().filter(i -> i.status() == Status.PUBLISHED && !i.byThisRun()).count();
        long earlier = run.released.stream().filter(i -> i.status() == Status.SKIPPED).count();
        long already = items.stream().filter(i -> i.status() == Status.SKIPPED).count() - earlier;
        long created = run.tags.values().stream().filter(t -> t.created).count();
        String mode = ctx.dryRun() ? "Dry run" : run.rehearse() ? "Rehearsal" : "Release";
        List<String> parts = new ArrayList<>();
        if (ctx.dryRun()) {
            parts.add(items.stream().filter(i -> i.status() == Status.NOT_PUBLISHED).count() + " crate(s) would be "
                    + "published");
        } else {
            parts.add(now + " published by this run");
            if (interrupted > 0) {
                parts.add(interrupted + " by the interrupted run");
            }
            if (earlier > 0) {
                parts.add(earlier + " published earlier from this commit and tagged now");
            }
        }
        parts.add(already + " already published");
        long conflicts = p.count(Status.CONFLICT);
        if (conflicts > 0) {
            parts.add(conflicts + " changed without a version bump (left out, see the warnings)");
        }
        if (p.count(Status.NOT_SELECTED) > 0) {
            parts.add(p.count(Status.NOT_SELECTED) + " not selected");
        }
        if (!ctx.dryRun()) {
            parts.add(created + " tag(s) created" + (run.pushed ? ", pushed to " + p.analysis().spec().tags().push()
                    : ""));
        }
        if (!run.actionsDone.isEmpty() || !run.actionsFailed.isEmpty()) {
            parts.add("post-publish: " + run.actionsDone.size() + " done, " + run.actionsFailed.size() + " failed");
        }
        if (!run.actionsSimulated.isEmpty()) {
            parts.add("post-publish: " + run.actionsSimulated.size() + " only shown (" + (ctx.dryRun() ? "dry run"
                    : "they reach outside the rehearsal") + ")");
        }
        String elapsed = Durations.human(Duration.ofMillis(ctx.clock().since(p.startMillis())));
        if (!ctx.dryRun() && now + interrupted + earlier == 0 && created == 0 && run.actionsFailed.isEmpty()) {
            ctx.out().info("Nothing to release: " + already + " crate(s) already on their registries"
                    + (run.tags.isEmpty() ? "" : " and tagged")
                    + (conflicts > 0 ? "; " + conflicts + " changed without a version bump and left out (see the "
                            + "warnings)" : "") + "; nothing was uploaded, tagged or pushed (" + elapsed + ")");
        } else {
            ctx.out().info(mode + " done in " + elapsed + ": " + String.join("; ", parts)
                    + (p.report() == null ? "" : ". Report: " + p.report()));
        }
        PostPublish.failIfAny(ctx, run);
        if (!ctx.dryRun()) {
            run.journal().finish();
        }
    }

    private static void tagSummary(RunContext ctx, ReleaseRun run) {
        List<String> untagged = run.publish.items().stream().filter(i -> !i.builtHere()).map(PublishItem::label)
                .toList();
        if (!untagged.isEmpty()) {
            ctx.out().info("Not tagged (not on their registry with this commit's content): " + String.join(", ",
                    untagged));
        }
        if (!ctx.dryRun() && !run.journal().resumed()) {
            run.journal().finish();
        }
    }
}
