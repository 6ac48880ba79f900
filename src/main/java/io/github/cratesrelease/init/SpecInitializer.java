package io.github.cratesrelease.init;

import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Writes a starter {@code release.yaml} for an existing workspace: every member as a crate, registries inferred
 * from {@code package.publish} and {@code .cargo/config.toml}, {@code order: auto}, a {@code tags} section (one
 * annotated tag per crate, push left for the user to choose) and a {@code post-publish} list (the index check, and a
 * commented {@code cargo-install} smoke test of the first publishable member with a binary target).
 */
public final class SpecInitializer {

    public String render(CargoWorkspace ws, CargoConfig config, Path specDir) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        Set<String> registries = new LinkedHashSet<>(config.registries().keySet());
        for (CargoPackage p : ws.members()) {
            if (p.isPublishable()) {
                String r = p.publishTo() == null ? ReleaseSpec.CRATES_IO : p.publishTo().get(0);
                votes.merge(r, 1, Integer::sum);
                if (p.publishTo() != null) {
                    registries.addAll(p.publishTo());
                }
            }
        }
        registries.remove(ReleaseSpec.CRATES_IO);
        String defaultRegistry = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(ReleaseSpec.CRATES_IO);

        StringBuilder sb = new StringBuilder();
        sb.append("# Release spec for crates-maven-plugin. Check it: mvn crates:validate, mvn crates:plan;\n");
        sb.append("# rehearse the release (nothing real is touched): mvn crates:release -Dcrates.rehearse;\n");
        sb.append("# release: mvn crates:release (publish, tags, post-publish actions).\n");
        sb.append("# Reference: docs/spec-reference.md; JSON Schema: schema/release-spec.schema.json.\n");
        sb.append("version: 1\n");
        String rel = specDir.toAbsolutePath().normalize().relativize(ws.root()).toString();
        sb.append("workspace: ").append(rel.isEmpty() ? "." : rel).append('\n');
        sb.append("defaults:\n  registry: ").append(defaultRegistry).append('\n');
        if (!registries.isEmpty()) {
            sb.append("registries:\n");
            for (String r : registries) {
                sb.append("  ").append(r).append(":\n");
                CargoConfig.Registry known = config.registry(r);
                if (known != null) {
                    sb.append("    # index: taken from ").append(known.definedAt() == null ? "the environment"
                            : specDir.toAbsolutePath().normalize().relativize(known.definedAt().file().toAbsolutePath().normalize())).append(" (").append(known.index()).append(")\n");
                } else {
                    sb.append("    # index: sparse+https://<host>/<path>/   TODO: this registry's index URL (validate fails until set)\n");
                }
                sb.append("    token: { env: ").append(RegistryNames.variable(r, "TOKEN")).append(" }\n");
            }
        }
        sb.append("crates:\n");
        for (CargoPackage p : ws.members()) {
            sb.append("  ").append(p.name()).append(": ");
            if (!p.isPublishable()) {
                sb.append("{ publish: false }   # publish = false in its Cargo.toml\n");
            } else if (p.publishTo() != null && !p.publishTo().contains(defaultRegistry)) {
                sb.append("{ registry: ").append(p.publishTo().get(0)).append(" }\n");
            } else {
                sb.append("{}\n");
            }
        }
        sb.append("order: auto   # derived from the dependency graph; see it with mvn crates:plan\n");
        sb.append("wait: { strategy: index, timeout: 10m, interval: 2s }\n");
        sb.append("tags:                          # created by crates:release for each crate it publishes\n");
        sb.append("  name: \"{crate}-v{version}\"   # or scope: workspace with name: \"v{version}\" "
                + "(one tag, one shared version)\n");
        sb.append("  annotated: true              # sign: true signs them with your git signing key\n");
        sb.append("  # push: origin               # choose: the remote to push the tags to "
                + "(without it they stay local)\n");
        sb.append("post-publish:                  # run after the publish and the tags, in order\n");
        sb.append("  - verify: { timeout: 10m }   # every crate in its registry's index "
                + "with the checksum built here\n");
        Binary bin = firstBinary(ws);
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
        return sb.toString();
    }

    /** A publishable member with a binary target, and the binary to name when it has several (else null). */
    record Binary(String crate, String name) {
    }

    /** The first publishable member with a binary target: src/main.rs, src/bin/*.rs or a [[bin]] table. */
    static Binary firstBinary(CargoWorkspace ws) {
        for (CargoPackage p : ws.members()) {
            if (!p.isPublishable()) {
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
