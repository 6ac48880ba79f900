package io.github.cratesrelease.review;

import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.review.ReviewReport.Edge;
import io.github.cratesrelease.review.ReviewReport.Finding;
import io.github.cratesrelease.review.ReviewReport.NewCrate;
import io.github.cratesrelease.review.ReviewReport.Node;
import io.github.cratesrelease.review.ReviewReport.SpecChange;
import io.github.cratesrelease.review.ReviewReport.VersionChange;
import io.github.cratesrelease.review.ReviewReport.Wave;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review as a JSON document ({@code review.json}, described by {@code schema/review-report.schema.json}) for
 * tools: every list of the report, severities in lower case, the plan's waves and edges (null without a plan).
 * Built as plain maps and lists (in the document's key order) and written by {@link JsonText}.
 */
public final class ReviewJson {

    /** The document's format version. */
    public static final int VERSION = 1;

    private ReviewJson() {
    }

    /** The document, pretty-printed in Jackson's default layout ({@link JsonText#pretty}), without Jackson. */
    public static String toJson(ReviewReport r) {
        return JsonText.pretty(tree(r));
    }

    /** Writes the document to {@code file} atomically (with a trailing newline). */
    public static void write(Path file, ReviewReport r) {
        AtomicFiles.writeString(file, toJson(r) + "\n");
    }

    static Map<String, Object> tree(ReviewReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("ref", r.base());
        base.put("commit", r.baseCommit());
        root.put("base", base);
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("commit", r.headCommit());
        root.put("head", head);
        root.put("spec", r.specFile());
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("errors", r.errors());
        verdict.put("warnings", r.warnings());
        verdict.put("relevant", r.relevant());
        root.put("verdict", verdict);

        List<Object> specChanges = new ArrayList<>();
        for (SpecChange c : list(r.specChanges())) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("change", c.change());
            o.put("section", c.section());
            o.put("subject", c.subject());
            o.put("detail", c.detail());
            o.put("line", c.line());
            specChanges.add(o);
        }
        root.put("specChanges", specChanges);
        List<Object> versions = new ArrayList<>();
        for (VersionChange v : list(r.versions())) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("crate", v.crate());
            o.put("from", v.from());
            o.put("to", v.to());
            o.put("bump", v.bump());
            o.put("required", v.required());
            o.put("fits", v.fits());
            o.put("reasons", new ArrayList<Object>(list(v.reasons())));
            o.put("file", v.file());
            o.put("line", v.line());
            versions.add(o);
        }
        root.put("versions", versions);
        List<Object> newCrates = new ArrayList<>();
        for (NewCrate c : list(r.newCrates())) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("crate", c.crate());
            o.put("version", c.version());
            o.put("registry", c.registry());
            newCrates.add(o);
        }
        root.put("newCrates", newCrates);
        root.put("findings", findings(r.findings()));
        root.put("inBase", findings(r.inBase()));
        root.put("plan", r.plan() == null ? null : plan(r.plan()));
        root.put("estimate", new ArrayList<Object>(list(r.estimate())));
        return root;
    }

    private static Map<String, Object> plan(ReviewReport.Plan p) {
        List<Object> waves = new ArrayList<>();
        for (Wave w : list(p.waves())) {
            List<Object> crates = new ArrayList<>();
            for (Node n : list(w.crates())) {
                Map<String, Object> no = new LinkedHashMap<>();
                no.put("name", n.name());
                no.put("version", n.version());
                no.put("registry", n.registry());
                no.put("new", n.isNew());
                no.put("changed", n.changed());
                crates.add(no);
            }
            Map<String, Object> wo = new LinkedHashMap<>();
            wo.put("number", w.number());
            wo.put("crates", crates);
            waves.add(wo);
        }
        List<Object> edges = new ArrayList<>();
        for (Edge e : list(p.edges())) {
            Map<String, Object> eo = new LinkedHashMap<>();
            eo.put("from", e.from());
            eo.put("to", e.to());
            edges.add(eo);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("waves", waves);
        plan.put("edges", edges);
        return plan;
    }

    private static List<Object> findings(List<Finding> findings) {
        List<Object> out = new ArrayList<>();
        for (Finding f : list(findings)) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            o.put("category", f.category());
            o.put("file", f.file());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("message", f.message());
            o.put("hint", f.hint());
            out.add(o);
        }
        return out;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
