package io.github.cratesrelease.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.spec.SchemaValidator;
import io.github.cratesrelease.spec.YamlJson;
import io.github.cratesrelease.spec.YamlNode;
import io.github.cratesrelease.spec.YamlReader;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps docs/ true: every schema property documented, every spec shown in docs and examples valid. */
class DocsTest {

    private static final Path ROOT = Fixtures.projectRoot();

    @Test
    void everySchemaPropertyIsInTheSpecReference() throws IOException {
        String reference = Files.readString(ROOT.resolve("docs/spec-reference.md"));
        List<String> paths = SchemaPaths.of(SchemaValidator.get().schemaDocument());
        assertTrue(paths.size() > 40, "schema walk found too little: " + paths);
        // a crate's post-publish list has the top-level list's shape (one $ref): its rows document both
        List<String> missing = paths.stream().map(p -> p.replace("crates.<name>.post-publish[]", "post-publish[]"))
                .filter(p -> !reference.contains("`" + p + "`")).toList();
        assertEquals(List.of(), missing, "properties missing from docs/spec-reference.md");
    }

    @Test
    void everySchemaPropertyHasADescription() {
        JsonNode doc = YamlJson.toJson(SchemaValidator.get().schemaDocument());
        List<String> missing = new ArrayList<>();
        collectUndescribed(doc, doc, "", missing);
        assertEquals(List.of(), missing);
    }

    private static void collectUndescribed(JsonNode doc, JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            if (node.has("properties")) {
                for (String name : node.get("properties").propertyNames()) {
                    if (!node.get("properties").get(name).has("description")) {
                        out.add(at + "/properties/" + name);
                    }
                }
            }
            for (String k : node.propertyNames()) {
                collectUndescribed(doc, node.get(k), at + "/" + k, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUndescribed(doc, node.get(i), at + "/" + i, out);
            }
        }
    }

    @Test
    void packagedSchemaIsTheRepositorySchema() throws IOException {
        // the schema the plugin checks with (read by our YAML reader) is the repository's, value for value
        JsonMapper json = JsonMapper.builder().build();
        JsonNode repo = json.readTree(ROOT.resolve("schema/release-spec.schema.json").toFile());
        assertEquals(json.writeValueAsString(repo),
                json.writeValueAsString(YamlJson.toJson(SchemaValidator.get().schemaDocument())));
    }

    @Test
    void everySpecInDocsAndExamplesIsValid() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("release.yaml.example"));
        try (Stream<Path> s = Files.walk(ROOT.resolve("examples"))) {
            s.filter(p -> p.getFileName().toString().equals("release.yaml")).forEach(files::add);
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path f : files) {
            problems.addAll(validate(f, Files.readString(f)));
            checked++;
        }
        Pattern block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
        try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
            for (Path md : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher m = block.matcher(Files.readString(md));
                while (m.find()) {
                    String yaml = m.group(1);
                    if (yaml.lines().anyMatch(l -> l.equals("version: 1"))) {
                        problems.addAll(validate(md, yaml));
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 6, "expected specs in release.yaml.example, examples/ and docs/, found " + checked);
        assertEquals(List.of(), problems);
    }

    private static List<String> validate(Path where, String yaml) {
        Diagnostics d = new Diagnostics();
        YamlNode root = new YamlReader().read(where, yaml, d);
        assertFalse(root == null && !d.hasErrors(), "empty spec in " + where);
        if (!d.hasErrors()) {
            SchemaValidator.get().validate(root, d);
        }
        return d.errors().stream().map(e -> where + ": " + e.format()).toList();
    }
}
