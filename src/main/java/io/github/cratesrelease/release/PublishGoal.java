package io.github.cratesrelease.release;

import io.github.cratesrelease.publish.PublishEngine;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.publish.PublishResult;
import io.github.cratesrelease.run.RunContext;

/** crates:publish — the publish steps in the goal's context. */
public final class PublishGoal {

    private PublishGoal() {
    }

    public static PublishResult publish(RunContext ctx, PublishOptions options) {
        return PublishEngine.publish(ctx, options);
    }
}
