package io.github.cratesrelease.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Head's publish plan as a mermaid {@code flowchart LR}: one subgraph per wave (left to right), one node per crate
 * labelled with its name and version (a first publish marked {@code (new)}, a changed version {@code (changed)}),
 * and the dependency edges ({@code from} is published first). Node ids are {@code c_} and the crate name with every
 * character outside {@code [A-Za-z0-9_]} replaced by {@code _}, made unique when two names map to one id.
 */
public final class ReviewMermaid {

    /** The class of a first publish's node. */
    public static final String NEW_CLASS = "newCrate";
    /** The class of a node whose version changed since base. */
    public static final String CHANGED_CLASS = "changed";

    private ReviewMermaid() {
    }

    /** The flowchart's text, lines separated by {@code \n}, without a trailing newline. */
    public static String flowchart(ReviewReport.Plan plan) {
        List<String> out = new ArrayList<>();
        out.add("flowchart LR");
        List<ReviewReport.Wave> waves = plan == null || plan.waves() == null ? List.of() : plan.waves();
        Map<String, String> ids = ids(waves);
        List<String> newIds = new ArrayList<>();
        List<String> changedIds = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (ReviewReport.Wave w : waves) {
            out.add("    subgraph w" + w.number() + "[\"" + label("wave " + w.number()) + "\"]");
            for (ReviewReport.Node n : nodes(w)) {
                String id = ids.get(n.name());
                if (!declared.add(id)) {
                    continue; // a crate listed twice is drawn once
                }
                String suffix = n.isNew() ? " (new)" : n.changed() ? " (changed)" : "";
                out.add("        " + id + "[\"" + label(n.name() + (n.version() == null ? "" : " " + n.version()) + suffix)
                        + "\"]");
                if (n.isNew()) {
                    newIds.add(id);
                } else if (n.changed()) {
                    changedIds.add(id);
                }
            }
            out.add("    end");
        }
        List<ReviewReport.Edge> edges = plan == null || plan.edges() == null ? List.of() : plan.edges();
        Set<String> drawn = new HashSet<>();
        for (ReviewReport.Edge e : edges) {
            String from = ids.get(e.from());
            String to = ids.get(e.to());
            if (from != null && to != null && drawn.add(from + " " + to)) {
                out.add("    " + from + " --> " + to);
            }
        }
        out.add("    classDef " + NEW_CLASS + " fill:#dafbe1,stroke:#1a7f37,color:#1f2328");
        out.add("    classDef " + CHANGED_CLASS + " fill:#fff8c5,stroke:#9a6700,color:#1f2328");
        for (String id : newIds) {
            out.add("    class " + id + " " + NEW_CLASS);
        }
        for (String id : changedIds) {
            out.add("    class " + id + " " + CHANGED_CLASS);
        }
        return String.join("\n", out);
    }

    private static List<ReviewReport.Node> nodes(ReviewReport.Wave w) {
        return w.crates() == null ? List.of() : w.crates();
    }

    /** Crate name → node id, unique, in the order the crates appear. */
    static Map<String, String> ids(List<ReviewReport.Wave> waves) {
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (ReviewReport.Wave w : waves) {
            for (ReviewReport.Node n : nodes(w)) {
                if (ids.containsKey(n.name())) {
                    continue;
                }
                String base = "c_" + String.valueOf(n.name()).replaceAll("[^A-Za-z0-9_]", "_");
                String id = base;
                for (int i = 2; !used.add(id); i++) {
                    id = base + "_" + i;
                }
                ids.put(n.name(), id);
            }
        }
        return ids;
    }

    /**
     * Text for a quoted label: mermaid reads {@code #name;} as an entity, so {@code #} itself, the quote and the
     * angle brackets are written as entities; a line break becomes a space.
     */
    static String label(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '#' -> sb.append("#35;");
                case '"' -> sb.append("#quot;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '\r', '\n' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
