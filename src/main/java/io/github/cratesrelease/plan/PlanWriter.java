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
        String[] header = {"wave", "crate", "version", "registry", "after"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        // one pass for the widths, one for the lines (a thousand crates: the plan goal prints each)
        List<String> after = new ArrayList<>(plan.crateCount());
        for (PublishPlan.Wave w : plan.waves()) {
            int wave = String.valueOf(w.number()).length();
            for (PublishPlan.PlannedCrate c : w.crates()) {
                width[0] = Math.max(width[0], wave);
                String a = c.dependsOn().isEmpty() ? "-" : String.join(", ", c.dependsOn());
                after.add(a);
                width[1] = Math.max(width[1], c.name().length());
                width[2] = Math.max(width[2], c.version().length());
                width[3] = Math.max(width[3], c.registry().length());
                width[4] = Math.max(width[4], a.length());
            }
        }
        List<String> out = new ArrayList<>(plan.crateCount() + 3);
        out.add("Publish plan: " + plan.crateCount() + " crate" + (plan.crateCount() == 1 ? "" : "s") + " in "
                + plan.waves().size() + " wave" + (plan.waves().size() == 1 ? "" : "s")
                + (plan.explicitOrder() ? " (explicit order, checked against the graph)" : " (derived from the dependency graph)"));
        StringBuilder sb = new StringBuilder(128);
        out.add(row(sb, width, header));
        String[] rule = new String[width.length];
        for (int i = 0; i < width.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        out.add(row(sb, width, rule));
        int k = 0;
        for (PublishPlan.Wave w : plan.waves()) {
            String wave = String.valueOf(w.number());
            for (PublishPlan.PlannedCrate c : w.crates()) {
                out.add(row(sb, width, wave, c.name(), c.version(), c.registry(), after.get(k++)));
            }
        }
        return out;
    }

    /** One line of the table: two spaces, then each cell padded to its column's width, two spaces apart. */
    private static String row(StringBuilder sb, int[] width, String... cells) {
        sb.setLength(0);
        sb.append("  ");
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                for (int pad = width[i] - cells[i].length() + 2; pad > 0; pad--) {
                    sb.append(' ');
                }
            }
        }
        return sb.toString().stripTrailing();
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
