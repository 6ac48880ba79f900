package io.github.cratesrelease.review;

import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.review.ReviewReport.SpecChange;
import io.github.cratesrelease.spec.ActionSpec;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** What changed in the spec between base and head: crates, registries, policies, tags, post-publish actions. */
final class SpecDiff {

    private final List<SpecChange> changes = new ArrayList<>();

    private SpecDiff() {
    }

    /** The changes from {@code base} (null: the spec is new) to {@code head}. */
    static List<SpecChange> of(ReleaseSpec base, ReleaseSpec head) {
        SpecDiff d = new SpecDiff();
        if (base == null) {
            d.changes.add(new SpecChange("added", "policies", "release spec", "the release spec is new", 1));
            return d.changes;
        }
        d.crates(base, head);
        d.registries(base, head);
        d.policies(base, head);
        d.tags(base.tags(), head.tags());
        d.actions(base, head);
        return d.changes;
    }

    private void crates(ReleaseSpec base, ReleaseSpec head) {
        Map<String, ReleaseSpec.CrateSpec> b = base.crates() == null ? Map.of() : base.crates();
        Map<String, ReleaseSpec.CrateSpec> h = head.crates() == null ? Map.of() : head.crates();
        for (ReleaseSpec.CrateSpec c : h.values()) {
            ReleaseSpec.CrateSpec old = b.get(c.name());
            if (old == null) {
                add("added", "crates", c.name(), "listed under crates:" + (c.publish() ? "" : " (publish: false)"),
                        c.location());
            } else {
                compare("crates", c.name() + ".registry", old.registry(), c.registry(), c.location());
                compare("crates", c.name() + ".publish", old.publish(), c.publish(), c.location());
                compare("crates", c.name() + ".post-publish", kinds(old.postPublish()), kinds(c.postPublish()),
                        c.location());
            }
        }
        for (ReleaseSpec.CrateSpec c : b.values()) {
            if (!h.containsKey(c.name())) {
                removed("crates", c.name(), "no longer listed under crates: (it is not released)", c.location(), head);
            }
        }
    }

    private void registries(ReleaseSpec base, ReleaseSpec head) {
        for (ReleaseSpec.RegistrySpec r : head.registries().values()) {
            ReleaseSpec.RegistrySpec old = base.registries().get(r.name());
            if (old == null) {
                add("added", "registries", r.name(), r.index() == null ? "a registry" : "index " + r.index(),
                        r.location());
            } else {
                compare("registries", r.name() + ".index", old.index(), r.index(), r.location());
                compare("registries", r.name() + ".token", String.valueOf(old.token()), String.valueOf(r.token()),
                        r.location());
                compare("registries", r.name() + ".wait", old.waitPolicy(), r.waitPolicy(), r.location());
            }
        }
        for (ReleaseSpec.RegistrySpec r : base.registries().values()) {
            if (!head.registries().containsKey(r.name())) {
                removed("registries", r.name(), "registry removed", r.location(), head);
            }
        }
    }

    private void policies(ReleaseSpec base, ReleaseSpec head) {
        Location at = Location.of(head.file());
        compare("policies", "defaults.registry", base.defaultRegistry(), head.defaultRegistry(),
                head.defaultRegistryLocation() != null ? head.defaultRegistryLocation() : at);
        compare("policies", "order", base.order().auto() ? "auto" : base.order().names(),
                head.order().auto() ? "auto" : head.order().names(), head.order().location());
        compare("policies", "wait", base.waitPolicy(), head.waitPolicy(), at);
        compare("policies", "versioning", (base.versioning().shared() ? "shared" : "independent") + ", dependents: "
                + base.versioning().dependents(), (head.versioning().shared() ? "shared" : "independent")
                + ", dependents: " + head.versioning().dependents(), at);
        compare("policies", "changelog", base.changelog() == null ? null : base.changelog().path(),
                head.changelog() == null ? null : head.changelog().path(),
                head.changelog() != null ? head.changelog().location() : at);
        compare("policies", "rate-limits", base.rateLimits().keySet(), head.rateLimits().keySet(), at);
        compare("policies", "release.branches", base.release().branches(), head.release().branches(),
                head.release().location() != null ? head.release().location() : at);
    }

    private void tags(ReleaseSpec.TagsSpec b, ReleaseSpec.TagsSpec h) {
        Location at = h.location();
        compare("tags", "tags.enabled", b.enabled(), h.enabled(), at);
        compare("tags", "tags.name", b.name(), h.name(), at);
        compare("tags", "tags.scope", b.workspace() ? "workspace" : "crate", h.workspace() ? "workspace" : "crate", at);
        compare("tags", "tags.annotated", b.annotated(), h.annotated(), at);
        compare("tags", "tags.message", b.message(), h.message(), at);
        compare("tags", "tags.sign", b.sign(), h.sign(), at);
        compare("tags", "tags.push", b.push(), h.push(), at);
    }

    private void actions(ReleaseSpec base, ReleaseSpec head) {
        Map<String, ActionSpec> b = byId(base.postPublish());
        Map<String, ActionSpec> h = byId(head.postPublish());
        for (ActionSpec a : h.values()) {
            ActionSpec old = b.get(a.id());
            if (old == null) {
                add("added", "post-publish", a.kind(), "action " + a.id(), a.location());
            } else if (!sameAction(old, a)) {
                add("changed", "post-publish", a.kind(), "action " + a.id() + " changed", a.location());
            }
        }
        for (ActionSpec a : b.values()) {
            if (!h.containsKey(a.id())) {
                removed("post-publish", a.kind(), "action " + a.id() + " removed", a.location(), head);
            }
        }
    }

    private static boolean sameAction(ActionSpec a, ActionSpec b) {
        return a.toString().replace(String.valueOf(a.location()), "")
                .equals(b.toString().replace(String.valueOf(b.location()), ""));
    }

    private static Map<String, ActionSpec> byId(List<ActionSpec> actions) {
        Map<String, ActionSpec> m = new LinkedHashMap<>();
        actions.forEach(a -> m.put(a.id(), a));
        return m;
    }

    private static String kinds(List<ActionSpec> actions) {
        return actions.stream().map(ActionSpec::kind).collect(Collectors.joining(", "));
    }

    private void compare(String section, String subject, Object before, Object after, Location at) {
        if (!Objects.equals(before, after)) {
            add("changed", section, subject, show(before) + " → " + show(after), at);
        }
    }

    private static String show(Object o) {
        return o == null ? "(none)" : o.toString();
    }

    private void add(String change, String section, String subject, String detail, Location at) {
        changes.add(new SpecChange(change, section, subject, detail, at == null ? 0 : at.line()));
    }

    /** A removal: located in head at the spec file (the line was the base's). */
    private void removed(String section, String subject, String detail, Location baseAt, ReleaseSpec head) {
        changes.add(new SpecChange("removed", section, subject, detail + (baseAt == null ? ""
                : " (line " + baseAt.line() + " of the base's spec)"), 0));
    }
}
