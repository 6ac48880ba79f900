package io.github.cratesrelease.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SchemaCheck} against the validator it replaced (networknt json-schema-validator, draft 2020-12, on the
 * YAML tree converted to JSON as before): on every spec the project has (release.yaml.example, examples/, it/,
 * src/test/resources, the YAML blocks of docs/) and on thousands of specs generated from the schema, valid and
 * broken, both must give the same errors in the same order: the value's path, the keyword, the key it names, the
 * anyOf branch, and networknt's text where SchemaValidator shows it (minLength, minItems, minimum, minProperties,
 * maxProperties). That is everything SchemaValidator reads from an error, so the users' messages are the same.
 * No difference is intended.
 */
class SchemaCheckOracleTest {

    private static final Path ROOT = Fixtures.projectRoot();
    /** The keywords whose networknt text SchemaValidator shows; the others get messages of their own. */
    private static final Set<String> SHOWN = Set.of("minLength", "minItems", "minimum", "minProperties",
            "maxProperties");
    private static final Pattern BRANCH = Pattern.compile("/(?:anyOf|oneOf)/(\\d+)");

    private final YamlNode schemaDoc = SchemaValidator.get().schemaDocument();
    private final SchemaCheck ours = SchemaCheck.of(schemaDoc);
    private final Schema oracle = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(JsonMapper.builder().build().readTree(ROOT.resolve("schema/release-spec.schema.json").toFile()));

    @Test
    void agreesOnEverySpecOfTheProject() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("release.yaml.example"));
        for (String dir : List.of("examples", "it", "src/test/resources")) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
                s.filter(p -> p.toString().matches(".*\\.ya?ml") && !p.toString().contains("/target/"))
                        .forEach(files::add);
            }
        }
        int compared = 0;
        for (Path f : files) {
            compared += compare(f.toString(), Files.readString(f)) ? 1 : 0;
        }
        Pattern block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
        try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
            for (Path md : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher m = block.matcher(Files.readString(md));
                while (m.find()) {
                    compared += compare(md + " (a yaml block)", m.group(1)) ? 1 : 0;
                }
            }
        }
        assertTrue(compared >= 20, "expected the project's specs and doc blocks, compared " + compared);
    }

    @Test
    void agreesOnGeneratedSpecsValidAndBroken() {
        SpecInstances gen = new SpecInstances(schemaDoc, 20261203L);
        int valid = 0;
        int invalid = 0;
        Set<String> failed = new java.util.TreeSet<>();
        for (int i = 0; i < 4000; i++) {
            Object spec = gen.valid();
            boolean broken = i % 4 != 0; // a quarter as generated, three quarters broken in 1 to 3 places
            String yaml = SpecInstances.yaml(broken ? gen.mutate(spec) : spec);
            Diagnostics d = new Diagnostics();
            YamlNode tree = new YamlReader().read(Path.of("generated-" + i + ".yaml"), yaml, d);
            assertTrue(!d.hasErrors() && tree != null, "the generator wrote YAML our reader refuses:\n" + yaml + d.all());
            List<String> errors = both("generated spec " + i, yaml, tree);
            ours.check(tree).forEach(e -> failed.add(e.keyword() + (e.branch() == null ? "" : " in anyOf")));
            if (errors.isEmpty()) {
                valid++;
                assertTrue(broken || errors.isEmpty());
            } else {
                invalid++;
                assertTrue(broken, "a spec generated from the schema is invalid:\n" + yaml + errors);
            }
        }
        assertTrue(valid > 1000 && invalid > 2000, "valid " + valid + ", invalid " + invalid);
        // every keyword that can fail did, somewhere (annotations and "properties", "items", "$ref" only lead on)
        Set<String> canFail = new java.util.TreeSet<>(SchemaCheck.CHECKED);
        canFail.removeAll(Set.of("properties", "items", "$ref", "anyOf"));
        canFail.add("const in anyOf");
        canFail.add("type in anyOf");
        assertTrue(failed.containsAll(canFail), "never failed: " + canFail.stream().filter(k -> !failed.contains(k))
                .toList() + " (failed: " + failed + ")");
    }

    /** Compares on one text; false when our reader refuses it (then no schema check runs). */
    private boolean compare(String what, String yaml) {
        Diagnostics d = new Diagnostics();
        YamlNode tree = new YamlReader().read(Path.of("input.yaml"), yaml, d);
        if (d.hasErrors() || tree == null) {
            return false;
        }
        both(what, yaml, tree);
        return true;
    }

    /** Both checks' errors on {@code tree}; fails the test where they differ. */
    private List<String> both(String what, String yaml, YamlNode tree) {
        List<String> mine = ours.check(tree).stream().map(e -> line(e.path(), e.keyword(), e.property(), e.branch(),
                e.message())).toList();
        List<String> theirs = oracle.validate(YamlJson.toJson(tree)).stream().map(e -> {
            Matcher b = BRANCH.matcher(e.getEvaluationPath().toString());
            return line(path(e.getInstanceLocation()), e.getKeyword(), e.getProperty(),
                    b.find() ? Integer.valueOf(b.group(1)) : null, e.getMessage());
        }).toList();
        assertEquals(theirs, mine, what + ":\n" + yaml);
        return mine;
    }

    private static String line(List<Object> path, String keyword, String property, Integer branch, String message) {
        return path + " " + keyword + (property == null ? "" : " '" + property + "'")
                + (branch == null ? "" : " anyOf/" + branch) + (SHOWN.contains(keyword) ? ": " + message : "");
    }

    private static List<Object> path(NodePath p) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            out.add(el instanceof Number n ? (Object) n.intValue() : String.valueOf(el));
        }
        return out;
    }
}
