package io.github.cratesrelease.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Navigation in the (local, $ref-only) release-spec schema: sub-schemas, property names, descriptions. */
public final class SchemaIndex {
    private SchemaIndex() {
    }

    /** Resolves a local {@code $ref} chain. */
    public static JsonNode deref(JsonNode doc, JsonNode schema) {
        JsonNode cur = schema;
        for (int i = 0; i < 16 && cur != null && cur.has("$ref"); i++) {
            String ref = cur.get("$ref").asString();
            if (!ref.startsWith("#")) {
                return cur;
            }
            cur = doc.at(ref.substring(1));
            if (cur.isMissingNode()) {
                return null;
            }
        }
        return cur;
    }

    /** Sub-schema that applies at an instance path (first matching branch of anyOf/oneOf for arrays/objects). */
    public static JsonNode subschema(JsonNode doc, List<Object> path) {
        JsonNode cur = deref(doc, doc);
        for (Object step : path) {
            if (cur == null) {
                return null;
            }
            cur = step instanceof Integer ? items(doc, cur) : property(doc, cur, (String) step);
        }
        return cur;
    }

    private static JsonNode items(JsonNode doc, JsonNode schema) {
        JsonNode s = deref(doc, schema);
        if (s == null) {
            return null;
        }
        if (s.has("items")) {
            return s.get("items");
        }
        for (JsonNode alt : alternatives(s)) {
            JsonNode a = deref(doc, alt);
            if (a != null && a.has("items")) {
                return a.get("items");
            }
        }
        return null;
    }

    /** Schema of property {@code name} of an object schema (properties, then additionalProperties). */
    public static JsonNode property(JsonNode doc, JsonNode schema, String name) {
        JsonNode s = deref(doc, schema);
        if (s == null) {
            return null;
        }
        if (s.has("properties") && s.get("properties").has(name)) {
            return s.get("properties").get(name);
        }
        if (s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
            return s.get("additionalProperties");
        }
        return null;
    }

    private static List<JsonNode> alternatives(JsonNode s) {
        List<JsonNode> out = new ArrayList<>();
        for (String k : List.of("anyOf", "oneOf")) {
            if (s.has(k)) {
                s.get(k).forEach(out::add);
            }
        }
        return out;
    }

    public static Set<String> propertyNames(JsonNode doc, JsonNode schema) {
        JsonNode s = deref(doc, schema);
        Set<String> out = new LinkedHashSet<>();
        if (s != null && s.has("properties")) {
            s.get("properties").propertyNames().forEach(out::add);
        }
        return out;
    }

    /** The description of a schema, following $ref when the referring node has none. */
    public static String description(JsonNode doc, JsonNode schema) {
        if (schema == null) {
            return null;
        }
        if (schema.has("description")) {
            return schema.get("description").asString();
        }
        JsonNode s = deref(doc, schema);
        return s != null && s.has("description") ? s.get("description").asString() : null;
    }

    /** "a string", "a mapping or null"... for messages. */
    public static String typeNames(JsonNode doc, JsonNode schema) {
        JsonNode s = deref(doc, schema);
        Set<String> types = new TreeSet<>();
        JsonNode t = s.get("type");
        if (t != null && t.isArray()) {
            t.forEach(x -> types.add(x.asString()));
        } else if (t != null) {
            types.add(t.asString());
        }
        List<String> names = new ArrayList<>();
        for (String ty : types) {
            names.add(switch (ty) {
                case "object" -> "a mapping";
                case "array" -> "a list";
                case "string" -> "a string";
                case "integer" -> "an integer";
                case "number" -> "a number";
                case "boolean" -> "true or false";
                case "null" -> "empty";
                default -> ty;
            });
        }
        return names.isEmpty() ? "of another type" : String.join(" or ", names);
    }
}
