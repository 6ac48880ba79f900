package io.github.cratesrelease.spec;

import io.github.cratesrelease.diag.Location;
import java.util.List;

/** A YAML node with the place it was read from; the tree the spec is validated and read from. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    Location location();

    /** Type name for messages. */
    String kind();

    enum ScalarType {
        STRING, INTEGER, FLOAT, BOOLEAN, NULL
    }

    record Scalar(String value, ScalarType type, Location location) implements YamlNode {
        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER -> "an integer";
                case FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    record Entry(Scalar key, YamlNode value) {
        public String name() {
            return key.value();
        }
    }

    record Mapping(List<Entry> entries, Location location) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }

        public Entry entry(String key) {
            for (Entry e : entries) {
                if (e.name().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        public YamlNode get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        public String string(String key) {
            return get(key) instanceof Scalar s && !s.isNull() ? s.value() : null;
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }
}
