package io.github.cratesrelease.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.cratesrelease.review.ReviewReport.Edge;
import io.github.cratesrelease.review.ReviewReport.Node;
import io.github.cratesrelease.review.ReviewReport.Plan;
import io.github.cratesrelease.review.ReviewReport.Wave;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The review's renderings: mermaid, Markdown, JSON (against its schema), GitHub annotations and job summary. */
class ReviewRenderTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Path SCHEMA = Fixtures.projectRoot().resolve("schema/review-report.schema.json");

    // ---- mermaid ------------------------------------------------------------------------------------------------

    @Test
    void planIsAStructurallyValidFlowchartWithOneSubgraphPerWave() {
        Chart chart = Chart.parse(ReviewMermaid.flowchart(ReviewSamples.plan()));

        assertEquals(List.of("w1", "w2", "w3"), chart.subgraphs);
        assertEquals(List.of("wave 1", "wave 2", "wave 3"), chart.subgraphTitles);
        assertEquals(8, chart.labels.size());
        assertEquals("llmo-secrets 0.3.0", chart.labels.get("c_llmo_secrets"));
        assertEquals("llmo-wire 0.1.0 (new)", chart.labels.get("c_llmo_wire"));
        assertEquals("llmo-auth 0.4.4 (changed)", chart.labels.get("c_llmo_auth"));
        assertEquals("llmo-core 0.5.0", chart.labels.get("c_llmo_core"));
        // every crate sits in its wave's subgraph
        for (Wave w : ReviewSamples.plan().waves()) {
            for (Node n : w.crates()) {
                assertEquals("w" + w.number(), chart.subgraphOf.get("c_" + n.name().replace('-', '_')), n.name());
            }
        }
        assertEquals(List.of("c_llmo_secrets --> c_llmo_auth", "c_llmo_types --> c_llmo_auth",
                "c_llmo_types --> c_llmo_store", "c_llmo_macros --> c_llmo_wire", "c_llmo_auth --> c_llmo_core",
                "c_llmo_store --> c_llmo_core", "c_llmo_wire --> c_llmo_core", "c_llmo_auth --> c_llmo_cli"),
                chart.edges);
        assertEquals(Map.of("c_llmo_wire", "newCrate", "c_llmo_types", "changed", "c_llmo_auth", "changed",
                "c_llmo_store", "changed"), chart.classes);
    }

    @Test
    void collidingNamesGetUniqueIdsAndQuotesAreEscaped() {
        Plan plan = new Plan(List.of(
                new Wave(1, List.of(new Node("a-b", "1.0.0", "crates-io", false, false),
                        new Node("a_b", "2.0.0", "crates-io", true, false))),
                new Wave(2, List.of(new Node("a.b", "3.0.0-rc.1", "crates-io", false, true),
                        new Node("q\"uote", "1.0.0 <#x>", "crates-io", false, false)))),
                List.of(new Edge("a-b", "a.b"), new Edge("a_b", "a.b"), new Edge("a_b", "q\"uote"),
                        new Edge("a-b", "not-in-the-plan")));
        Chart chart = Chart.parse(ReviewMermaid.flowchart(plan));

        assertEquals(Map.of("c_a_b", "a-b 1.0.0", "c_a_b_2", "a_b 2.0.0 (new)", "c_a_b_3", "a.b 3.0.0-rc.1 (changed)",
                "c_q_uote", "q#quot;uote 1.0.0 #lt;#35;x#gt;"), chart.labels);
        assertEquals(List.of("c_a_b --> c_a_b_3", "c_a_b_2 --> c_a_b_3", "c_a_b_2 --> c_q_uote"), chart.edges);
        assertEquals(Map.of("c_a_b_2", "newCrate", "c_a_b_3", "changed"), chart.classes);
    }

    @Test
    void theFlowchartCheckerRejectsBrokenCharts() {
        assertThrows(AssertionError.class, () -> Chart.parse("graph TD\n    a --> b"));
        assertThrows(AssertionError.class, () -> Chart.parse("flowchart LR\n    subgraph w1[\"wave 1\"]\n        c_a[\"a\"]"));
        assertThrows(AssertionError.class, () -> Chart.parse("flowchart LR\n    end"));
        assertThrows(AssertionError.class,
                () -> Chart.parse("flowchart LR\n    subgraph w1[\"wave 1\"]\n        c_a[\"a\"]\n        c_a[\"a\"]\n    end"));
        assertThrows(AssertionError.class,
                () -> Chart.parse("flowchart LR\n    subgraph w1[\"wave 1\"]\n        c_a[a]\n    end"));
        assertThrows(AssertionError.class,
                () -> Chart.parse("flowchart LR\n    subgraph w1[\"wave 1\"]\n        c_a[\"a\"]\n    end\n    c_a --> c_b"));
        assertThrows(AssertionError.class,
                () -> Chart.parse("flowchart LR\n    subgraph w1[\"wave 1\"]\n        1a[\"a\"]\n    end"));
        assertThrows(AssertionError.class, () -> Chart.parse("flowchart LR\n    subgraph w1[\"wave 1\"]\n"
                + "        c_a[\"a\"]\n    end\n    classDef n fill:#fff\n    class c_z n"));
    }

    /** A line-based reading of the subset of mermaid's flowchart syntax ReviewMermaid writes; fails on anything else. */
    static final class Chart {
        private static final String ID = "[A-Za-z_][A-Za-z0-9_]*";
        private static final Pattern SUBGRAPH = Pattern.compile("subgraph (" + ID + ")\\[\"([^\"]*)\"\\]");
        private static final Pattern NODE = Pattern.compile("(" + ID + ")\\[\"([^\"]*)\"\\]");
        private static final Pattern EDGE = Pattern.compile("(\\S+) --> (\\S+)");
        private static final Pattern CLASS_DEF = Pattern.compile("classDef (" + ID + ") \\S+");
        private static final Pattern CLASS = Pattern.compile("class (\\S+) (" + ID + ")");

        final List<String> subgraphs = new ArrayList<>();
        final List<String> subgraphTitles = new ArrayList<>();
        final Map<String, String> labels = new LinkedHashMap<>();
        final Map<String, String> subgraphOf = new LinkedHashMap<>();
        final List<String> edges = new ArrayList<>();
        final Map<String, String> classes = new LinkedHashMap<>();

        static Chart parse(String text) {
            Chart c = new Chart();
            String[] lines = text.split("\n", -1);
            assertEquals("flowchart LR", lines[0], "first line");
            String open = null;
            Set<String> classDefs = new HashSet<>();
            List<String[]> classUses = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].strip();
                Matcher m;
                if (line.isEmpty()) {
                    continue;
                } else if ((m = SUBGRAPH.matcher(line)).matches()) {
                    assertEquals(null, open, "nested subgraph at line " + (i + 1));
                    assertFalse(c.subgraphs.contains(m.group(1)), "subgraph declared twice: " + m.group(1));
                    open = m.group(1);
                    c.subgraphs.add(open);
                    c.subgraphTitles.add(m.group(2));
                } else if (line.equals("end")) {
                    assertNotEquals(null, open, "'end' without a subgraph at line " + (i + 1));
                    open = null;
                } else if ((m = NODE.matcher(line)).matches()) {
                    assertNotEquals(null, open, "node outside a subgraph at line " + (i + 1));
                    assertFalse(c.labels.containsKey(m.group(1)), "node declared twice: " + m.group(1));
                    assertFalse(c.subgraphs.contains(m.group(1)), "node id is a subgraph id: " + m.group(1));
                    c.labels.put(m.group(1), m.group(2));
                    c.subgraphOf.put(m.group(1), open);
                } else if ((m = EDGE.matcher(line)).matches()) {
                    assertTrue(c.labels.containsKey(m.group(1)), "edge from an undeclared node: " + line);
                    assertTrue(c.labels.containsKey(m.group(2)), "edge to an undeclared node: " + line);
                    c.edges.add(line);
                } else if ((m = CLASS_DEF.matcher(line)).matches()) {
                    classDefs.add(m.group(1));
                } else if ((m = CLASS.matcher(line)).matches()) {
                    classUses.add(new String[] {m.group(1), m.group(2)});
                } else {
                    fail("not flowchart syntax ReviewMermaid writes, line " + (i + 1) + ": " + line);
                }
            }
            assertEquals(null, open, "subgraph " + open + " is not closed by 'end'");
            for (String[] use : classUses) {
                assertTrue(classDefs.contains(use[1]), "class without classDef: " + use[1]);
                for (String id : use[0].split(",")) {
                    assertTrue(c.labels.containsKey(id), "class for an undeclared node: " + id);
                    assertEquals(null, c.classes.put(id, use[1]), "two classes for " + id);
                }
            }
            return c;
        }
    }

    // ---- markdown -----------------------------------------------------------------------------------------------

    @Test
    void markdownHasTheVerdictFirstThenTableFindingsSpecNewCratesPlanAndBase() {
        String md = ReviewMarkdown.render(ReviewSamples.full());

        String verdict = "**Release review: 2 errors, 2 warnings.** 3 version changes (2 not fitting: `llmo-auth`, "
                + "`llmo-store`), 1 new crate (`llmo-wire`), 3 spec changes and 1 note. Compared `origin/main` "
                + "(`0123456`) with the head (`89abcde`).\n\n";
        assertTrue(md.startsWith(verdict), md);

        String table = "| crate | base → head | bump | fits? | registry | new? |\n"
                + "|---|---|---|---|---|---|\n"
                + "| `llmo-auth` | 0.4.3 → 0.4.4 | patch | ❌ needs minor | `crates-io` |  |\n"
                + "| `llmo-store` | 0.5.0 → 0.4.2 | backwards | ❌ backwards | `internal` |  |\n"
                + "| `llmo-types` | 1.4.0 → 1.5.0 | minor | ✅ | `crates-io` |  |\n"
                + "| `llmo-wire` | — → 0.1.0 | — | — | `crates-io` | new |\n";
        assertTrue(md.contains(table), md);
        assertTrue(md.contains("`llmo-auth` needs a minor bump:\n"
                + "- its requirement on llmo-secrets changed from ^0.2 to ^0.3\n"), md);

        // findings, grouped by severity, with relative links and hints
        assertTrue(md.contains("### ❌ Errors (2)\n\n"
                + "- [crates/llmo-auth/Cargo.toml:7](crates/llmo-auth/Cargo.toml#L7) `version` llmo-auth 0.4.3 → 0.4.4"
                + " is a patch bump, but a minor one is required<br>\n  ↳ bump to 0.5.0\n"
                + "- [crates/llmo-store/Cargo.toml:3](crates/llmo-store/Cargo.toml#L3) `version` llmo-store goes "
                + "backwards: 0.5.0 → 0.4.2<br>\n  ↳ set a version above 0.5.0\n"), md);
        assertTrue(md.contains("### ⚠️ Warnings (2)\n\n"
                + "- [crates/llmo-core/CHANGELOG,v2.md:12](crates/llmo-core/CHANGELOG,v2.md#L12) `changelog` "
                + "Unreleased section is empty, 100% of changes undocumented:<br>\n  add an entry<br>\n  per change"
                + "<br>\n  ↳ write what changed\n"
                + "- `validation` registry internal has no token source<br>\n"
                + "  ↳ add 'token: { env: CARGO_REGISTRIES_INTERNAL_TOKEN }'\n"), md);
        assertTrue(md.contains("### ℹ️ Notes (1)\n\n- [crates/llmo-wire/Cargo.toml:1](crates/llmo-wire/Cargo.toml#L1)"
                + " `new-crate` llmo-wire is published for the first time\n"), md);
        assertFalse(md.contains("](/"), "links are relative to the repository");

        assertTrue(md.contains("### Spec changes (`release.yaml`)\n\n"
                + "- **added** crates · `llmo-wire`: released to crates-io ([release.yaml:41](release.yaml#L41))\n"
                + "- **changed** policies · `wait.strategy`: fixed → exponential ([release.yaml:12](release.yaml#L12))\n"
                + "- **removed** registries · `legacy`: removed (line 20 of base's spec)\n"), md);

        assertTrue(md.contains("### New crates (1)\n\n- `llmo-wire` 0.1.0 on `crates-io`\n"), md);
        assertTrue(md.contains("rate limit for new crates applies"), md);
        assertTrue(md.contains("needs an API token: trusted publishing cannot create a crate"), md);

        String fence = "```mermaid\n" + ReviewMermaid.flowchart(ReviewSamples.plan()) + "\n```\n";
        assertTrue(md.contains("### Publish plan\n\n" + fence), md);
        Chart.parse(mermaidBlock(md));
        assertTrue(md.contains(fence + "\n- crates-io: at least 2m; waiting: llmo-core (+1m), llmo-cli (+2m)\n"
                + "  - llmo-core 0.5.0 at +1m (new versions limit of `crates-io`)\n"), md);

        assertTrue(md.endsWith("<details><summary>1 finding already in the base</summary>\n\n"
                + "- warning: [crates/llmo-types/CHANGELOG.md:3](crates/llmo-types/CHANGELOG.md#L3) `changelog` the "
                + "1.4.0 section has no release date<br>\n  ↳ write '## [1.4.0] - YYYY-MM-DD'\n\n</details>\n"), md);

        // the sections in order
        List<String> order = List.of(verdict, table, "### ❌ Errors", "### ⚠️ Warnings", "### ℹ️ Notes",
                "### Spec changes", "### New crates", "### Publish plan", "<details>");
        int at = -1;
        for (String s : order) {
            int next = md.indexOf(s);
            assertTrue(next > at, s + " comes after the previous section");
            at = next;
        }
    }

    @Test
    void markdownEscapesHtmlAndTablePipesAndSaysWhenThereIsNoPlan() {
        ReviewReport r = ReviewSamples.withoutPlan();
        ReviewReport odd = new ReviewReport(r.base(), r.baseCommit(), r.headCommit(), r.specFile(), r.specChanges(),
                List.of(), List.of(), List.of(new ReviewReport.Finding(ReviewReport.Severity.WARNING, "validation",
                        "docs/a file (draft).md", 0, 0, "<details> | x & y", null)), List.of(), null, List.of());
        String md = ReviewMarkdown.render(odd);

        assertTrue(md.startsWith("**Release review: 1 warning.** 1 spec change and no version change. Compared "
                + "`v1.2.0` (`0123456`) with the head (`89abcde`).\n"), md);
        assertTrue(md.contains("- [docs/a file (draft).md](docs/a%20file%20%28draft%29.md) `validation` "
                + "&lt;details&gt; \\| x &amp; y\n"), md);
        assertTrue(md.contains("### Publish plan\n\nNo plan: head's spec has errors that prevent one.\n"), md);
        assertFalse(md.contains("```mermaid"), md);
        assertFalse(md.contains("<details>"), md);
        assertFalse(md.contains("| crate |"), "no table without a version change or a new crate");
    }

    @Test
    void noProblemVerdictSummarizesTheVersions() {
        ReviewReport r = new ReviewReport("origin/main", ReviewSamples.BASE_COMMIT, ReviewSamples.HEAD_COMMIT,
                "release.yaml", List.of(), List.of(ReviewSamples.versions().get(2)), List.of(), List.of(), List.of(),
                ReviewSamples.plan(), List.of());
        String md = ReviewMarkdown.render(r);
        assertTrue(md.startsWith("**No problem found:** 1 version change that fits its changes. Compared "
                + "`origin/main` (`0123456`) with the head (`89abcde`).\n\n| crate |"), md);
        assertTrue(md.contains("| `llmo-types` | 1.4.0 → 1.5.0 | minor | ✅ | `crates-io` |  |\n"), md);
        assertFalse(md.contains("### ❌ Errors"), md);
        assertFalse(md.contains("### New crates"), md);
    }

    @Test
    void aReportWithoutReleaseRelevantChangeIsOneLine() {
        ReviewReport quiet = ReviewSamples.quiet();
        assertFalse(quiet.relevant());
        assertEquals("No release-relevant change between origin/main (0123456) and the head.\n",
                ReviewMarkdown.render(quiet));
        assertEquals(List.of(), GithubAnnotations.lines(quiet));
    }

    private static String mermaidBlock(String md) {
        int start = md.indexOf("```mermaid\n");
        assertTrue(start >= 0, "a mermaid block");
        int end = md.indexOf("\n```", start + 11);
        assertTrue(end > start, "the mermaid block is closed");
        return md.substring(start + 11, end);
    }

    // ---- GitHub -------------------------------------------------------------------------------------------------

    @Test
    void annotationsAreGithubWorkflowCommandsWithEscapes() {
        assertEquals(List.of(
                "::error file=crates/llmo-auth/Cargo.toml,line=7,col=11,title=crates%3Areview version::llmo-auth "
                        + "0.4.3 → 0.4.4 is a patch bump, but a minor one is required — bump to 0.5.0",
                "::error file=crates/llmo-store/Cargo.toml,line=3,col=11,title=crates%3Areview version::llmo-store "
                        + "goes backwards: 0.5.0 → 0.4.2 — set a version above 0.5.0",
                "::warning file=crates/llmo-core/CHANGELOG%2Cv2.md,line=12,title=crates%3Areview changelog::"
                        + "Unreleased section is empty, 100%25 of changes undocumented:%0D%0Aadd an entry%0Aper change"
                        + " — write what changed",
                "::warning title=crates%3Areview validation::registry internal has no token source — add "
                        + "'token: { env: CARGO_REGISTRIES_INTERNAL_TOKEN }'",
                "::notice file=crates/llmo-wire/Cargo.toml,line=1,col=1,title=crates%3Areview new-crate::llmo-wire "
                        + "is published for the first time"),
                GithubAnnotations.lines(ReviewSamples.full()));
    }

    @Test
    void propertyValuesEscapeColonsCommasPercentsAndLineBreaks() {
        ReviewReport.Finding f = new ReviewReport.Finding(ReviewReport.Severity.ERROR, "a,b:c", "x%y:z,\r\nw.toml",
                4, 0, "100%,:", "a\nb");
        assertEquals("::error file=x%25y%3Az%2C%0D%0Aw.toml,line=4,title=crates%3Areview a%2Cb%3Ac::100%25,: — a%0Ab",
                GithubAnnotations.line(f));
    }

    @Test
    void stepSummaryAppendsAndCreatesTheFile(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("step_summary.md");
        GithubAnnotations.stepSummary(summary, "first");
        assertEquals("first\n", Files.readString(summary));
        GithubAnnotations.stepSummary(summary, "## second\n");
        assertEquals("first\n## second\n", Files.readString(summary));
    }

    // ---- JSON ---------------------------------------------------------------------------------------------------

    @Test
    void reviewJsonValidatesAgainstItsSchema(@TempDir Path dir) throws IOException {
        Schema schema = schema();
        Path file = dir.resolve("out/review.json");
        ReviewJson.write(file, ReviewSamples.full());
        JsonNode doc = JSON.readTree(Files.readString(file));

        assertEquals(List.of(), messages(schema.validate(doc)));
        assertEquals(1, doc.path("version").asInt());
        assertEquals("origin/main", doc.path("base").path("ref").asString());
        assertEquals(ReviewSamples.HEAD_COMMIT, doc.path("head").path("commit").asString());
        assertEquals(2, doc.path("verdict").path("errors").asInt());
        assertEquals(2, doc.path("verdict").path("warnings").asInt());
        assertTrue(doc.path("verdict").path("relevant").asBoolean());
        assertEquals("error", doc.path("findings").get(0).path("severity").asString());
        assertEquals("note", doc.path("findings").get(4).path("severity").asString());
        assertTrue(doc.path("findings").get(3).path("file").isNull());
        assertEquals("backwards", doc.path("versions").get(1).path("bump").asString());
        assertFalse(doc.path("versions").get(1).path("fits").asBoolean());
        assertEquals("minor", doc.path("versions").get(0).path("required").asString());
        assertEquals(3, doc.path("plan").path("waves").size());
        assertTrue(doc.path("plan").path("waves").get(1).path("crates").get(2).path("new").asBoolean());
        assertEquals("llmo-secrets", doc.path("plan").path("edges").get(0).path("from").asString());
        assertEquals(1, doc.path("inBase").size());
        assertEquals(JSON.readTree(ReviewJson.toJson(ReviewSamples.full())), doc);

        for (ReviewReport other : List.of(ReviewSamples.quiet(), ReviewSamples.withoutPlan())) {
            JsonNode d = JSON.readTree(ReviewJson.toJson(other));
            assertEquals(List.of(), messages(schema.validate(d)), ReviewJson.toJson(other));
        }
        assertTrue(JSON.readTree(ReviewJson.toJson(ReviewSamples.withoutPlan())).path("plan").isNull());
    }

    @Test
    void invalidDocumentsFailValidation() {
        Schema schema = schema();
        ObjectNode fatal = (ObjectNode) JSON.readTree(ReviewJson.toJson(ReviewSamples.full()));
        ((ObjectNode) fatal.path("findings").get(0)).put("severity", "fatal");
        List<Error> errors = schema.validate(fatal);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(e -> e.getInstanceLocation().toString().contains("severity")),
                messages(errors).toString());

        ObjectNode extra = (ObjectNode) JSON.readTree(ReviewJson.toJson(ReviewSamples.full()));
        extra.put("surprise", true);
        assertFalse(schema.validate(extra).isEmpty());

        ObjectNode missing = (ObjectNode) JSON.readTree(ReviewJson.toJson(ReviewSamples.full()));
        missing.remove("verdict");
        assertFalse(schema.validate(missing).isEmpty());

        ObjectNode badBump = (ObjectNode) JSON.readTree(ReviewJson.toJson(ReviewSamples.full()));
        ((ObjectNode) badBump.path("versions").get(0)).put("bump", "huge");
        assertFalse(schema.validate(badBump).isEmpty());

        ObjectNode badSection = (ObjectNode) JSON.readTree(ReviewJson.toJson(ReviewSamples.full()));
        ((ObjectNode) badSection.path("specChanges").get(0)).put("section", "workspace");
        assertFalse(schema.validate(badSection).isEmpty());
    }

    @Test
    void schemaIsValidDraft202012AndDescribesEveryProperty() throws IOException {
        JsonNode doc = JSON.readTree(Files.readString(SCHEMA));
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(List.of(), messages(meta.validate(doc)));
        assertEquals("https://json-schema.org/draft/2020-12/schema", doc.path("$schema").asString());

        List<String> undescribed = new ArrayList<>();
        List<String> open = new ArrayList<>();
        walk(doc, "", undescribed, open);
        assertEquals(List.of(), undescribed, "properties without a description");
        assertEquals(List.of(), open, "objects without additionalProperties: false");
    }

    private static void walk(JsonNode node, String at, List<String> undescribed, List<String> open) {
        if (node.isObject()) {
            if (node.has("properties")) {
                if (!node.path("additionalProperties").isBoolean() || node.path("additionalProperties").asBoolean()) {
                    open.add(at);
                }
                for (String name : node.get("properties").propertyNames()) {
                    if (!node.get("properties").get(name).has("description")) {
                        undescribed.add(at + "/properties/" + name);
                    }
                }
            }
            for (String k : node.propertyNames()) {
                walk(node.get(k), at + "/" + k, undescribed, open);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, undescribed, open);
            }
        }
    }

    /** The schema loaded as {@code spec.SchemaValidator} loads the spec's. */
    static Schema schema() {
        JsonNode doc = JSON.readTree(SCHEMA.toFile());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(doc);
    }

    static List<String> messages(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
