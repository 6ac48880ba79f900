package io.github.cratesrelease.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Navigation in the (local, $ref-only) release-spec schema, read as a YAML tree: sub-schemas, property names,
 * descriptions.
 */
public final class SchemaIndex {
    private SchemaIndex() {
    }

    /** The value of keyword {@code key} of a schema, or null. */
    public static YamlNode get(YamlNode schema, String key) {
        return schema instanceof YamlNode.Mapping m ? m.get(key) : null;
    }

    /** The string value of keyword {@code key}, or null when absent or not a string. */
    public static String text(YamlNode schema, String key) {
        return get(schema, key) instanceof YamlNode.Scalar s && !s.isNull() ? s.value() : null;
    }

    /** Resolves a local {@code $ref} chain. */
    public static YamlNode deref(YamlNode doc, YamlNode schema) {
        YamlNode cur = schema;
        for (int i = 0; i < 16 && cur != null && get(cur, "$ref") != null; i++) {
            String ref = text(cur, "$ref");
            if (ref == null || !ref.startsWith("#")) {
                return cur;
            }
            cur = doc;
            for (String step : ref.substring(1).split("/")) {
                if (!step.isEmpty()) {
                    cur = get(cur, step.replace("~1", "/").replace("~0", "~"));
                }
            }
        }
        return cur;
    }

    /** Sub-schema that applies at an instance path (first matching branch of anyOf/oneOf for arrays/objects). */
    public static YamlNode subschema(YamlNode doc, List<Object> path) {
        YamlNode cur = deref(doc, doc);
        for (Object step : path) {
            if (cur == null) {
                return null;
            }
            cur = step instanceof Integer ? items(doc, cur) : property(doc, cur, (String) step);
        }
        return cur;
    }

    private static YamlNode items(YamlNode doc, YamlNode schema) {
        YamlNode s = deref(doc, schema);
        if (s == null) {
            return null;
        }
        if (get(s, "items") != null) {
            return get(s, "items");
        }
        for (YamlNode alt : alternatives(s)) {
            YamlNode a = deref(doc, alt);
            if (get(a, "items") != null) {
                return get(a, "items");
            }
        }
        return null;
    }

    /** Schema of property {@code name} of an object schema (properties, then additionalProperties). */
    public static YamlNode property(YamlNode doc, YamlNode schema, String name) {
        YamlNode s = deref(doc, schema);
        if (s == null) {
            return null;
        }
        YamlNode p = get(get(s, "properties"), name);
        if (p != null) {
            return p;
        }
        return get(s, "additionalProperties") instanceof YamlNode.Mapping m ? m : null;
    }

    /** The branches of the schema's anyOf (and oneOf). */
    static List<YamlNode> alternatives(YamlNode s) {
        List<YamlNode> out = new ArrayList<>();
        for (String k : List.of("anyOf", "oneOf")) {
            if (get(s, k) instanceof YamlNode.Sequence seq) {
                out.addAll(seq.items());
            }
        }
        return out;
    }

    public static Set<String> propertyNames(YamlNode doc, YamlNode schema) {
        YamlNode s = deref(doc, schema);
        Set<String> out = new LinkedHashSet<>();
        if (get(s, "properties") instanceof YamlNode.Mapping props) {
            props.entries().forEach(e -> out.add(e.name()));
        }
        return out;
    }

    /** The description of a schema, following $ref when the referring node has none. */
    public static String description(YamlNode doc, YamlNode schema) {
        if (schema == null) {
            return null;
        }
        if (text(schema, "description") != null) {
            return text(schema, "description");
        }
        return text(deref(doc, schema), "description");
    }

    /** The names in the schema's "type" (one, or a list). */
    static Set<String> types(YamlNode s) {
        Set<String> out = new TreeSet<>();
        YamlNode t = get(s, "type");
        if (t instanceof YamlNode.Sequence seq) {
            seq.items().forEach(x -> out.add(((YamlNode.Scalar) x).value()));
        } else if (t instanceof YamlNode.Scalar x) {
            out.add(x.value());
        }
        return out;
    }

    /** "a string", "a mapping or null"... for messages. */
    public static String typeNames(YamlNode doc, YamlNode schema) {
        List<String> names = new ArrayList<>();
        for (String ty : types(deref(doc, schema))) {
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
