package io.github.cratesrelease.review;

import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.io.JsonMapping;
import io.github.cratesrelease.review.ReviewReport.Edge;
import io.github.cratesrelease.review.ReviewReport.Finding;
import io.github.cratesrelease.review.ReviewReport.NewCrate;
import io.github.cratesrelease.review.ReviewReport.Node;
import io.github.cratesrelease.review.ReviewReport.SpecChange;
import io.github.cratesrelease.review.ReviewReport.VersionChange;
import io.github.cratesrelease.review.ReviewReport.Wave;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review as a JSON document ({@code review.json}, described by {@code schema/review-report.schema.json}) for
 * tools: every list of the report, severities in lower case, the plan's waves and edges (null without a plan).
 */
public final class ReviewJson {

    /** The document's format version. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapping.mapper();

    private ReviewJson() {
    }

    /** The document, pretty-printed. */
    public static String toJson(ReviewReport r) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(r));
    }

    /** Writes the document to {@code file} atomically (with a trailing newline). */
    public static void write(Path file, ReviewReport r) {
        AtomicFiles.writeString(file, toJson(r) + "\n");
    }

    static ObjectNode tree(ReviewReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode base = root.putObject("base");
        base.put("ref", r.base());
        base.put("commit", r.baseCommit());
        root.putObject("head").put("commit", r.headCommit());
        root.put("spec", r.specFile());
        ObjectNode verdict = root.putObject("verdict");
        verdict.put("errors", r.errors());
        verdict.put("warnings", r.warnings());
        verdict.put("relevant", r.relevant());

        ArrayNode specChanges = root.putArray("specChanges");
        for (SpecChange c : list(r.specChanges())) {
            ObjectNode o = specChanges.addObject();
            o.put("change", c.change());
            o.put("section", c.section());
            o.put("subject", c.subject());
            o.put("detail", c.detail());
            o.put("line", c.line());
        }
        ArrayNode versions = root.putArray("versions");
        for (VersionChange v : list(r.versions())) {
            ObjectNode o = versions.addObject();
            o.put("crate", v.crate());
            o.put("from", v.from());
            o.put("to", v.to());
            o.put("bump", v.bump());
            o.put("required", v.required());
            o.put("fits", v.fits());
            ArrayNode reasons = o.putArray("reasons");
            list(v.reasons()).forEach(reasons::add);
            o.put("file", v.file());
            o.put("line", v.line());
        }
        ArrayNode newCrates = root.putArray("newCrates");
        for (NewCrate c : list(r.newCrates())) {
            ObjectNode o = newCrates.addObject();
            o.put("crate", c.crate());
            o.put("version", c.version());
            o.put("registry", c.registry());
        }
        findings(root.putArray("findings"), r.findings());
        findings(root.putArray("inBase"), r.inBase());
        if (r.plan() == null) {
            root.putNull("plan");
        } else {
            ObjectNode plan = root.putObject("plan");
            ArrayNode waves = plan.putArray("waves");
            for (Wave w : list(r.plan().waves())) {
                ObjectNode wo = waves.addObject();
                wo.put("number", w.number());
                ArrayNode crates = wo.putArray("crates");
                for (Node n : list(w.crates())) {
                    ObjectNode no = crates.addObject();
                    no.put("name", n.name());
                    no.put("version", n.version());
                    no.put("registry", n.registry());
                    no.put("new", n.isNew());
                    no.put("changed", n.changed());
                }
            }
            ArrayNode edges = plan.putArray("edges");
            for (Edge e : list(r.plan().edges())) {
                edges.addObject().put("from", e.from()).put("to", e.to());
            }
        }
        ArrayNode estimate = root.putArray("estimate");
        list(r.estimate()).forEach(estimate::add);
        return root;
    }

    private static void findings(ArrayNode out, List<Finding> findings) {
        for (Finding f : list(findings)) {
            ObjectNode o = out.addObject();
            o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            o.put("category", f.category());
            o.put("file", f.file());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("message", f.message());
            o.put("hint", f.hint());
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
