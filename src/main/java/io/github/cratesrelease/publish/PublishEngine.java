package io.github.cratesrelease.publish;

import io.github.cratesrelease.io.Clock;
import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.run.Interruption;
import io.github.cratesrelease.run.Invocation;
import io.github.cratesrelease.run.Pipeline;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.run.RunLock;
import java.util.Map;

/**
 * crates:publish: package and verify every crate of the plan once, then upload the packaged crates wave by wave
 * (in parallel within a wave), waiting only as each registry's wait policy says, pacing to its rate limits,
 * retrying what a registry may recover from, and recording every step in a journal so a re-run resumes. It only
 * orchestrates: the goal is the step list of {@link PublishSteps}, run by a {@link Pipeline}.
 */
public final class PublishEngine {

    private final Map<String, String> env;
    private final Reporter reporter;
    private final ProcessRunner runner;
    private final Clock clock;

    public PublishEngine(Map<String, String> env, Reporter reporter, ProcessRunner runner, Clock clock) {
        this.env = env;
        this.reporter = reporter;
        this.runner = runner;
        this.clock = clock;
    }

    public PublishEngine(Map<String, String> env, Reporter reporter, ProcessRunner runner) {
        this(env, reporter, runner, Clock.SYSTEM);
    }

    public PublishEngine(Map<String, String> env, Reporter reporter) {
        this(env, reporter, null, Clock.SYSTEM);
    }

    /** Runs the publish in a context of its own (tests, tools); the goal's command is derived from the options. */
    public PublishResult publish(PublishOptions options) {
        Invocation invocation = Invocation.of("publish", options.spec(), options.rehearse() ? "-Dcrates.rehearse" : "");
        try (RunContext ctx = RunContext.builder(env, reporter).runner(runner).clock(clock).spec(options.spec())
                .outputDirectory(options.outputDirectory()).dryRun(options.dryRun())
                .httpTimeout(options.httpTimeout()).invocation(invocation).build()) {
            return publish(ctx, options);
        }
    }

    /** Runs the publish steps in the goal's context. */
    public static PublishResult publish(RunContext ctx, PublishOptions options) {
        try (RunLock lock = lock(ctx, "publish");
                PublishRun run = new PublishRun(ctx, options);
                Interruption stop = Interruption.announce(ctx, () -> interrupted(run))) {
            pipeline().run(ctx, run);
            return run.result();
        }
    }

    /** The output directory's lock for a run that changes things; none for a dry run (null closes as nothing). */
    public static RunLock lock(RunContext ctx, String goal) {
        boolean noSpec = ctx.spec() == null || !java.nio.file.Files.isRegularFile(ctx.spec());  // fails in validate
        return ctx.dryRun() || noSpec ? null : RunLock.acquire(ctx, ctx.outputDirectory(), goal);
    }

    /** The line for Ctrl-C: how far the run got and the command that resumes it. */
    public static String interrupted(PublishRun run) {
        long done = run.items().stream().filter(PublishItem::done).count();
        return "interrupted: " + done + " of " + run.items().size() + " crate(s) published; run "
                + run.ctx().invocation().command() + " to resume (nothing is uploaded twice)";
    }

    public static Pipeline<PublishRun> pipeline() {
        return new Pipeline<>("publish", PublishSteps.ALL, PublishRun::journal);
    }
}
