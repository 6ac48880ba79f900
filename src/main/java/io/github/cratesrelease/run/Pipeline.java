package io.github.cratesrelease.run;

import java.util.List;
import java.util.function.Function;

/**
 * A goal as data: a list of steps run in order against one context and one state. On a dry run each step is
 * simulated. After each step the journal (once the state has one) records it done; on a resumed run a step that
 * is not {@link Step#repeatable() repeatable} and is recorded done is skipped. Each step's time is a debug line
 * ({@code -X}).
 */
public final class Pipeline<S> {

    private final String goal;
    private final List<Step<S>> steps;
    private final Function<S, Journal> journal;

    /** @param journal the journal of a state, or null while it has none (then nothing is recorded) */
    public Pipeline(String goal, List<Step<S>> steps, Function<S, Journal> journal) {
        this.goal = goal;
        this.steps = List.copyOf(steps);
        this.journal = journal;
    }

    public String goal() {
        return goal;
    }

    public List<Step<S>> steps() {
        return steps;
    }

    public void run(RunContext ctx, S state) {
        for (Step<S> step : steps) {
            Journal j = journal.apply(state);
            if (j != null && j.resumed() && !step.repeatable() && j.stepDone(step.name())) {
                ctx.out().info("Step " + step.name() + ": done by the interrupted run; not repeated");
                continue;
            }
            long start = System.nanoTime();
            if (ctx.dryRun()) {
                step.simulate(ctx, state);
            } else {
                step.execute(ctx, state);
                Journal after = journal.apply(state);
                if (after != null) {
                    after.stepCompleted(step.name());
                }
            }
            ctx.out().debug("step " + step.name() + ": " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }
}
