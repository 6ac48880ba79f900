package io.github.cratesrelease.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.testing.Jackson;
import io.github.cratesrelease.testing.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link JsonTree} makes of a JSON document the tree {@link YamlReader} makes of it: nodes, scalar types, places. */
class JsonTreeTest {

    private static void sameTree(Path file, String text) {
        Diagnostics d = new Diagnostics();
        YamlNode yaml = new YamlReader().read(file, text, d);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(yaml, JsonTree.read(file, text), file.toString());
    }

    @Test
    void everySchemaOfTheProjectReadsAsYamlReaderReadsIt() throws IOException {
        List<Path> schemas;
        try (Stream<Path> s = Files.list(Path.of("schema"))) {
            schemas = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(schemas.size() >= 2, schemas.toString());
        for (Path p : schemas) {
            sameTree(p, Files.readString(p));
        }
        Path packaged = Path.of("src/main/resources" + SchemaValidator.SCHEMA_RESOURCE);
        if (Files.isRegularFile(packaged)) {
            sameTree(packaged, Files.readString(packaged));
        }
    }

    @Test
    void generatedDocumentsPrettyOrCompactReadTheSame() {
        Random r = new Random(3122026L);
        for (int i = 0; i < 2000; i++) {
            Object tree = new JsonTrees(r, JsonTreeTest::string, true).map();
            String text = i % 2 == 0 ? Jackson.mapper().writeValueAsString(tree)
                    : Jackson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            sameTree(Path.of("generated-" + i + ".json"), text);
        }
    }

    @Test
    void malformedJsonIsRefusedWithItsPlace() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JsonTree.read(Path.of("s.json"), "{\n  \"a\": [1, 2,]\n}"));
        assertEquals("s.json:2:14: not valid JSON: a value expected", e.getMessage());  // at the ]
        assertThrows(IllegalStateException.class, () -> JsonTree.read(Path.of("s.json"), "{\"a\": 1} x"));
        assertThrows(IllegalStateException.class, () -> JsonTree.read(Path.of("s.json"), "{\"a\": \"open"));
    }

    private static final String[] PIECES = {"a", "Z", "0", "-", "_", " ", "/", ".", "\"", "\\", "\n", "\t", "é", "😀",
        "—", "$ref", "#/definitions/x", "^[a-z]+$", "true", "null", "1", "~"};

    private static String string(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
