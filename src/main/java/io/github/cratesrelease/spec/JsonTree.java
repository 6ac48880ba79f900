package io.github.cratesrelease.spec;

import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.io.JsonReader;
import io.github.cratesrelease.io.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON document into the tree {@link YamlReader} makes of it (JSON is YAML: the same nodes, scalar types and
 * places), through the plugin's one JSON reader ({@link JsonReader}) and without snakeyaml's machinery: for the schema
 * packaged in the jar, which every goal reads in a fresh JVM (about 50 ms through snakeyaml, a few through this).
 * {@code JsonTreeTest} holds both readers to the same tree on every schema of the project and on generated documents.
 * Malformed JSON is a bug of the packaging: an {@link IllegalStateException} with the place.
 */
final class JsonTree implements JsonReader.Builder<YamlNode> {

    private final Path file;

    private JsonTree(Path file) {
        this.file = file;
    }

    static YamlNode read(Path file, String text) {
        try {
            return JsonReader.read(text, new JsonTree(file));
        } catch (JsonValue.Malformed e) {
            throw new IllegalStateException(new Location(file, e.line(), e.column()) + ": not valid JSON: "
                    + e.what());
        }
    }

    @Override
    public YamlNode scalar(JsonReader.Kind kind, String text, int line, int column) {
        return new YamlNode.Scalar(text, YamlNode.ScalarType.valueOf(kind.name()), new Location(file, line, column));
    }

    @Override
    public YamlNode array(List<YamlNode> items, int line, int column) {
        return new YamlNode.Sequence(List.copyOf(items), new Location(file, line, column));
    }

    @Override
    public YamlNode object(List<JsonReader.Member<YamlNode>> members, int line, int column) {
        List<YamlNode.Entry> entries = new ArrayList<>(members.size());
        for (JsonReader.Member<YamlNode> m : members) {
            entries.add(new YamlNode.Entry(new YamlNode.Scalar(m.key(), YamlNode.ScalarType.STRING,
                    new Location(file, m.line(), m.column())), m.value()));
        }
        return new YamlNode.Mapping(List.copyOf(entries), new Location(file, line, column));
    }
}
