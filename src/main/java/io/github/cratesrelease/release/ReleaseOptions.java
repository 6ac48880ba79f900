package io.github.cratesrelease.release;

import io.github.cratesrelease.publish.PublishOptions;

/**
 * What crates:release (and crates:tag) ask for.
 *
 * @param publish     the publish part: spec, dry run, rehearsal, selection, upload settings
 * @param push        push the tags to the spec's {@code tags.push} remote (when it names one)
 * @param postPublish run the spec's post-publish actions
 */
public record ReleaseOptions(PublishOptions publish, boolean push, boolean postPublish) {

    public static ReleaseOptions of(PublishOptions publish) {
        return new ReleaseOptions(publish, true, true);
    }
}
