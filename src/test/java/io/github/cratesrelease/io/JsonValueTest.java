package io.github.cratesrelease.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.Jackson;
import io.github.cratesrelease.testing.JsonTrees;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link JsonValue#parse} reads what Jackson reads, into the same values, and refuses what Jackson refuses, with the
 * place; its accessors never throw on a value of another type.
 */
class JsonValueTest {

    /** Jackson's tree as the plain values {@link JsonReader} makes. */
    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(e -> l.add(plain(e)));
            return l;
        }
        if (n.isNull()) {
            return null;
        }
        if (n.isString()) {
            return n.asString();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            BigInteger b = n.bigIntegerValue();
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        return n.doubleValue();
    }

    /** The tree as written, with integers as longs (as read back). */
    private static Object widened(Object v) {
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, widened(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(JsonValueTest::widened).toList();
        }
        return v;
    }

    private static String anyString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            sb.append(k < 5 ? (char) ('a' + r.nextInt(26)) : k == 5 ? (char) r.nextInt(0x20)
                    : k == 6 ? "\"\\/".charAt(r.nextInt(3)) : k == 7 ? "é€\u2028".charAt(r.nextInt(3))
                    : k == 8 ? "\uD83D\uDE00" : " ");
        }
        return sb.toString();
    }

    @Test
    void generatedDocumentsReadBackAsWrittenAndAsJacksonReadsThem() throws Exception {
        Random random = new Random(17);
        JsonTrees trees = new JsonTrees(random, JsonValueTest::anyString, true);
        for (int i = 0; i < 2000; i++) {
            Object tree = i % 2 == 0 ? trees.map() : trees.list();
            for (String text : List.of(JsonText.compact(tree), JsonText.pretty(tree))) {
                Object ours = JsonValue.parse(text).raw();
                assertEquals(widened(tree), ours, text);
                assertEquals(plain(Jackson.mapper().readTree(text)), ours, text);
            }
        }
    }

    @Test
    void escapesNumbersAndLiterals() throws Exception {
        JsonValue v = JsonValue.parse("\uFEFF { \"a\\u00e9\\/\" : [1, -0, 12.5, 1e3, -2E-2, 123456789012345678901234567890,"
                + " -9223372036854775808, true, false, null, \"\\ud83d\\ude00\\t\"] }\n");
        JsonValue a = v.path("aé/");
        assertEquals(11, a.size());
        assertEquals(1L, a.path(0).raw());
        assertEquals(0L, a.path(1).raw());
        assertEquals(12.5, a.path(2).raw());
        assertEquals(1000.0, a.path(3).raw());
        assertEquals(-0.02, a.path(4).raw());
        assertEquals(new BigInteger("123456789012345678901234567890"), a.path(5).raw());
        assertEquals(Long.MIN_VALUE, a.path(6).longValue(0));
        assertTrue(a.path(7).bool(false));
        assertFalse(a.path(8).bool(true));
        assertTrue(a.path(9).isNull());
        assertEquals("\uD83D\uDE00\t", a.path(10).string());
    }

    @Test
    void accessorsTakeTheFallbackForValuesOfAnotherType() throws Exception {
        JsonValue v = JsonValue.parse("{\"s\":\"x\",\"n\":7,\"big\":99999999999,\"d\":1.5,\"b\":true,\"z\":null,"
                + "\"o\":{\"k\":[1]}}");
        assertEquals("x", v.path("s").string());
        assertNull(v.path("n").string());
        assertEquals("7", v.path("n").text(null));
        assertEquals("true", v.path("b").text(null));
        assertEquals("-", v.path("o").text("-"));
        assertEquals("-", v.path("z").string("-"));
        assertEquals(7, v.path("n").intValue(0));
        assertEquals(-1, v.path("big").intValue(-1));
        assertEquals(99999999999L, v.path("big").longValue(0));
        assertEquals(-1, v.path("d").longValue(-1));
        assertEquals(-1, v.path("s").longValue(-1));
        assertFalse(v.path("s").bool(false));
        assertTrue(v.has("s"));
        assertFalse(v.has("z"));
        assertFalse(v.has("nope"));
        assertTrue(v.path("z").isNull());
        assertTrue(v.path("nope").isMissing());
        assertFalse(v.path("nope").isNull());
        assertTrue(v.path("nope").path("deeper").path(3).isMissing());
        assertEquals(1L, v.path("o").path("k").path(0).raw());
        assertTrue(v.path("o").path("k").path(1).isMissing());
        assertEquals(0, v.path("s").elements().size());
        assertEquals(List.of("s", "n", "big", "d", "b", "z", "o"), List.copyOf(v.members().keySet()));
        int seen = 0;
        for (JsonValue e : v.path("o").path("k")) {
            assertEquals(1L, e.raw());
            seen++;
        }
        assertEquals(1, seen);
        assertEquals("{\"k\":[1]}", v.path("o").toString());
    }

    @Test
    void aRepeatedKeyKeepsItsLastValueAsJacksonDoes() throws Exception {
        String text = "{\"a\":1,\"b\":2,\"a\":3}";
        assertEquals(plain(Jackson.mapper().readTree(text)), JsonValue.parse(text).raw());
    }

    @Test
    void malformedTextIsRefusedWithItsPlaceAsJacksonRefusesIt() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "1:1");
        cases.put("{", "1:2");
        cases.put("{\"a\" 1}", "1:6");
        cases.put("{\"a\":1,}", "1:8");
        cases.put("[1,]", "1:4");
        cases.put("[1 2]", "1:4");
        cases.put("{a:1}", "1:2");
        cases.put("\"abc", "1:5");
        cases.put("\"a\nb\"", "1:3");
        cases.put("\"\\x\"", "1:2");
        cases.put("\"\\u12\"", "1:4");
        cases.put("01", "1:2");
        cases.put("1.", "1:3");
        cases.put("-", "1:2");
        cases.put("1e", "1:3");
        cases.put("tru", "1:1");
        cases.put("nul", "1:1");
        cases.put("{}\n {}", "2:2");
        cases.put("[\n  1,\n  ?\n]", "3:3");
        cases.forEach((text, place) -> {
            JsonValue.Malformed e = assertThrows(JsonValue.Malformed.class, () -> JsonValue.parse(text), text);
            assertEquals(place, e.line() + ":" + e.column(), text + ": " + e.getMessage());
            assertTrue(e.getMessage().endsWith("at line " + e.line() + " column " + e.column()), e.getMessage());
            if (!text.isEmpty()) {  // Jackson reads no text as a missing node
                assertThrows(RuntimeException.class, () -> Jackson.mapper().readTree(text), text);
            }
        });
    }

    @Test
    void nestingBeyondTheLimitIsRefusedNotAStackOverflow() throws Exception {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        JsonValue.Malformed e = assertThrows(JsonValue.Malformed.class, () -> JsonValue.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper than 500"), e.getMessage());
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertEquals(1, JsonValue.parse(ok).size());
    }
}
