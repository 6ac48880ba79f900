package io.github.cratesrelease.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What SchemaCheck refuses to load (a keyword it would otherwise ignore) and how it reads YAML's values. */
class SchemaCheckTest {

    private static YamlNode read(String text) {
        Diagnostics d = new Diagnostics();
        YamlNode tree = new YamlReader().read(Path.of("t.json"), text, d);
        assertTrue(!d.hasErrors(), d.all().toString());
        return tree;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"oneOf\": [{\"type\": \"string\"}]}                              | the keyword 'oneOf' at #/oneOf",
        "{\"properties\": {\"a\": {\"format\": \"uri\"}}}                   | the keyword 'format' at #/properties/a/format",
        "{\"$defs\": {\"d\": {\"if\": {}, \"then\": {}}}}                   | the keyword 'if' at #/$defs/d/if",
        "{\"patternProperties\": {\"^a\": {}}}                              | the keyword 'patternProperties' at #/patternProperties",
        "{\"items\": {\"maxLength\": 3}}                                    | the keyword 'maxLength' at #/items/maxLength",
        "{\"type\": \"date\"}                                               | the type 'date' at #/type",
        "{\"properties\": {\"a\": {\"$ref\": \"#/$defs/nothing\"}}}         | the reference '#/$defs/nothing', which points at no schema",
        "{\"$ref\": \"other.json#/x\"}                                      | the reference 'other.json#/x' (only references within the schema",
        "{\"pattern\": \"[a-\"}                                             | the pattern [a- (",
        "{\"const\": {\"a\": 1}}                                            | a value that is not a string, number, boolean or null at #/const",
        "{\"minItems\": 1.5}                                                | a count that is not a whole number at #/minItems",
    })
    void refusesASchemaItDoesNotFullyCheck(String schema, String named) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SchemaCheck.of(read(schema)));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertTrue(e.getMessage().contains("SchemaCheck does not check"), e.getMessage());
    }

    @Test
    void loadsTheReleaseSpecSchema() {
        SchemaCheck check = SchemaCheck.of(SchemaValidator.get().schemaDocument());
        assertEquals(List.of(), check.check(read("{version: 1, crates: {a: {}}}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // YAML scalar | JSON type it has for the schema
        "1        | integer",
        "0x1F     | integer",
        "1.0      | integer",
        "1e3      | integer",
        "0.5      | number",
        ".nan     | string",
        "-.inf    | string",
        "\"1\"    | string",
        "yes      | string",
        "True     | boolean",
        "~        | null",
    })
    void typesYamlScalarsAsTheSchemaSeesThem(String yaml, String type) {
        YamlNode value = ((YamlNode.Mapping) read("v: " + yaml)).get("v");
        List<String> types = List.of("integer", "number", "string", "boolean", "null").stream()
                .filter(t -> ValueChecks.hasType(value, t)).toList();
        assertEquals(type, types.get(0), yaml + " is " + types);
    }

    @Test
    void aPatternsEndIsTheEndOfTheValueNotALineBreakBeforeIt() {
        assertTrue(ValueChecks.matches(ValueChecks.compile("^[a-z-]+$"), "my-crate"));
        assertTrue(!ValueChecks.matches(ValueChecks.compile("^[a-z-]+$"), "my-crate\n"));
        assertTrue(ValueChecks.matches(ValueChecks.compile("^[$a]+$"), "$a"), "a $ in a class is a dollar");
        assertTrue(ValueChecks.matches(ValueChecks.compile("^\\$x$"), "$x"), "an escaped $ is a dollar");
    }
}
