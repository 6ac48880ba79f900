package io.github.cratesrelease.init;

import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a starter {@code release.yaml} for an existing workspace: every member as a crate, registries inferred
 * from {@code package.publish} and {@code .cargo/config.toml}, {@code order: auto}.
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
        sb.append("# Release spec for crates-maven-plugin (mvn crates:validate | crates:plan | crates:release).\n");
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
        return sb.toString();
    }
}
