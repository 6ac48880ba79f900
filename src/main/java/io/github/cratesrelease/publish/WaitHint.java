package io.github.cratesrelease.publish;

import io.github.cratesrelease.spec.WaitLocations;
import java.nio.file.Path;
import java.util.List;

/**
 * What to do when crates did not show in the index within {@code wait.timeout}: the uploads succeeded, so running
 * the same command again only waits again; the fix is a longer timeout (named at its line in the spec) or a look
 * at the registry.
 */
final class WaitHint {

    private WaitHint() {
    }

    /** The hint for crates of {@code items} that did not show in their index in time. */
    static String of(PublishRun run, List<PublishItem> items) {
        String registry = items.isEmpty() ? null : items.get(0).registry();
        Path spec = run.analysis.spec().file();
        String hint = "raise wait.timeout in " + WaitLocations.timeout(spec, registry) + " or check the registry"
                + (registry == null ? "" : " `" + registry + "`") + "; the uploads succeeded, a re-run waits for "
                + "them before the next wave";
        run.failureHint = hint;
        return hint;
    }
}
