package io.github.cratesrelease.publish;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.spec.YamlNode;
import io.github.cratesrelease.spec.YamlReader;
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
        String hint = "raise wait.timeout in " + where(spec, registry) + " or check the registry"
                + (registry == null ? "" : " `" + registry + "`") + "; the uploads succeeded, a re-run waits for "
                + "them before the next wave";
        run.failureHint = hint;
        return hint;
    }

    /** The place of the timeout that applies: the registry's own wait, else the top-level one, else the spec. */
    static Location where(Path spec, String registry) {
        YamlNode root;
        try {
            root = new YamlReader().read(spec, new Diagnostics());
        } catch (RuntimeException unreadable) {
            return Location.of(spec);
        }
        if (!(root instanceof YamlNode.Mapping m)) {
            return Location.of(spec);
        }
        if (registry != null && m.get("registries") instanceof YamlNode.Mapping regs
                && regs.get(registry) instanceof YamlNode.Mapping r && r.get("wait") instanceof YamlNode.Mapping w) {
            return at(w);
        }
        if (m.get("wait") instanceof YamlNode.Mapping w) {
            return at(w);
        }
        YamlNode.Entry wait = m.entry("wait");
        return wait != null ? wait.key().location() : Location.of(spec);
    }

    private static Location at(YamlNode.Mapping wait) {
        YamlNode.Entry t = wait.entry("timeout");
        return t != null ? t.key().location() : wait.location();
    }
}
