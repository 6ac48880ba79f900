package io.github.cratesrelease.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cratesrelease.testing.Jackson;
import io.github.cratesrelease.testing.JsonTrees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonText#pretty} writes what Jackson's default pretty printer writes, for every tree it accepts;
 * {@link JsonText#compact} writes without spaces and escapes as serde_json (its byte-for-byte match with cargo's
 * publish metadata is {@code MetadataParityTest}'s).
 */
class JsonTextTest {

    private static String jackson(Object tree) {
        return Jackson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    @Test
    void aPlanShapedTreeIsWrittenAsJacksonWritesIt() {
        Map<String, Object> crate = new LinkedHashMap<>();
        crate.put("name", "core");
        crate.put("version", "1.0.0");
        crate.put("after", List.of());
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("name", "cli");
        other.put("after", List.of("core", "util"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("spec", "/w/release.yaml");
        root.put("waves", List.of(List.of(crate), List.of(other, Map.of())));
        root.put("empty", List.of());
        String expected = """
                {
                  "spec" : "/w/release.yaml",
                  "waves" : [ [ {
                    "name" : "core",
                    "version" : "1.0.0",
                    "after" : [ ]
                  } ], [ {
                    "name" : "cli",
                    "after" : [ "core", "util" ]
                  }, { } ] ],
                  "empty" : [ ]
                }""";
        assertEquals(expected, JsonText.pretty(root));
        assertEquals(jackson(root), JsonText.pretty(root));
    }

    @Test
    void stringsAreEscapedAsJacksonEscapesThem() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        every.append("é\u2028\u2029\uD83D\uDE00\u007F\u0085\uFEFF/");
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put(every.toString(), every.toString());
        tree.put("list", List.of(every.toString(), "\"quoted\"", "back\\slash"));
        assertEquals(jackson(tree), JsonText.pretty(tree));
    }

    @Test
    void generatedTreesAreWrittenAsJacksonWritesThem() {
        Random random = new Random(20261203L);
        for (int i = 0; i < 3000; i++) {
            JsonTrees trees = new JsonTrees(random, JsonTextTest::string, false);
            Object tree = random.nextInt(4) == 0 ? trees.list() : trees.map();
            assertEquals(jackson(tree), JsonText.pretty(tree), "tree " + i);
        }
    }

    @Test
    void compactTextIsTheSameTreeWithoutSpacesAndSerdeJsonsEscapes() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", "a\u0001b\u001f\"\\\n");
        tree.put("deps", List.of());
        tree.put("features", Map.of());
        tree.put("list", List.of(1, true, List.of("x")));
        tree.put("none", null);
        assertEquals("{\"name\":\"a\\u0001b\\u001f\\\"\\\\\\n\",\"deps\":[],\"features\":{},"
                + "\"list\":[1,true,[\"x\"]],\"none\":null}", JsonText.compact(tree));
        Random random = new Random(1203L);
        for (int i = 0; i < 500; i++) {
            Object t = new JsonTrees(random, JsonTextTest::string, false).map();
            String compact = JsonText.compact(t);
            assertEquals(Jackson.mapper().readTree(compact), Jackson.mapper().readTree(JsonText.pretty(t)),
                    "tree " + i);
        }
    }

    @Test
    void aValueWithoutJsonFormIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonText.pretty(Map.of("at", new Object())));
        assertEquals("no JSON form for java.lang.Object", e.getMessage());
    }

    private static final String ALPHABET = "abc-_/. \"\\\n\t\r\b\f\u0000\u0001\u001F\u007Fé😀\u2028";

    private static String string(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(ALPHABET.length());
            char c = ALPHABET.charAt(at);
            sb.append(c);
            if (Character.isHighSurrogate(c) && at + 1 < ALPHABET.length()) {
                sb.append(ALPHABET.charAt(at + 1));
            } else if (Character.isLowSurrogate(c)) {
                sb.setLength(sb.length() - 1);
            }
        }
        return sb.toString();
    }

    @Test
    void numbersJsonCannotWriteAreStringsAsJacksonWritesThem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("big", Double.POSITIVE_INFINITY);
        m.put("small", Double.NEGATIVE_INFINITY);
        m.put("nan", Double.NaN);
        m.put("f", Float.POSITIVE_INFINITY);
        assertEquals(jackson(m), JsonText.pretty(m));
        assertEquals("{\"big\":\"Infinity\",\"small\":\"-Infinity\",\"nan\":\"NaN\",\"f\":\"Infinity\"}",
                JsonText.compact(m));
    }
}
