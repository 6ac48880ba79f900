package io.github.cratesrelease.docs;

import io.github.cratesrelease.spec.SchemaIndex;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Every property of the release-spec schema as a dotted path: {@code registries.<name>.token.env}, {@code redist[].url}. */
final class SchemaPaths {
    private SchemaPaths() {
    }

    static List<String> of(JsonNode doc) {
        List<String> out = new ArrayList<>();
        walk(doc, doc, "", out, 0);
        return out;
    }

    private static void walk(JsonNode doc, JsonNode schema, String prefix, List<String> out, int depth) {
        JsonNode s = SchemaIndex.deref(doc, schema);
        if (s == null || depth > 12) {
            return;
        }
        if (s.has("properties")) {
            for (String name : s.get("properties").propertyNames()) {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                out.add(path);
                walk(doc, s.get("properties").get(name), path, out, depth + 1);
            }
        }
        if (s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
            walk(doc, s.get("additionalProperties"), prefix + ".<name>", out, depth + 1);
        }
        if (s.has("items") && s.get("items").isObject()) {
            walk(doc, s.get("items"), prefix + "[]", out, depth + 1);
        }
        for (String alt : List.of("anyOf", "oneOf")) {
            if (s.has(alt)) {
                for (JsonNode a : s.get(alt)) {
                    walk(doc, a, prefix, out, depth + 1);
                }
            }
        }
    }
}
