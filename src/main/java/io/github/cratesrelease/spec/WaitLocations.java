package io.github.cratesrelease.spec;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import java.nio.file.Path;

/** Where in the spec the wait policy of a registry is set, for hints that tell the user which line to change. */
public final class WaitLocations {

    private WaitLocations() {
    }

    /**
     * The place of the {@code wait.timeout} that applies to {@code registry}: its own {@code registries.NAME.wait},
     * else the top-level {@code wait}, else the spec file itself (the default applies).
     */
    public static Location timeout(Path spec, String registry) {
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
