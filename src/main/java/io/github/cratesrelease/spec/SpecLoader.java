package io.github.cratesrelease.spec;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads, validates and models a release spec. All problems are reported at once. */
public final class SpecLoader {

    private final YamlReader reader;

    public SpecLoader() {
        this(new YamlReader());
    }

    public SpecLoader(YamlReader reader) {
        this.reader = reader;
    }

    /** Loads {@code file}; throws {@link ReleaseException} listing every error when it is not a valid spec. */
    public ReleaseSpec load(Path file) {
        Reading r = read(file);
        if (r.spec() == null) {
            throw r.failure();
        }
        return r.spec();
    }

    /**
     * What a read of a spec found. {@code spec} when the spec is valid; else the {@code diagnostics}, and when the
     * file is a readable mapping, a {@code partial} spec read without the broken values (their sections named in
     * {@code brokenSections}) so that what does not depend on them can still be checked.
     */
    public record Reading(Path file, ReleaseSpec spec, Diagnostics diagnostics, ReleaseSpec partial,
            Set<String> brokenSections) {

        /** The exception that reports the spec's errors (and any added to {@code diagnostics} since). */
        public ReleaseException failure() {
            int n = diagnostics.errors().size();
            return new ReleaseException(file.getFileName() + " is not a valid release spec (" + n + " error"
                    + (n == 1 ? "" : "s") + ")", diagnostics);
        }
    }

    /** Reads {@code file} without throwing for what is wrong in it (a missing file still throws). */
    public Reading read(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new ReleaseException(Diagnostic.error(null, "the release spec " + abs + " is a directory",
                    "point -Dcrates.spec=<path> at the spec file in it, e.g. " + abs.resolve("release.yaml")));
        }
        if (!Files.isRegularFile(abs)) {
            throw new ReleaseException(Diagnostic.error(Location.of(abs), "release spec not found",
                    "create it with 'mvn crates:init', or point -Dcrates.spec=<path> at your spec"));
        }
        Diagnostics diags = new Diagnostics();
        YamlNode root = reader.read(abs, diags);
        if (!diags.hasErrors() && (root == null || root instanceof YamlNode.Scalar s && s.isNull())) {
            diags.error(new Location(abs, 1, 1), "the spec is empty", "start it with 'version: 1'");
        } else if (!diags.hasErrors() && !(root instanceof YamlNode.Mapping)) {
            diags.error(root.location(), "the spec must be a mapping of keys, not " + root.kind(),
                    "start it with 'version: 1'");
        }
        if (diags.hasErrors()) {
            return new Reading(abs, null, diags, null, Set.of());
        }
        List<List<Object>> broken = SchemaValidator.get().validate(root, diags);
        if (!diags.hasErrors()) {
            return new Reading(abs, model(abs, (YamlNode.Mapping) root), diags, null, Set.of());
        }
        Set<String> sections = new TreeSet<>();
        broken.stream().filter(p -> !p.isEmpty()).forEach(p -> sections.add(String.valueOf(p.get(0))));
        return new Reading(abs, null, diags, partial(abs, (YamlNode.Mapping) root, broken, sections), sections);
    }

    /**
     * The spec without its broken values: each broken value's entry is removed (a default applies instead); when
     * that still cannot be read, each broken section. Null when even that fails.
     */
    private static ReleaseSpec partial(Path file, YamlNode.Mapping root, List<List<Object>> broken, Set<String> sections) {
        YamlNode.Mapping fine = root;
        for (List<Object> p : broken) {
            fine = (YamlNode.Mapping) YamlPrune.without(fine, p);
        }
        YamlNode.Mapping coarse = root;
        for (String section : sections) {
            coarse = (YamlNode.Mapping) YamlPrune.without(coarse, List.of(section));
        }
        for (YamlNode.Mapping tree : List.of(fine, coarse)) {
            try {
                if (valid(tree)) {
                    return model(file, tree);
                }
            } catch (RuntimeException unreadable) {
                // try the coarser tree
            }
        }
        return null;
    }

    private static boolean valid(YamlNode.Mapping tree) {
        Diagnostics d = new Diagnostics();
        SchemaValidator.get().validate(tree, d);
        return d.errors().stream().allMatch(e -> e.message().startsWith("missing required key 'version'"));
    }

    private static ReleaseSpec model(Path file, YamlNode.Mapping root) {
        Path base = file.getParent();
        String ws = path(root, "workspace");
        Path workspace = base.resolve(ws == null ? "." : ws).normalize();
        YamlNode.Entry wsEntry = root.entry("workspace");
        Location workspaceAt = wsEntry != null ? wsEntry.value().location() : root.location();

        String defaultRegistry = ReleaseSpec.CRATES_IO;
        Location defaultRegistryAt = null;
        if (root.get("defaults") instanceof YamlNode.Mapping d && d.string("registry") != null) {
            defaultRegistry = d.string("registry");
            defaultRegistryAt = d.get("registry").location();
        }

        ReleaseSpec.WaitPolicy topWait = root.get("wait") instanceof YamlNode.Mapping w
                ? wait(w, ReleaseSpec.WaitPolicy.DEFAULT) : ReleaseSpec.WaitPolicy.DEFAULT;

        Map<String, ReleaseSpec.RegistrySpec> registries = new LinkedHashMap<>();
        if (root.get("registries") instanceof YamlNode.Mapping regs) {
            for (YamlNode.Entry e : regs.entries()) {
                YamlNode.Mapping r = e.value() instanceof YamlNode.Mapping m ? m
                        : new YamlNode.Mapping(List.of(), e.key().location());
                ReleaseSpec.TokenRef token = SpecSections.token(r.get("token"));
                ReleaseSpec.WaitPolicy w = r.get("wait") instanceof YamlNode.Mapping wm ? wait(wm, topWait) : null;
                registries.put(e.name(), new ReleaseSpec.RegistrySpec(e.name(), r.string("index"), token, w,
                        e.key().location()));
            }
        }

        Map<String, ReleaseSpec.CrateSpec> crates = null;
        Location cratesAt = null;
        YamlNode.Entry cratesEntry = root.entry("crates");
        if (cratesEntry != null) {
            cratesAt = cratesEntry.key().location();
            crates = new LinkedHashMap<>();
            if (cratesEntry.value() instanceof YamlNode.Mapping cm) {
                for (YamlNode.Entry e : cm.entries()) {
                    String registry = null;
                    Location registryAt = null;
                    boolean publish = true;
                    List<ActionSpec> actions = List.of();
                    if (e.value() instanceof YamlNode.Mapping c) {
                        actions = SpecSections.actions(c.get("post-publish"), e.name());
                        registry = c.string("registry");
                        registryAt = registry == null ? null : c.get("registry").location();
                        if (c.get("publish") instanceof YamlNode.Scalar p) {
                            publish = Boolean.parseBoolean(p.value().toLowerCase(Locale.ROOT));
                        }
                    }
                    crates.put(e.name(), new ReleaseSpec.CrateSpec(e.name(), registry, registryAt, publish,
                            actions, e.key().location()));
                }
            }
        }

        ReleaseSpec.Order order = ReleaseSpec.Order.automatic(root.location());
        YamlNode.Entry orderEntry = root.entry("order");
        if (orderEntry != null && orderEntry.value() instanceof YamlNode.Sequence seq) {
            List<String> names = new ArrayList<>();
            List<Location> locs = new ArrayList<>();
            for (YamlNode n : seq.items()) {
                names.add(((YamlNode.Scalar) n).value());
                locs.add(n.location());
            }
            order = new ReleaseSpec.Order(false, names, locs, orderEntry.key().location());
        } else if (orderEntry != null) {
            order = ReleaseSpec.Order.automatic(orderEntry.key().location());
        }
        return new ReleaseSpec(file, workspace, defaultRegistry, defaultRegistryAt, registries, crates, cratesAt,
                order, topWait, versioning(root), changelog(root), SpecSections.rateLimits(root),
                SpecSections.release(root), SpecSections.tags(root), SpecSections.actions(root.get("post-publish"), null),
                SpecSections.redist(root), workspaceAt);
    }

    private static ReleaseSpec.Versioning versioning(YamlNode.Mapping root) {
        YamlNode.Entry entry = root.entry("versioning");
        if (entry == null || !(entry.value() instanceof YamlNode.Mapping v)) {
            return ReleaseSpec.Versioning.DEFAULTS;
        }
        Map<String, ReleaseSpec.Group> groups = new LinkedHashMap<>();
        if (v.get("groups") instanceof YamlNode.Mapping g) {
            for (YamlNode.Entry e : g.entries()) {
                List<String> names = new ArrayList<>();
                List<Location> locs = new ArrayList<>();
                if (e.value() instanceof YamlNode.Sequence seq) {
                    for (YamlNode n : seq.items()) {
                        names.add(((YamlNode.Scalar) n).value());
                        locs.add(n.location());
                    }
                }
                groups.put(e.name(), new ReleaseSpec.Group(e.name(), List.copyOf(names), List.copyOf(locs),
                        e.key().location()));
            }
        }
        String mode = v.string("mode");
        String dependents = v.string("dependents");
        String message = v.string("commit-message");
        return new ReleaseSpec.Versioning("shared".equals(mode), groups, dependents == null ? "upgrade" : dependents,
                message == null ? ReleaseSpec.Versioning.DEFAULT_COMMIT_MESSAGE : message);
    }

    private static ReleaseSpec.ChangelogSpec changelog(YamlNode.Mapping root) {
        YamlNode.Entry entry = root.entry("changelog");
        if (entry == null) {
            return null;
        }
        YamlNode.Mapping c = entry.value() instanceof YamlNode.Mapping m ? m
                : new YamlNode.Mapping(List.of(), entry.key().location());
        String path = path(c, "path");
        String heading = c.string("unreleased-heading");
        String require = c.string("require-unreleased-entries");
        YamlNode.Entry template = c.entry("heading");
        return new ReleaseSpec.ChangelogSpec(path == null ? "CHANGELOG.md" : path,
                heading == null ? "Unreleased" : heading, c.string("compare-link"), c.string("unreleased-link"),
                require == null || Boolean.parseBoolean(require.toLowerCase(Locale.ROOT)), entry.key().location(),
                c.string("heading"), template == null ? null : template.value().location());
    }

    /**
     * The string at {@code key} that names a path: a located error when no file system can hold it (a NUL
     * character), instead of an InvalidPathException where it is resolved.
     */
    private static String path(YamlNode.Mapping m, String key) {
        String v = m.string(key);
        if (v != null && v.indexOf('\0') >= 0) {
            throw new ReleaseException(Diagnostic.error(m.get(key).location(), "'" + key + "' is not a valid path: it "
                    + "holds a NUL character", "write the path without control characters"));
        }
        return v;
    }

    private static ReleaseSpec.WaitPolicy wait(YamlNode.Mapping w, ReleaseSpec.WaitPolicy base) {
        String s = w.string("strategy");
        return new ReleaseSpec.WaitPolicy(
                s == null ? base.strategy() : ReleaseSpec.WaitPolicy.Strategy.valueOf(s.toUpperCase(Locale.ROOT)),
                w.string("timeout") == null ? base.timeout() : SpecSections.duration(w, "timeout"),
                w.string("interval") == null ? base.interval() : SpecSections.duration(w, "interval"),
                w.string("delay") == null ? base.delay() : SpecSections.duration(w, "delay"));
    }
}
