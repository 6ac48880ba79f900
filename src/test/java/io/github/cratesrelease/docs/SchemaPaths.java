package io.github.cratesrelease.docs;

import io.github.cratesrelease.spec.SchemaIndex;
import io.github.cratesrelease.spec.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** Every property of the release-spec schema as a dotted path: {@code registries.<name>.token.env}, {@code redist[].url}. */
final class SchemaPaths {
    private SchemaPaths() {
    }

    static List<String> of(YamlNode doc) {
        List<String> out = new ArrayList<>();
        walk(doc, doc, "", out, 0);
        return out;
    }

    private static void walk(YamlNode doc, YamlNode schema, String prefix, List<String> out, int depth) {
        YamlNode s = SchemaIndex.deref(doc, schema);
        if (s == null || depth > 12) {
            return;
        }
        if (SchemaIndex.get(s, "properties") instanceof YamlNode.Mapping props) {
            for (YamlNode.Entry p : props.entries()) {
                String path = prefix.isEmpty() ? p.name() : prefix + "." + p.name();
                out.add(path);
                walk(doc, p.value(), path, out, depth + 1);
            }
        }
        if (SchemaIndex.get(s, "additionalProperties") instanceof YamlNode.Mapping values) {
            walk(doc, values, prefix + ".<name>", out, depth + 1);
        }
        if (SchemaIndex.get(s, "items") instanceof YamlNode.Mapping items) {
            walk(doc, items, prefix + "[]", out, depth + 1);
        }
        for (String alt : List.of("anyOf", "oneOf")) {
            if (SchemaIndex.get(s, alt) instanceof YamlNode.Sequence branches) {
                for (YamlNode a : branches.items()) {
                    walk(doc, a, prefix, out, depth + 1);
                }
            }
        }
    }
}
