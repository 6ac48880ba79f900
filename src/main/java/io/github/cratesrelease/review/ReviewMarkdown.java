package io.github.cratesrelease.review;

import io.github.cratesrelease.review.ReviewReport.Finding;
import io.github.cratesrelease.review.ReviewReport.NewCrate;
import io.github.cratesrelease.review.ReviewReport.Node;
import io.github.cratesrelease.review.ReviewReport.Severity;
import io.github.cratesrelease.review.ReviewReport.SpecChange;
import io.github.cratesrelease.review.ReviewReport.VersionChange;
import io.github.cratesrelease.review.ReviewReport.Wave;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The review as GitHub-flavoured Markdown, for a pull request comment or a job summary: the verdict first, then
 * the crates table, the findings (linked to {@code file#Lline}, relative to the repository so GitHub resolves them),
 * the spec changes, the new crates, head's plan as a mermaid flowchart with the rate-limit estimate, and the
 * findings base already had, folded.
 */
public final class ReviewMarkdown {

    private ReviewMarkdown() {
    }

    /** The Markdown document, ending with a newline. */
    public static String render(ReviewReport r) {
        if (!r.relevant()) {
            return "No release-relevant change between " + r.base() + " (" + shortCommit(r.baseCommit())
                    + ") and the head.\n";
        }
        StringBuilder md = new StringBuilder();
        md.append(verdict(r)).append("\n");
        table(r, md);
        findings(r, md);
        specChanges(r, md);
        newCrates(r, md);
        plan(r, md);
        inBase(r, md);
        return md.toString();
    }

    // ---- verdict ------------------------------------------------------------------------------------------------

    static String verdict(ReviewReport r) {
        long errors = r.errors();
        long warnings = r.warnings();
        long notes = list(r.findings()).stream().filter(f -> f.severity() == Severity.NOTE).count();
        StringBuilder sb = new StringBuilder();
        if (errors + warnings > 0) {
            List<String> counts = new ArrayList<>();
            if (errors > 0) {
                counts.add(count(errors, "error"));
            }
            if (warnings > 0) {
                counts.add(count(warnings, "warning"));
            }
            sb.append("**Release review: ").append(String.join(", ", counts)).append(".** ");
        } else {
            sb.append("**No problem found:** ");
        }
        List<String> parts = new ArrayList<>();
        List<VersionChange> versions = list(r.versions());
        if (!versions.isEmpty()) {
            long misfits = versions.stream().filter(v -> !v.fits()).count();
            parts.add(count(versions.size(), "version change")
                    + (misfits == 0 ? (versions.size() == 1 ? " that fits its changes" : ", each fitting its changes")
                            : " (" + misfits + " not fitting: " + versions.stream().filter(v -> !v.fits())
                                    .map(v -> "`" + v.crate() + "`").collect(Collectors.joining(", ")) + ")"));
        }
        List<NewCrate> created = list(r.newCrates());
        if (!created.isEmpty()) {
            parts.add(count(created.size(), "new crate") + " (" + created.stream().map(c -> "`" + c.crate() + "`")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (!list(r.specChanges()).isEmpty()) {
            parts.add(count(r.specChanges().size(), "spec change"));
        }
        if (notes > 0) {
            parts.add(count(notes, "note"));
        }
        if (versions.isEmpty()) {
            parts.add("no version change");
        }
        sb.append(capitalize(joinWords(parts))).append(". Compared ").append(code(r.base())).append(" (`")
                .append(shortCommit(r.baseCommit())).append("`) with the head (`").append(shortCommit(r.headCommit()))
                .append("`).");
        return sb.toString();
    }

    // ---- crates table -------------------------------------------------------------------------------------------

    private static void table(ReviewReport r, StringBuilder md) {
        Map<String, Node> nodes = nodes(r);
        Map<String, NewCrate> created = new LinkedHashMap<>();
        list(r.newCrates()).forEach(c -> created.put(c.crate(), c));
        List<String> rows = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (VersionChange v : list(r.versions())) {
            listed.add(v.crate());
            NewCrate c = created.get(v.crate());
            Node n = nodes.get(v.crate());
            String registry = c != null ? c.registry() : n != null ? n.registry() : null;
            String fits = v.fits() ? "✅" : "backwards".equals(v.bump()) ? "❌ backwards"
                    : "❌ needs " + v.required();
            rows.add(row(code(v.crate()), cell(v.from()) + " → " + cell(v.to()), cell(v.bump()), fits, code(registry),
                    c != null || (n != null && n.isNew()) ? "new" : ""));
        }
        for (NewCrate c : created.values()) {
            if (!listed.contains(c.crate())) {
                rows.add(row(code(c.crate()), "— → " + cell(c.version()), "—", "—", code(c.registry()), "new"));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n| crate | base → head | bump | fits? | registry | new? |\n");
        md.append("|---|---|---|---|---|---|\n");
        rows.forEach(x -> md.append(x).append("\n"));
        for (VersionChange v : list(r.versions())) {
            if (!v.fits() && v.reasons() != null && !v.reasons().isEmpty()) {
                md.append("\n`").append(v.crate()).append("` ").append("backwards".equals(v.bump())
                        ? "goes backwards" : "needs a " + v.required() + " bump").append(":\n");
                v.reasons().forEach(reason -> md.append("- ").append(text(reason)).append("\n"));
            }
        }
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    // ---- findings -----------------------------------------------------------------------------------------------

    private static void findings(ReviewReport r, StringBuilder md) {
        for (Severity s : Severity.values()) {
            List<Finding> of = list(r.findings()).stream().filter(f -> f.severity() == s).toList();
            if (of.isEmpty()) {
                continue;
            }
            md.append("\n### ").append(heading(s)).append(" (").append(of.size()).append(")\n\n");
            of.forEach(f -> md.append(finding(f)));
        }
    }

    private static String heading(Severity s) {
        return switch (s) {
            case ERROR -> "❌ Errors";
            case WARNING -> "⚠️ Warnings";
            case NOTE -> "ℹ️ Notes";
        };
    }

    /** One list item: where (a relative link), the category, the message and, on its own line, the hint. */
    static String finding(Finding f) {
        StringBuilder sb = new StringBuilder("- ");
        String where = link(f.file(), f.line());
        if (!where.isEmpty()) {
            sb.append(where).append(" ");
        }
        if (f.category() != null && !f.category().isBlank()) {
            sb.append("`").append(f.category()).append("` ");
        }
        sb.append(text(f.message()));
        if (f.hint() != null && !f.hint().isBlank()) {
            sb.append("<br>\n  ↳ ").append(text(f.hint()));
        }
        return sb.append("\n").toString();
    }

    /** {@code [file:line](file#Lline)}, {@code [file](file)} without a line, empty without a file. */
    static String link(String file, int line) {
        if (file == null || file.isBlank()) {
            return "";
        }
        String shown = file + (line > 0 ? ":" + line : "");
        return "[" + shown.replace("[", "\\[").replace("]", "\\]") + "](" + target(file) + (line > 0 ? "#L" + line : "")
                + ")";
    }

    /** A relative path as a link target: the characters that end or break a Markdown link are percent-encoded. */
    private static String target(String file) {
        StringBuilder sb = new StringBuilder();
        for (char c : file.toCharArray()) {
            switch (c) {
                case ' ' -> sb.append("%20");
                case '(' -> sb.append("%28");
                case ')' -> sb.append("%29");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                case '#' -> sb.append("%23");
                case '%' -> sb.append("%25");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- spec changes -------------------------------------------------------------------------------------------

    private static void specChanges(ReviewReport r, StringBuilder md) {
        List<SpecChange> changes = list(r.specChanges());
        if (changes.isEmpty()) {
            return;
        }
        md.append("\n### Spec changes (`").append(r.specFile()).append("`)\n\n");
        for (SpecChange c : changes) {
            md.append("- **").append(c.change()).append("** ").append(c.section());
            if (c.subject() != null && !c.subject().isBlank()) {
                md.append(" · `").append(c.subject()).append("`");
            }
            if (c.detail() != null && !c.detail().isBlank()) {
                md.append(": ").append(text(c.detail()));
            }
            if (c.line() > 0 && !"removed".equals(c.change()) && r.specFile() != null) {
                md.append(" (").append(link(r.specFile(), c.line())).append(")");
            }
            md.append("\n");
        }
    }

    // ---- new crates ---------------------------------------------------------------------------------------------

    private static void newCrates(ReviewReport r, StringBuilder md) {
        List<NewCrate> created = list(r.newCrates());
        if (created.isEmpty()) {
            return;
        }
        md.append("\n### New crates (").append(created.size()).append(")\n\n");
        for (NewCrate c : created) {
            md.append("- `").append(c.crate()).append("` ").append(text(c.version())).append(" on `")
                    .append(c.registry()).append("`\n");
        }
        md.append("\n> **Note:** a first publish creates the crate. On crates.io the rate limit for new crates")
                .append(" applies (a burst of 5, then one every 10 minutes), and the upload needs an API token:")
                .append(" trusted publishing cannot create a crate, only publish new versions of an existing one.\n");
    }

    // ---- plan ---------------------------------------------------------------------------------------------------

    private static void plan(ReviewReport r, StringBuilder md) {
        md.append("\n### Publish plan\n\n");
        if (r.plan() == null) {
            md.append("No plan: head's spec has errors that prevent one.\n");
        } else if (list(r.plan().waves()).isEmpty()) {
            md.append("Nothing to publish.\n");
        } else {
            md.append("```mermaid\n").append(ReviewMermaid.flowchart(r.plan())).append("\n```\n");
        }
        List<String> estimate = list(r.estimate());
        if (!estimate.isEmpty()) {
            md.append("\n");
            for (String line : estimate) {
                String trimmed = line.stripLeading();
                md.append(trimmed.length() < line.length() ? "  - " : "- ").append(text(trimmed)).append("\n");
            }
        }
    }

    // ---- already in base ----------------------------------------------------------------------------------------

    private static void inBase(ReviewReport r, StringBuilder md) {
        List<Finding> old = list(r.inBase());
        if (old.isEmpty()) {
            return;
        }
        md.append("\n<details><summary>").append(count(old.size(), "finding")).append(" already in the base</summary>\n\n");
        for (Finding f : old) {
            md.append(finding(f).replaceFirst("^- ", "- " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": "));
        }
        md.append("\n</details>\n");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, Node> nodes(ReviewReport r) {
        Map<String, Node> m = new LinkedHashMap<>();
        if (r.plan() != null) {
            for (Wave w : list(r.plan().waves())) {
                list(w.crates()).forEach(n -> m.putIfAbsent(n.name(), n));
            }
        }
        return m;
    }

    /** Free text inside Markdown: no HTML, no table break, continuation lines kept inside their list item. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>\n  ");
    }

    private static String cell(String s) {
        return s == null ? "—" : text(s).replace("<br>\n  ", " ");
    }

    private static String code(String s) {
        return s == null ? "—" : "`" + s.replace("`", "'").replace("|", "\\|") + "`";
    }

    static String shortCommit(String commit) {
        if (commit == null || commit.isBlank()) {
            return "unknown";
        }
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String joinWords(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
