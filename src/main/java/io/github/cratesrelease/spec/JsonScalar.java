package io.github.cratesrelease.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * A YAML scalar as the JSON value the schema speaks of: YAML 1.2 core types mapped to JSON's, with the rules the
 * schema check applied before (an integer the reader could not parse, {@code .nan} and {@code .inf} are strings; a
 * number with no fraction is an integer, as JSON Schema draft 2020-12 says).
 */
record JsonScalar(Kind kind, Object value) {

    enum Kind {
        NULL, BOOLEAN, INTEGER, NUMBER, STRING
    }

    static JsonScalar of(YamlNode.Scalar s) {
        return switch (s.type()) {
            case NULL -> new JsonScalar(Kind.NULL, null);
            case BOOLEAN -> new JsonScalar(Kind.BOOLEAN, s.value().equalsIgnoreCase("true"));
            case INTEGER -> integer(s.value());
            case FLOAT -> floating(s.value());
            case STRING -> new JsonScalar(Kind.STRING, s.value());
        };
    }

    private static JsonScalar integer(String v) {
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
            return new JsonScalar(Kind.STRING, v);
        }
        return new JsonScalar(Kind.INTEGER, neg ? b.negate() : b);
    }

    private static JsonScalar floating(String v) {
        String t = v.toLowerCase(Locale.ROOT);
        if (t.endsWith(".nan") || t.endsWith(".inf")) {
            return new JsonScalar(Kind.STRING, v); // not representable in JSON: the schema rejects it as a string
        }
        try {
            return new JsonScalar(Kind.NUMBER, new BigDecimal(t));
        } catch (NumberFormatException notANumber) { // the reader reported it; the schema sees a string
            return new JsonScalar(Kind.STRING, v);
        }
    }

    boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.NUMBER;
    }

    BigDecimal decimal() {
        return value instanceof BigInteger b ? new BigDecimal(b) : (BigDecimal) value;
    }

    /** An integer, or a number without a fraction (1.0): what JSON Schema's "integer" accepts. */
    boolean isIntegral() {
        return kind == Kind.INTEGER || kind == Kind.NUMBER && decimal().stripTrailingZeros().scale() <= 0;
    }

    /** The JSON type name of this value as the schema's "type" keyword names it. */
    boolean hasType(String type) {
        return switch (type) {
            case "null" -> kind == Kind.NULL;
            case "boolean" -> kind == Kind.BOOLEAN;
            case "integer" -> isIntegral();
            case "number" -> isNumber();
            case "string" -> kind == Kind.STRING;
            default -> false;
        };
    }

    /** JSON equality: numbers by value (1 equals 1.0), the rest by kind and value. */
    boolean sameAs(JsonScalar other) {
        if (isNumber() && other.isNumber()) {
            return decimal().compareTo(other.decimal()) == 0;
        }
        return kind == other.kind && java.util.Objects.equals(value, other.value);
    }

    /** The value written as JSON, for messages: "auto" quoted, 1 bare. */
    String json() {
        return switch (kind) {
            case NULL -> "null";
            case STRING -> "\"" + ((String) value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case NUMBER -> decimal().toString();
            default -> String.valueOf(value);
        };
    }
}
