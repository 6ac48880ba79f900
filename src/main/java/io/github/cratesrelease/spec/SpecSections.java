package io.github.cratesrelease.spec;

import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.spec.ReleaseSpec.ActionSpec;
import io.github.cratesrelease.spec.ReleaseSpec.Bucket;
import io.github.cratesrelease.spec.ReleaseSpec.RateLimitSpec;
import io.github.cratesrelease.spec.ReleaseSpec.RedistSpec;
import io.github.cratesrelease.spec.ReleaseSpec.TagsSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Models the spec sections the release steps read ({@code rate-limits}, {@code tags}, {@code post-publish},
 * {@code redist}) from a tree the schema has accepted; nothing outside this package reads the raw tree.
 */
final class SpecSections {

    private SpecSections() {
    }

    static Map<String, RateLimitSpec> rateLimits(YamlNode.Mapping root) {
        Map<String, RateLimitSpec> m = new LinkedHashMap<>();
        if (root.get("rate-limits") instanceof YamlNode.Mapping rl) {
            for (YamlNode.Entry e : rl.entries()) {
                if (e.value() instanceof YamlNode.Mapping r) {
                    m.put(e.name(), new RateLimitSpec(e.name(), bucket(r.get("new-crates")),
                            bucket(r.get("new-versions")), e.key().location()));
                }
            }
        }
        return m;
    }

    private static Bucket bucket(YamlNode n) {
        if (n instanceof YamlNode.Mapping b && b.string("burst") != null && b.string("interval") != null) {
            return new Bucket(Integer.parseInt(b.string("burst")), Durations.parse(b.string("interval")));
        }
        return null;
    }

    static TagsSpec tags(YamlNode.Mapping root) {
        YamlNode.Entry entry = root.entry("tags");
        if (entry == null || !(entry.value() instanceof YamlNode.Mapping t)) {
            return null;
        }
        String template = t.string("template");
        return new TagsSpec(bool(t, "enabled", true), template == null ? "{crate}-v{version}" : template,
                t.string("message"), bool(t, "sign", false), t.string("push"), entry.key().location());
    }

    static List<ActionSpec> postPublish(YamlNode.Mapping root) {
        List<ActionSpec> actions = new ArrayList<>();
        if (root.get("post-publish") instanceof YamlNode.Sequence seq) {
            for (YamlNode n : seq.items()) {
                if (n instanceof YamlNode.Mapping a) {
                    String onFailure = a.string("on-failure");
                    actions.add(new ActionSpec(a.string("name"), strings(a.get("run")), a.string("webhook"),
                            onFailure == null ? "warn" : onFailure, a.location()));
                }
            }
        }
        return List.copyOf(actions);
    }

    static List<RedistSpec> redist(YamlNode.Mapping root) {
        List<RedistSpec> sources = new ArrayList<>();
        if (root.get("redist") instanceof YamlNode.Sequence seq) {
            for (YamlNode n : seq.items()) {
                if (n instanceof YamlNode.Mapping r) {
                    sources.add(new RedistSpec(r.string("name"), r.string("url"), r.string("path"),
                            r.string("sha256"), r.location()));
                }
            }
        }
        return List.copyOf(sources);
    }

    private static boolean bool(YamlNode.Mapping m, String key, boolean fallback) {
        String v = m.string(key);
        return v == null ? fallback : Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
    }

    private static List<String> strings(YamlNode n) {
        List<String> out = new ArrayList<>();
        if (n instanceof YamlNode.Sequence s) {
            for (YamlNode i : s.items()) {
                if (i instanceof YamlNode.Scalar sc && !sc.isNull()) {
                    out.add(sc.value());
                }
            }
        }
        return List.copyOf(out);
    }
}
