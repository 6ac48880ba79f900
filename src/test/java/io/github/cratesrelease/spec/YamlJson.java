package io.github.cratesrelease.spec;

import java.math.BigInteger;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The YAML tree as JSON (YAML 1.2 core types mapped to JSON's), as the spec was handed to the networknt validator
 * before {@code SchemaCheck}: for {@code SchemaCheckOracleTest}, which compares the two, and for tests that read the
 * schema as JSON.
 */
public final class YamlJson {
    private YamlJson() {
    }

    /** The YAML tree as JSON for the validator. */
    public static JsonNode toJson(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YamlNode.Mapping m) {
            ObjectNode o = f.objectNode();
            for (YamlNode.Entry e : m.entries()) {
                o.set(e.name(), toJson(e.value()));
            }
            return o;
        }
        if (node instanceof YamlNode.Sequence s) {
            ArrayNode a = f.arrayNode();
            for (YamlNode n : s.items()) {
                a.add(toJson(n));
            }
            return a;
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return switch (s.type()) {
            case NULL -> f.nullNode();
            case BOOLEAN -> f.booleanNode(s.value().equalsIgnoreCase("true"));
            case INTEGER -> integer(s.value());
            case FLOAT -> floating(s.value());
            case STRING -> f.stringNode(s.value());
        };
    }

    private static JsonNode integer(String v) {
        String t = v.replace("_", "");
        boolean neg = t.startsWith("-");
        if (t.startsWith("+") || neg) {
            t = t.substring(1);
        }
        BigInteger b;
        try {
            if (t.startsWith("0x")) {
                b = new BigInteger(t.substring(2), 16);
            } else if (t.startsWith("0o")) {
                b = new BigInteger(t.substring(2), 8);
            } else {
                b = new BigInteger(t);
            }
        } catch (NumberFormatException notAnInteger) { // the reader reported it; the schema sees a string
            return JsonNodeFactory.instance.stringNode(v);
        }
        return JsonNodeFactory.instance.numberNode(neg ? b.negate() : b);
    }

    private static JsonNode floating(String v) {
        String t = v.toLowerCase(Locale.ROOT);
        if (t.endsWith(".nan") || t.endsWith(".inf")) {
            return JsonNodeFactory.instance.stringNode(v); // not representable in JSON: let the schema reject it
        }
        try {
            return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(t));
        } catch (NumberFormatException notANumber) { // the reader reported it; the schema sees a string
            return JsonNodeFactory.instance.stringNode(v);
        }
    }
}
