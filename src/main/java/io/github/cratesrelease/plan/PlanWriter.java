package io.github.cratesrelease.plan;

import io.github.cratesrelease.io.JsonMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a plan as a readable table and as {@code plan.json}. */
public final class PlanWriter {


    /** The plan as table lines: wave, crate, version, registry, after. */
    public static List<String> table(PublishPlan plan) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"wave", "crate", "version", "registry", "after"});
        for (PublishPlan.Wave w : plan.waves()) {
            for (PublishPlan.PlannedCrate c : w.crates()) {
                rows.add(new String[] {String.valueOf(w.number()), c.name(), c.version(), c.registry(),
                        c.dependsOn().isEmpty() ? "-" : String.join(", ", c.dependsOn())});
            }
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        out.add("Publish plan: " + plan.crateCount() + " crate" + (plan.crateCount() == 1 ? "" : "s") + " in "
                + plan.waves().size() + " wave" + (plan.waves().size() == 1 ? "" : "s")
                + (plan.explicitOrder() ? " (explicit order, checked against the graph)" : " (derived from the dependency graph)"));
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < 5; i++) {
                String cell = rows.get(r)[i];
                sb.append(cell).append(" ".repeat(width[i] - cell.length() + 2));
            }
            out.add(sb.toString().stripTrailing());
            if (r == 0) {
                StringBuilder line = new StringBuilder("  ");
                for (int i = 0; i < 5; i++) {
                    line.append("-".repeat(width[i])).append("  ");
                }
                out.add(line.toString().stripTrailing());
            }
        }
        return out;
    }

    public static ObjectNode json(PublishPlan plan, Path workspaceRoot, Path specFile) {
        ObjectNode root = JsonMapping.mapper().createObjectNode();
        root.put("spec", specFile.toString());
        root.put("workspace", workspaceRoot.toString());
        root.put("order", plan.explicitOrder() ? "explicit" : "auto");
        ArrayNode waves = root.putArray("waves");
        for (PublishPlan.Wave w : plan.waves()) {
            ArrayNode wave = waves.addArray();
            for (PublishPlan.PlannedCrate c : w.crates()) {
                ObjectNode o = wave.addObject();
                o.put("name", c.name());
                o.put("version", c.version());
                o.put("registry", c.registry());
                o.put("manifest", workspaceRoot.relativize(c.manifest()).toString());
                ArrayNode deps = o.putArray("after");
                c.dependsOn().forEach(deps::add);
            }
        }
        return root;
    }

    public static Path write(PublishPlan plan, Path workspaceRoot, Path specFile, Path outputDirectory) {
        try {
            Files.createDirectories(outputDirectory);
            Path file = outputDirectory.resolve("plan.json");
            Files.writeString(file, JsonMapping.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json(plan, workspaceRoot, specFile)) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plan.json to " + outputDirectory, e);
        }
    }
}
