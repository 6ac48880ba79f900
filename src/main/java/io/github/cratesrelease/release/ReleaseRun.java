package io.github.cratesrelease.release;

import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.publish.PublishItem;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.publish.PublishRun;
import io.github.cratesrelease.run.Journal;
import io.github.cratesrelease.run.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of crates:release: the publish state it runs the publish steps on, the repository the tags go to (the
 * user's, or the rehearsal's copy), the tags, and what the post-publish actions did.
 */
final class ReleaseRun implements AutoCloseable {

    /** A tag of the release: its name, the crates it stands for, and what happened to it. */
    static final class Tag {
        final String name;
        final List<PublishItem> crates;
        final String message;
        /** the commit the tag pointed at before this run, or null */
        String existing;
        boolean created;

        Tag(String name, List<PublishItem> crates, String message) {
            this.name = name;
            this.crates = crates;
            this.message = message;
        }
    }

    final RunContext ctx;
    final ReleaseOptions options;
    final PublishRun publish;
    /** HEAD of the workspace's repository, or null outside git. */
    String commit;
    /** Where tags are created and pushed from (the rehearsal's copy during a rehearsal), or null outside git. */
    GitRepo tagRepo;
    /** The crates this release publishes (now, by its interrupted run, or earlier from this commit, untagged). */
    final List<PublishItem> released = new ArrayList<>();
    /** Crates on their registry from this commit whose tag already existed: released before, not by this run. */
    final List<PublishItem> alreadyReleased = new ArrayList<>();
    final Map<String, Tag> tags = new LinkedHashMap<>();
    boolean pushed;
    final List<String> actionsDone = new ArrayList<>();
    final List<String> actionsFailed = new ArrayList<>();
    /** Actions a dry run (or a rehearsal, for those reaching the outside world) only described. */
    final List<String> actionsSimulated = new ArrayList<>();

    ReleaseRun(RunContext ctx, ReleaseOptions options) {
        this.ctx = ctx;
        this.options = options;
        this.publish = new PublishRun(ctx, options.publish());
    }

    PublishRun publish() {
        return publish;
    }

    Journal journal() {
        return publish.journal();
    }

    boolean rehearse() {
        return publish.rehearsing();
    }

    long count(Status s) {
        return publish.count(s);
    }

    @Override
    public void close() {
        publish.close();
    }
}
