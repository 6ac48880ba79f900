package io.github.cratesrelease.run;

/**
 * One step of a goal (as maven-release's phases): {@link #execute} does it, {@link #simulate} shows what it would do
 * on a dry run without side effects and without credentials. {@code S} is the goal's state the steps share.
 */
public interface Step<S> {

    /** A short name, for progress lines and the journal. */
    String name();

    void execute(RunContext ctx, S state);

    void simulate(RunContext ctx, S state);

    /**
     * Whether the step runs again when a run resumes after it completed. Steps that derive what they do from the
     * registry and the workspace (checks, packaging, uploads that skip what is published, tags and pushes that look
     * first) are repeatable; a step with effects that must happen once (a notification) is not, and is skipped
     * when the journal records it done (crates:release records each post-publish action on its own instead).
     */
    default boolean repeatable() {
        return true;
    }

    /** A step from two functions. */
    static <S> Step<S> of(String name, Action<S> execute, Action<S> simulate) {
        return new Step<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void execute(RunContext ctx, S state) {
                execute.run(ctx, state);
            }

            @Override
            public void simulate(RunContext ctx, S state) {
                simulate.run(ctx, state);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * A step of another goal run on a part of this goal's state (crates:release runs the publish steps on the publish
     * state it holds); keeps the step's name and whether it repeats.
     */
    static <S, T> Step<S> within(Step<T> step, java.util.function.Function<S, T> part) {
        return new Step<>() {
            @Override
            public String name() {
                return step.name();
            }

            @Override
            public void execute(RunContext ctx, S state) {
                step.execute(ctx, part.apply(state));
            }

            @Override
            public void simulate(RunContext ctx, S state) {
                step.simulate(ctx, part.apply(state));
            }

            @Override
            public boolean repeatable() {
                return step.repeatable();
            }

            @Override
            public String toString() {
                return step.name();
            }
        };
    }

    /** What a step does with the context and the state. */
    @FunctionalInterface
    interface Action<S> {
        void run(RunContext ctx, S state);

        /** Nothing (a step with nothing to simulate). */
        static <S> Action<S> none() {
            return (ctx, state) -> {
            };
        }
    }
}
