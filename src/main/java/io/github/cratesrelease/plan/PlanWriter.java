package io.github.cratesrelease.plan;

import io.github.cratesrelease.io.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The content of {@code plan.json}: spec, workspace, order, and each wave's crates. */
    public static Map<String, Object> json(PublishPlan plan, Path workspaceRoot, Path specFile) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("spec", specFile.toString());
        root.put("workspace", workspaceRoot.toString());
        root.put("order", plan.explicitOrder() ? "explicit" : "auto");
        List<Object> waves = new ArrayList<>();
        for (PublishPlan.Wave w : plan.waves()) {
            List<Object> wave = new ArrayList<>();
            for (PublishPlan.PlannedCrate c : w.crates()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", c.name());
                o.put("version", c.version());
                o.put("registry", c.registry());
                o.put("manifest", workspaceRoot.relativize(c.manifest()).toString());
                o.put("after", List.copyOf(c.dependsOn()));
                wave.add(o);
            }
            waves.add(wave);
        }
        root.put("waves", waves);
        return root;
    }

    /** Writes {@code plan.json} into {@code outputDirectory} (without Jackson: see {@link JsonText#pretty}). */
    public static Path write(PublishPlan plan, Path workspaceRoot, Path specFile, Path outputDirectory) {
        try {
            Files.createDirectories(outputDirectory);
            Path file = outputDirectory.resolve("plan.json");
            Files.writeString(file, JsonText.pretty(json(plan, workspaceRoot, specFile)) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plan.json to " + outputDirectory, e);
        }
    }
}
