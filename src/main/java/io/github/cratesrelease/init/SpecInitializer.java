package io.github.cratesrelease.init;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.toml.Toml;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a starter {@code release.yaml} for an existing workspace: every member as a crate (members that are clearly
 * never released as {@code publish: false}, with why), the target registry inferred from {@code package.publish} and
 * the {@code registry = "..."} of sibling dependencies, a {@code registries} entry only where one is needed, the
 * changelog found on disk, {@code order: auto}, the wait crates.io needs (none) or an index wait for other registries,
 * a {@code tags} section (one annotated tag per crate, push left for the user to choose) and a {@code post-publish}
 * list (the index check, and a commented {@code cargo-install} smoke test of the first released member with a binary
 * target). What only a person can fix is said in the file and returned as {@link Result#defects()}.
 */
public final class SpecInitializer {

    /**
     * The spec's text, the members left out (name → why), and the problems that keep it from validating, one
     * sentence each, with the fix.
     */
    public record Result(String text, Map<String, String> unreleased, List<String> defects, List<String> notes) {
    }

    public String render(CargoWorkspace ws, CargoConfig config, Path specDir) {
        return initialize(ws, config, specDir).text();
    }

    public Result initialize(CargoWorkspace ws, CargoConfig config, Path specDir) {
        TargetRegistries targets = new TargetRegistries(ws);
        MemberRoles roles = new MemberRoles(ws, targets);
        String defaultRegistry = targets.defaultFor(roles.released().isEmpty()
                ? ws.members().stream().filter(CargoPackage::isPublishable).map(CargoPackage::name).toList()
                : roles.released());
        List<String> defects = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<String>> briefs = new LinkedHashMap<>();
        for (MemberRoles.Defect d : roles.defects()) {
            defects.add(d.message());
            briefs.computeIfAbsent(d.crate(), k -> new ArrayList<>()).add(d.brief());
        }
        Path base = specDir.toAbsolutePath().normalize();

        StringBuilder body = new StringBuilder();
        body.append("version: 1\n");
        String rel = base.relativize(ws.root()).toString();
        body.append("workspace: ").append(rel.isEmpty() ? "." : rel).append('\n');
        body.append("defaults:\n  registry: ").append(defaultRegistry);
        body.append(TargetRegistries.isCratesIo(defaultRegistry) ? "\n" : "   # where the manifests send their "
                + "crates: package.publish, registry = \"" + defaultRegistry + "\" on sibling dependencies\n");
        registries(body, targets.used(roles.released()), defaultRegistry, config, base, defects);
        body.append("crates:\n");
        for (CargoPackage p : ws.members()) {
            body.append("  ").append(p.name()).append(": ");
            MemberRoles.Unreleased u = roles.unreleased(p.name());
            String target = targets.of(p.name());
            if (!p.isPublishable()) {
                body.append("{ publish: false }   # publish = false in its Cargo.toml\n");
            } else if (u != null) {
                body.append("{ publish: false }   # ").append(u.why()).append("; ").append(u.toRelease()).append('\n');
            } else {
                body.append(target.equals(defaultRegistry) ? "{}" : "{ registry: " + target + " }");
                List<String> b = briefs.get(p.name());
                body.append(b == null ? "" : "   # FIX: " + String.join("; ", b)).append('\n');
            }
        }
        changelog(body, ChangelogLayout.detect(ws, roles.released()), ws, notes);
        body.append("order: auto   # derived from the dependency graph; see it with mvn crates:plan\n");
        if (TargetRegistries.isCratesIo(defaultRegistry)) {
            body.append("wait: { strategy: none }   # crates.io checks dependencies by name at upload: "
                    + "no wait between waves\n");
        } else {
            body.append("wait: ").append(INDEX_WAIT).append("   # each wave visible in the index before the next\n");
        }
        tail(body, ws, roles);

        StringBuilder sb = new StringBuilder();
        sb.append("# Release spec for crates-maven-plugin, written by crates:init. Check it: mvn crates:validate, "
                + "mvn crates:plan;\n");
        sb.append("# rehearse the release (nothing real is touched): mvn crates:release -Dcrates.rehearse;\n");
        sb.append("# release: mvn crates:release (publish, tags, post-publish actions).\n");
        sb.append("# Every key is described in the spec reference of the plugin's documentation.\n");
        if (!defects.isEmpty()) {
            sb.append("#\n# It does not validate yet: only you can fix what follows (crates:init could not decide it).\n");
            defects.forEach(d -> sb.append("# FIX: ").append(d).append('\n'));
        }
        sb.append(body);
        Map<String, String> unreleased = new LinkedHashMap<>();
        roles.allUnreleased().forEach((k, v) -> unreleased.put(k, v.why()));
        return new Result(sb.toString(), unreleased, defects, notes);
    }

    private static final String INDEX_WAIT = "{ strategy: index, timeout: 10m, interval: 2s }";

    /**
     * Registry entries only where needed: a registry no configuration defines (its index is to be written), or,
     * when crates.io is the default (no wait), a registry that needs its index wait. A registry cargo's configuration
     * defines is said in a comment.
     */
    private static void registries(StringBuilder sb, List<String> used, String defaultRegistry, CargoConfig config,
            Path base, List<String> defects) {
        List<String> comments = new ArrayList<>();
        StringBuilder entries = new StringBuilder();
        for (String r : used) {
            CargoConfig.Registry known = config.registry(r);
            boolean needsWait = TargetRegistries.isCratesIo(defaultRegistry);
            String token = RegistryNames.variable(r, "TOKEN");
            if (known == null) {
                entries.append("  ").append(r).append(":\n");
                entries.append("    # index: sparse+https://<host>/<path>/   FIX: this registry's index URL "
                        + "(validate fails until set)\n");
                entries.append("    token: { env: ").append(token).append(" }\n");
                defects.add("registry '" + r + "' is not defined in .cargo/config.toml nor by "
                        + RegistryNames.variable(r, "INDEX") + ": write its index URL under registries." + r
                        + ".index in the spec, or define [registries." + r + "] in .cargo/config.toml");
            } else if (needsWait) {
                entries.append("  ").append(r).append(":\n");
                entries.append("    wait: ").append(INDEX_WAIT).append("   # each wave visible in its index before "
                        + "the next\n");
            }
            if (known != null) {
                comments.add("# " + r + ": index " + known.index() + " from " + (known.definedAt() == null
                        ? RegistryNames.variable(r, "INDEX")
                        : base.relativize(known.definedAt().file().toAbsolutePath().normalize()).toString().replace('\\', '/'))
                        + "; token from " + token + " or cargo's credentials.toml (registries." + r + ".token names "
                        + "another source)");
            }
        }
        comments.forEach(c -> sb.append(c).append('\n'));
        if (!entries.isEmpty()) {
            sb.append("registries:\n").append(entries);
        }
    }

    private static void changelog(StringBuilder sb, ChangelogLayout log, CargoWorkspace ws, List<String> notes) {
        if (log.path() == null) {
            sb.append("# changelog: { path: CHANGELOG.md }   # choose: a Keep a Changelog file that crates:bump "
                    + "promotes (or '{crate_dir}/CHANGELOG.md', one per crate)\n");
            return;
        }
        sb.append("changelog:").append(log.path().equals(ChangelogLayout.FILE)
                ? "                    # one file for the workspace: a bump moves the crates it lists to one version\n"
                : "                    # one file per crate\n");
        sb.append("  path: \"").append(log.path()).append("\"\n");
        if (log.unreleasedHeading() != null) {
            sb.append("  unreleased-heading: \"").append(log.unreleasedHeading().replace("\"", "\\\"")).append("\"\n");
        }
        if (!log.missing().isEmpty()) {
            String note = "no CHANGELOG.md yet for " + String.join(", ", log.missing()) + ": create each with a '## "
                    + (log.unreleasedHeading() == null ? "Unreleased" : log.unreleasedHeading())
                    + "' section before crates:bump (validate warns until then)";
            sb.append("  # ").append(note).append('\n');
            notes.add(note);
        }
    }

    private static void tail(StringBuilder sb, CargoWorkspace ws, MemberRoles roles) {
        sb.append("tags:                          # created by crates:release for each crate it publishes\n");
        sb.append("  name: \"{crate}-v{version}\"   # or scope: workspace with name: \"v{version}\" "
                + "(one tag, one shared version)\n");
        sb.append("  annotated: true              # sign: true signs them with your git signing key\n");
        sb.append("  # push: origin               # choose: the remote to push the tags to "
                + "(without it they stay local)\n");
        sb.append("post-publish:                  # run after the publish and the tags, in order\n");
        sb.append("  - verify: { timeout: 10m }   # every crate in its registry's index "
                + "with the checksum built here\n");
        Binary bin = firstBinary(ws, roles.released());
        if (bin != null) {
            sb.append("  # - cargo-install: { crate: ").append(bin.crate())
                    .append(bin.name() == null ? "" : ", bin: " + bin.name())
                    .append(", run: [\"--version\"] }   # choose: install the published binary and run it\n");
        } else {
            sb.append("  # - cargo-install: { crate: <a crate with a binary>, run: [\"--version\"] }   "
                    + "# choose: a smoke test of a published binary\n");
        }
        sb.append("  # - github-release: { repo: <owner>/<name> }   # choose: a GitHub release per tag "
                + "(needs tags.push; token from GITHUB_TOKEN)\n");
    }

    /** A publishable member with a binary target, and the binary to name when it has several (else null). */
    record Binary(String crate, String name) {
    }

    /** The first released member with a binary target: src/main.rs, src/bin/*.rs or a [[bin]] table. */
    static Binary firstBinary(CargoWorkspace ws, java.util.Set<String> released) {
        for (CargoPackage p : ws.members()) {
            if (!released.contains(p.name())) {
                continue;
            }
            List<String> declared = declaredBinaries(p.manifest());
            if (!declared.isEmpty()) {
                return new Binary(p.name(), declared.size() > 1 ? declared.get(0) : null);
            }
            if (Files.isRegularFile(p.dir().resolve("src/main.rs")) || hasBinDirectory(p.dir())) {
                return new Binary(p.name(), null);
            }
        }
        return null;
    }

    /** The names of the manifest's {@code [[bin]]} tables. */
    private static List<String> declaredBinaries(Path manifest) {
        List<String> names = new ArrayList<>();
        try {
            TomlParseResult toml = Toml.parse(manifest);
            TomlArray bins = toml.getArray("bin");
            if (bins != null) {
                for (int i = 0; i < bins.size(); i++) {
                    Object b = bins.get(i);
                    String n = b instanceof TomlTable t ? t.getString("name") : null;
                    names.add(n == null ? "" : n);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // the workspace loader reports a broken manifest; here it just has no declared binary
        }
        names.removeIf(String::isEmpty);
        return names;
    }

    private static boolean hasBinDirectory(Path dir) {
        Path bin = dir.resolve("src/bin");
        if (!Files.isDirectory(bin)) {
            return false;
        }
        try (Stream<Path> s = Files.list(bin)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".rs") || Files.isRegularFile(f.resolve(
                    "main.rs")));
        } catch (IOException e) {
            return false;
        }
    }
}
