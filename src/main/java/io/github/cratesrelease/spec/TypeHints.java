package io.github.cratesrelease.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a value of the wrong type should have been, and how to write it: "a duration" and "write a duration such as
 * 10m", "true or false" and "write true or false". A hint says how to fix the value, never what the key is for.
 */
final class TypeHints {

    /** The named definitions whose values have a form of their own, with an example that works as written. */
    private static final List<String[]> NAMED = List.of(
            new String[] {"duration", "a duration", "a duration such as 10m"},
            new String[] {"crateName", "a crate name", "a crate name such as my-crate"},
            new String[] {"registryName", "a registry name", "a registry name such as my-registry"});

    private TypeHints() {
    }

    /** "a duration", "true or false", "a mapping or empty"... */
    static String expected(YamlNode doc, YamlNode schema) {
        String[] named = named(schema);
        if (named != null) {
            return named[1];
        }
        return SchemaIndex.typeNames(doc, schema);
    }

    /** The fix for {@code node}, written where {@code schema} applies: "write true or false", "quote it: "5"". */
    static String fix(YamlNode doc, YamlNode schema, YamlNode node) {
        String[] named = named(schema);
        if (named != null) {
            return "write " + named[2];
        }
        YamlNode s = SchemaIndex.deref(doc, schema);
        if (types(s).equals(Set.of("string")) && node instanceof YamlNode.Scalar sc && !sc.isNull()) {
            return "quote it: \"" + sc.value() + "\"";
        }
        List<String> ways = new ArrayList<>();
        for (String type : types(s)) {
            String way = switch (type) {
                case "boolean" -> "true or false";
                case "array" -> "a list such as " + listExample(doc, s, node);
                case "object" -> mappingExample(doc, s, node);
                case "string" -> "a string";
                case "integer" -> "a whole number such as " + (SchemaIndex.get(s, "minimum") != null
                        ? SchemaIndex.text(s, "minimum") : "3");
                case "number" -> "a number such as 1.5";
                case "null" -> null; // said below
                default -> null;
            };
            if (way != null) {
                ways.add(way);
            }
        }
        String hint = ways.isEmpty() ? "write a value of another type" : "write " + join(ways);
        return types(s).contains("null") ? hint + ", or leave it empty" : hint;
    }

    private static String[] named(YamlNode schema) {
        String ref = SchemaIndex.text(schema, "$ref");
        if (ref != null) {
            for (String[] n : NAMED) {
                if (ref.equals("#/$defs/" + n[0])) {
                    return n;
                }
            }
        }
        return null;
    }

    private static Set<String> types(YamlNode s) {
        return SchemaIndex.types(s);
    }

    /** "[core]" for a lone word written where a list belongs, else "[a, b]". */
    private static String listExample(YamlNode doc, YamlNode s, YamlNode node) {
        if (node instanceof YamlNode.Scalar sc && !sc.isNull() && sc.value().matches("[A-Za-z0-9_.-]+")) {
            return "[" + sc.value() + "]";
        }
        YamlNode items = SchemaIndex.get(s, "items");
        if (items != null && "crateName".equals(defName(items))) {
            return "[my-core, my-cli]";
        }
        return "[a, b]";
    }

    /** A mapping that works as written: its keys for a fixed shape, names as keys for a keyed one. */
    private static String mappingExample(YamlNode doc, YamlNode s, YamlNode node) {
        Set<String> keys = SchemaIndex.propertyNames(doc, s);
        if (!keys.isEmpty()) {
            for (String k : keys) {
                String value = exampleValue(doc, SchemaIndex.property(doc, s, k));
                if (value != null) {
                    return "a mapping such as { " + k + ": " + value + " }; its keys: " + String.join(", ", keys);
                }
            }
            return "a mapping of its keys: " + String.join(", ", keys);
        }
        YamlNode values = SchemaIndex.get(s, "additionalProperties") instanceof YamlNode.Mapping m ? m : null;
        String value = values == null ? "..." : emptyValue(doc, values);
        List<String> names = new ArrayList<>();
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar sc && !sc.isNull() && sc.value().matches("[A-Za-z0-9_.-]+")) {
                    names.add(sc.value() + ": " + value);
                }
            }
        }
        if (names.isEmpty() || names.size() > 3) {
            names = List.of("name: " + value);
        }
        return "a mapping keyed by name such as { " + String.join(", ", names) + " }";
    }

    /** An example value for a key: its default, or the first value of its enum. */
    private static String exampleValue(YamlNode doc, YamlNode prop) {
        if (prop == null) {
            return null;
        }
        if (SchemaIndex.get(prop, "default") instanceof YamlNode.Scalar d) {
            return d.value();
        }
        YamlNode d = SchemaIndex.deref(doc, prop);
        if (SchemaIndex.get(d, "enum") instanceof YamlNode.Sequence values && !values.items().isEmpty()) {
            return ((YamlNode.Scalar) values.items().get(0)).value();
        }
        String[] named = named(prop);
        if (named != null && named[0].equals("duration")) {
            return "10m";
        }
        String pattern = SchemaIndex.text(prop, "pattern");
        if (pattern != null && pattern.startsWith("^[A-Za-z_]")) {
            String about = SchemaIndex.description(doc, prop);
            return about != null && about.contains("token") ? "MY_TOKEN" : "MY_SECRET"; // an environment variable
        }
        return null;
    }

    /** The emptiest value of a schema that still is one: {} for a mapping, [a] for a list. */
    private static String emptyValue(YamlNode doc, YamlNode schema) {
        Set<String> t = types(SchemaIndex.deref(doc, schema));
        if (t.contains("object")) {
            return "{}";
        }
        if (t.contains("array")) {
            return "[a]";
        }
        return "x";
    }

    private static String defName(YamlNode schema) {
        String ref = SchemaIndex.text(schema, "$ref");
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String join(List<String> ways) {
        if (ways.size() <= 1) {
            return ways.isEmpty() ? "" : ways.get(0);
        }
        return String.join(", ", ways.subList(0, ways.size() - 1)) + " or " + ways.get(ways.size() - 1);
    }
}
