package io.github.cratesrelease.reconcile;

import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoDependency;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.DependencyKind;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.Severity;
import io.github.cratesrelease.plan.ReleaseSet;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.semver.VersionReq;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.Suggest;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the spec against the real manifests, and the manifests against what cargo and the target registries
 * accept. Every finding is located and says how to fix it. Order and cycle checks live in the planner.
 */
public final class Reconciler {

    private static final Pattern KEYWORD = Pattern.compile("^[A-Za-z][A-Za-z0-9_+-]{0,19}$");

    public Diagnostics reconcile(ReleaseSpec spec, CargoWorkspace ws, CargoConfig config, ReleaseSet set) {
        Diagnostics d = new Diagnostics();
        checkSpecRegistries(spec, config, d);
        checkSpecCrates(spec, ws, d);
        checkVersioningGroups(spec, ws, d);
        checkChangelogLinks(spec, d);
        ReleaseRules.check(spec, set, d);
        RedistRules.check(spec, set, config, d);
        java.util.Set<String> inheritable = ws.workspacePackageKeys();
        Parsed parsed = new Parsed();
        for (CargoPackage p : set.released().values()) {
            String registry = set.registryOf(p.name());
            checkPublishable(spec, p, registry, parsed, d);
            checkMetadata(p, registry, inheritable, d);
            for (CargoDependency dep : p.dependencies()) {
                checkDependency(spec, set, config, p, registry, dep, parsed, d);
            }
        }
        return d;
    }

    static boolean isCratesIo(String registry) {
        return registry == null || ReleaseSpec.CRATES_IO.equals(registry);
    }

    static boolean isDefined(String registry, ReleaseSpec spec, CargoConfig config) {
        if (isCratesIo(registry) || config.registry(registry) != null) {
            return true;
        }
        ReleaseSpec.RegistrySpec r = spec.registries().get(registry);
        return r != null && r.index() != null;
    }

    static String defineHint(String registry) {
        return "declare it under registries: with 'index: sparse+https://...', in .cargo/config.toml as [registries."
                + registry + "], or through " + RegistryNames.variable(registry, "INDEX");
    }

    private void checkSpecRegistries(ReleaseSpec spec, CargoConfig config, Diagnostics d) {
        for (ReleaseSpec.RegistrySpec r : spec.registries().values()) {
            if (!isDefined(r.name(), spec, config)) {
                d.error(r.location(), "registry '" + r.name() + "' has no index URL", defineHint(r.name()));
            }
            String bad = r.index() == null ? null : RegistryClient.indexUrlProblem(r.index());
            if (bad != null) {
                d.error(r.location(), "registry '" + r.name() + "': index " + bad, "give cargo's index URL, such as "
                        + "'sparse+https://host/path/' (a port within 1..65535)");
            }
        }
        if (!isDefined(spec.defaultRegistry(), spec, config) && !spec.registries().containsKey(spec.defaultRegistry())) {
            d.error(spec.defaultRegistryLocation(), "defaults.registry '" + spec.defaultRegistry() + "' is not defined",
                    defineHint(spec.defaultRegistry()));
        }
        if (spec.crates() != null) {
            for (ReleaseSpec.CrateSpec c : spec.crates().values()) {
                if (c.registry() != null && !isDefined(c.registry(), spec, config)
                        && !spec.registries().containsKey(c.registry())) {
                    java.util.Set<String> known = new java.util.TreeSet<>(spec.registries().keySet());
                    known.addAll(config.registries().keySet());
                    known.add(ReleaseSpec.CRATES_IO);
                    String s = Suggest.closest(c.registry(), known);
                    d.error(c.registryLocation(), "crate '" + c.name() + "' uses registry '" + c.registry()
                            + "', which is not defined", s != null ? "did you mean '" + s + "'?" : defineHint(c.registry()));
                }
            }
        }
    }

    private void checkChangelogLinks(ReleaseSpec spec, Diagnostics d) {
        ReleaseSpec.ChangelogSpec c = spec.changelog();
        if (c != null && !c.perCrate() && (contains(c.compareLink(), "{crate}") || contains(c.unreleasedLink(), "{crate}"))) {
            d.error(c.location(), "changelog link templates use {crate}, but the changelog is one file for the workspace",
                    "use {crate} only with path: '{crate_dir}/CHANGELOG.md'");
        }
    }

    private static boolean contains(String s, String part) {
        return s != null && s.contains(part);
    }

    private void checkVersioningGroups(ReleaseSpec spec, CargoWorkspace ws, Diagnostics d) {
        ReleaseSpec.Versioning v = spec.versioning();
        if (v.shared() && !v.groups().isEmpty()) {
            d.warning(v.groups().values().iterator().next().location(), "versioning.groups has no effect with mode: "
                    + "shared (every crate already moves together)", "remove groups:, or set mode: independent");
        }
        java.util.Map<String, String> groupOf = new java.util.HashMap<>();
        List<String> names = ws.members().stream().map(CargoPackage::name).toList();
        for (ReleaseSpec.Group g : v.groups().values()) {
            for (int i = 0; i < g.crates().size(); i++) {
                String c = g.crates().get(i);
                Location at = g.locations().get(i);
                if (ws.member(c).isEmpty()) {
                    String s = Suggest.closest(c, names);
                    d.error(at, "versioning group '" + g.name() + "' names '" + c + "', which is not a member of the "
                            + "workspace", s != null ? "did you mean '" + s + "'?" : "remove it from the group");
                }
                String other = groupOf.putIfAbsent(c, g.name());
                if (other != null && !other.equals(g.name())) {
                    d.error(at, "crate '" + c + "' is in versioning groups '" + other + "' and '" + g.name() + "'",
                            "a crate moves with one group only: remove it from one of them");
                }
            }
        }
    }

    private void checkSpecCrates(ReleaseSpec spec, CargoWorkspace ws, Diagnostics d) {
        if (spec.crates() == null) {
            return;
        }
        for (ReleaseSpec.CrateSpec c : spec.crates().values()) {
            if (ws.member(c.name()).isEmpty()) {
                List<String> names = ws.members().stream().map(CargoPackage::name).toList();
                String s = Suggest.closest(c.name(), names);
                d.error(c.location(), "crate '" + c.name() + "' is not a member of the workspace at " + ws.root(),
                        s != null ? "did you mean '" + s + "'?" : "remove it from crates:, or add its directory to "
                                + "[workspace] members in " + ws.manifest().getFileName());
            }
        }
        for (CargoPackage p : ws.members()) {
            if (p.isPublishable() && !spec.crates().containsKey(p.name())) {
                d.warning(spec.cratesLocation(), "publishable workspace member '" + p.name() + "' ("
                        + p.manifest().getParent().getFileName() + ") is not in the spec, so it will not be released",
                        "add '  " + p.name() + ": {}' under crates: to release it, or '  " + p.name()
                                + ": { publish: false }' to say it stays unreleased");
            }
        }
    }

    private void checkPublishable(ReleaseSpec spec, CargoPackage p, String registry, Parsed parsed, Diagnostics d) {
        try {
            parsed.version(p.version());
        } catch (IllegalArgumentException e) {
            d.error(p.at("version"), "crate '" + p.name() + "' has version '" + p.version() + "', which is not a "
                    + "SemVer version: " + e.getMessage(), "write MAJOR.MINOR.PATCH, e.g. \"0.1.0\"");
        }
        if (p.publishTo() != null && p.publishTo().isEmpty()) {
            boolean noVersion = !p.locations().containsKey("version");
            d.error(noVersion ? p.at("package") : p.at("publish"), "crate '" + p.name() + "' is released by the spec but "
                    + (noVersion ? "has no version in Cargo.toml (cargo treats it as publish = false)"
                            : "has publish = false in Cargo.toml"),
                    noVersion ? "add version = \"0.1.0\" to [package]"
                            : "remove publish = false from Cargo.toml, or set '" + p.name() + ": { publish: false }' in the spec");
        } else if (!p.mayPublishTo(registry)) {
            d.error(p.at("publish"), "crate '" + p.name() + "' may only be published to " + p.publishTo()
                    + " (package.publish), but the spec publishes it to '" + registry + "'",
                    "add \"" + registry + "\" to package.publish, or set crates." + p.name() + ".registry to one of "
                            + p.publishTo());
        }
    }

    private void checkMetadata(CargoPackage p, String registry, java.util.Set<String> inheritable, Diagnostics d) {
        boolean strict = isCratesIo(registry);
        Severity sev = strict ? Severity.ERROR : Severity.WARNING;
        String who = strict ? "crates.io requires" : "crates.io would require (and many registries check)";
        if (p.description() == null || p.description().isBlank()) {
            add(d, sev, p.at("package"), "crate '" + p.name() + "' has no description; " + who + " one",
                    inheritable.contains("description") ? "add description.workspace = true to [package] (the root "
                            + "Cargo.toml's [workspace.package] has one), or description = \"...\""
                            : "add description = \"...\" to [package]");
        } else if (p.description().length() > 1000) {
            add(d, sev, p.at("description"), "crate '" + p.name() + "' has a description of "
                    + p.description().length() + " characters; crates.io allows 1000", "shorten it");
        }
        if ((p.license() == null || p.license().isBlank()) && p.licenseFile() == null) {
            add(d, sev, p.at("package"), "crate '" + p.name() + "' has neither license nor license-file; " + who
                    + " one", licenseHint(inheritable));
        }
        if (p.licenseFile() != null && !Files.isRegularFile(p.licenseFile())) {
            d.error(p.at("license-file"), "license-file " + p.licenseFile() + " does not exist",
                    "create the file or fix the path (relative to the crate's directory)");
        }
        if (p.keywords().size() > 5) {
            add(d, sev, p.at("keywords"), "crate '" + p.name() + "' has " + p.keywords().size()
                    + " keywords; crates.io allows 5", "keep the 5 most telling");
        }
        for (String k : p.keywords()) {
            if (!KEYWORD.matcher(k).matches()) {
                add(d, sev, p.at("keywords"), "keyword '" + k + "' of crate '" + p.name() + "' is not accepted by crates.io",
                        "a keyword starts with a letter and has at most 20 letters, digits, '_', '-' or '+'");
            }
        }
        if (p.categories().size() > 5) {
            add(d, sev, p.at("categories"), "crate '" + p.name() + "' has " + p.categories().size()
                    + " categories; crates.io allows 5", "keep 5 (slugs from crates.io/category_slugs)");
        }
        if (p.readme() != null && p.locations().containsKey("readme") && !Files.isRegularFile(p.readme())) {
            d.error(p.at("readme"), "readme " + p.readme() + " does not exist (cargo package will fail)",
                    "create the file, fix the path, or set readme = false");
        }
    }

    /** The workspace's license first when [workspace.package] declares one: the member then inherits it. */
    private static String licenseHint(java.util.Set<String> inheritable) {
        for (String key : List.of("license", "license-file")) {
            if (inheritable.contains(key)) {
                return "add " + key + ".workspace = true to [package]: the root Cargo.toml's [workspace.package] has a "
                        + key;
            }
        }
        return "add license = \"MIT OR Apache-2.0\" (an SPDX expression) or license-file = \"LICENSE\"";
    }

    private static void add(Diagnostics d, Severity sev, Location at, String message, String hint) {
        if (sev == Severity.ERROR) {
            d.error(at, message, hint);
        } else {
            d.warning(at, message, hint);
        }
    }

    private void checkDependency(ReleaseSpec spec, ReleaseSet set, CargoConfig config, CargoPackage p, String registry,
            CargoDependency dep, Parsed parsed, Diagnostics d) {
        if (dep.registry() != null && !parsed.defined(dep.registry(), spec, config)) {
            d.error(dep.location(), where(dep, p) + " names registry '" + dep.registry() + "', which is not defined",
                    defineHint(dep.registry()));
        }
        if (isCratesIo(registry) && dep.path() == null
                && (dep.registry() != null && !isCratesIo(dep.registry()) || dep.registryIndex() != null)) {
            d.error(dep.location(), where(dep, p) + " comes from registry '" + (dep.registry() != null ? dep.registry()
                    : dep.registryIndex()) + "', but crates.io refuses dependencies hosted on another registry",
                    "publish '" + p.name() + "' to that registry too (crates." + p.name() + ".registry), or depend on a crates.io crate");
        }
        Optional<CargoPackage> target = set.target(dep);
        if (dep.path() != null && dep.req() == null && dep.kind() != DependencyKind.DEV) {
            d.error(dep.location(), "path " + where(dep, p) + " has no version; cargo cannot publish a crate whose "
                    + dep.kind().tableName().replace("dependencies", "dependency") + " has only a path",
                    "add version = \"" + target.map(CargoPackage::version).orElse("<version>") + "\"" + fixIn(dep));
        }
        if (target.isEmpty() || !dep.ordersPublish()) {
            return;
        }
        CargoPackage t = target.get();
        if (!set.isReleased(t.name())) {
            if (!t.isPublishable() || spec.crates() != null && spec.crates().containsKey(t.name())) {
                d.error(dep.location(), "'" + p.name() + "' is published but depends on '" + t.name()
                        + "', which is never published" + (t.isPublishable() ? " (publish: false in the spec)"
                                : " (publish = false in its Cargo.toml)"),
                        dep.kind() == DependencyKind.DEV ? "remove version from this dev-dependency (cargo then strips it)"
                                : "publish '" + t.name() + "' too, or remove the dependency");
            } else {
                d.warning(dep.location(), "'" + p.name() + "' depends on '" + t.name()
                        + "', which this release does not publish", "add '" + t.name() + "' to crates:, or make sure "
                        + t.name() + " " + dep.req() + " is already on the registry");
            }
        } else {
            String targetRegistry = set.registryOf(t.name());
            if (isCratesIo(registry) && !isCratesIo(targetRegistry)) {
                d.error(dep.location(), "'" + p.name() + "' goes to crates.io but depends on '" + t.name()
                        + "', which goes to '" + targetRegistry + "'; crates.io refuses dependencies on other registries",
                        "publish both to the same registry");
            } else if (!isCratesIo(targetRegistry) && dep.registry() == null && dep.registryIndex() == null) {
                d.error(dep.location(), "path " + where(dep, p) + " has no registry, but '" + t.name() + "' is published to '"
                        + targetRegistry + "'; cargo would look for it on crates.io",
                        "add registry = \"" + targetRegistry + "\"" + fixIn(dep));
            } else if (dep.registry() != null && !dep.registry().equals(targetRegistry)
                    && !(isCratesIo(dep.registry()) && isCratesIo(targetRegistry))) {
                ReleaseSpec.CrateSpec own = spec.crates() == null ? null : spec.crates().get(t.name());
                String specFix = own != null && own.registry() != null
                        ? "crates." + t.name() + ".registry: " + dep.registry()
                        : "defaults.registry: " + dep.registry() + " (or crates." + t.name() + ".registry: "
                                + dep.registry() + ")";
                d.error(dep.location(), where(dep, p) + " says registry = \"" + dep.registry() + "\", but the spec publishes '"
                        + t.name() + "' to '" + targetRegistry + "'", "if '" + t.name() + "' goes to '"
                        + dep.registry() + "', change the spec: " + specFix + "; else change the manifest: "
                        + (isCratesIo(targetRegistry) ? "remove registry = \"" + dep.registry() + "\""
                                : "set registry = \"" + targetRegistry + "\"") + fixIn(dep));
            }
        }
        if (dep.req() != null) {
            try {
                if (!parsed.matches(dep.req(), t.version())) {
                    d.error(dep.location(), where(dep, p) + " requires " + t.name() + " '" + dep.req()
                            + "', which its current version " + t.version() + " does not satisfy",
                            "set version = \"" + t.version() + "\"" + fixIn(dep) + ", or bump with crates:bump");
                }
            } catch (IllegalArgumentException e) {
                d.error(dep.location(), where(dep, p) + " has an invalid version requirement: " + e.getMessage(),
                        "write a requirement such as \"" + t.version() + "\"");
            }
        }
    }

    /** How a finding names a dependency (built only for a finding: a thousand crates have thousands of them). */
    private static String where(CargoDependency dep, CargoPackage p) {
        return "dependency '" + dep.key() + "' of '" + p.name() + "'";
    }

    /** Where an inherited dependency is fixed (the empty string for one written in the member). */
    private static String fixIn(CargoDependency dep) {
        return dep.inherited() ? " in [workspace.dependencies] of the root Cargo.toml" : "";
    }

    /**
     * What a reconciliation works out once for each distinct value, not for each of thousands of crates and
     * dependencies: versions and requirements parsed (crates share a few) and matched, and whether a registry a
     * dependency names is defined (cargo's configuration and environment asked once).
     */
    private static final class Parsed {
        private final Map<String, Version> versions = new HashMap<>();
        private final Map<String, VersionReq> reqs = new HashMap<>();
        private final Map<String, Boolean> defined = new HashMap<>();
        private final Map<String, Map<String, Boolean>> matches = new HashMap<>();

        boolean defined(String registry, ReleaseSpec spec, CargoConfig config) {
            Boolean known = defined.get(registry);
            if (known == null) {
                known = isDefined(registry, spec, config);
                defined.put(registry, known);
            }
            return known;
        }

        Version version(String text) {
            return versions.computeIfAbsent(text, Version::parse);
        }

        VersionReq req(String text) {
            return reqs.computeIfAbsent(text, VersionReq::parse);
        }

        /**
         * Whether requirement {@code req} admits version {@code version}, worked out once for each pair (a thousand
         * crates' dependencies ask a handful); an unparsable one throws each time it is asked.
         */
        boolean matches(String req, String version) {
            Map<String, Boolean> byVersion = matches.get(req);
            if (byVersion == null) {
                byVersion = new HashMap<>();
                matches.put(req, byVersion);
            }
            Boolean m = byVersion.get(version);
            if (m == null) {
                m = req(req).matches(version(version));
                byVersion.put(version, m);
            }
            return m;
        }
    }
}
