package io.github.cratesrelease.notify;

import io.github.cratesrelease.io.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a release did, as a webhook receiver sees it: the project, the commit released, the crates published (in
 * publish order) and the tags created. {@link #toJson()} is the delivered document; its field order is fixed so
 * the same release always gives the same bytes (and the same signature).
 *
 * @param project   the project (workspace) name
 * @param commit    the released commit, or null when unknown
 * @param dryRun    nothing was published
 * @param rehearsal the release went to a rehearsal registry
 * @param crates    the crates released, in publish order
 * @param tags      the tags created
 */
public record ReleaseNotice(String project, String commit, boolean dryRun, boolean rehearsal, List<Crate> crates,
        List<String> tags) {

    /**
     * One released crate.
     *
     * @param name            the crate name
     * @param version         the version published
     * @param previousVersion the version before, or null for a first release
     * @param registry        the registry it went to
     * @param tag             its tag, or null when it has none
     */
    public record Crate(String name, String version, String previousVersion, String registry, String tag) {
        public Crate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }

    public ReleaseNotice {
        crates = crates == null ? List.of() : List.copyOf(crates);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The JSON document: {@code {"event":"release","project":..,"commit":..,"dryRun":..,"rehearsal":..,
     * "crates":[{"name","version","previousVersion","registry","tag"}],"tags":[..]}}, compact, in this order
     * ({@link JsonText#compact}).
     */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("event", "release");
        root.put("project", project);
        root.put("commit", commit);
        root.put("dryRun", dryRun);
        root.put("rehearsal", rehearsal);
        List<Object> cs = new ArrayList<>();
        for (Crate c : crates) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", c.name());
            n.put("version", c.version());
            n.put("previousVersion", c.previousVersion());
            n.put("registry", c.registry());
            n.put("tag", c.tag());
            cs.add(n);
        }
        root.put("crates", cs);
        root.put("tags", new ArrayList<Object>(tags));
        return JsonText.compact(root);
    }
}
