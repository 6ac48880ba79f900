package io.github.cratesrelease.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The schema's rules on one value, each a yes or no and, where the rule has no message of its own in
 * {@link SchemaValidator}, the text of the failure.
 */
final class ValueChecks {
    private ValueChecks() {
    }

    /** Whether {@code node} is of JSON type {@code type} ("object", "array", "string", "integer"...). */
    static boolean hasType(YamlNode node, String type) {
        if (node instanceof YamlNode.Mapping) {
            return type.equals("object");
        }
        if (node instanceof YamlNode.Sequence) {
            return type.equals("array");
        }
        return scalar(node).hasType(type);
    }

    /** The JSON value of a scalar node (null for a mapping or a list). */
    static JsonScalar scalar(YamlNode node) {
        return node instanceof YamlNode.Scalar s ? JsonScalar.of(s) : null;
    }

    /** JSON equality of a schema value ({@code const}, an {@code enum} member) and a spec value. */
    static boolean sameValue(YamlNode schemaValue, YamlNode node) {
        JsonScalar a = scalar(schemaValue);
        JsonScalar b = scalar(node);
        return a != null && b != null && a.sameAs(b);
    }

    static boolean inEnum(YamlNode.Sequence allowed, YamlNode node) {
        for (YamlNode v : allowed.items()) {
            if (sameValue(v, node)) {
                return true;
            }
        }
        return false;
    }

    /** The string of a string value, else null (the string rules do not apply to other types). */
    static String string(YamlNode node) {
        JsonScalar s = scalar(node);
        return s != null && s.kind() == JsonScalar.Kind.STRING ? (String) s.value() : null;
    }

    static String minLength(String value, int min) {
        return value.codePointCount(0, value.length()) < min ? "must be at least " + min + " characters long" : null;
    }

    /**
     * A schema pattern (ECMA 262) as a Java pattern: {@code $} outside a character class becomes {@code \\z}, as in
     * ECMA 262 it matches only at the very end (Java's {@code $} also matches before a final line break, so
     * "my-crate\n" would pass {@code ^[a-z-]+$}).
     */
    static Pattern compile(String ecma) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < ecma.length(); i++) {
            char c = ecma.charAt(i);
            if (c == '\\' && i + 1 < ecma.length()) {
                out.append(c).append(ecma.charAt(++i));
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                inClass = c == '[' || inClass && c != ']';
                out.append(c);
            }
        }
        return Pattern.compile(out.toString());
    }

    static boolean matches(Pattern pattern, String value) {
        return pattern.matcher(value).find(); // JSON Schema patterns are not anchored
    }

    static String minimum(YamlNode node, BigDecimal min, String written) {
        JsonScalar s = scalar(node);
        return s != null && s.isNumber() && s.decimal().compareTo(min) < 0 ? "must have a minimum value of " + written
                : null;
    }

    static String minItems(YamlNode.Sequence seq, int min) {
        int n = seq.items().size();
        return n < min ? "must have at least " + min + " items but found " + n : null;
    }

    static String minProperties(YamlNode.Mapping m, int min) {
        return m.entries().size() < min ? "must have at least " + min + " properties" : null;
    }

    static String maxProperties(YamlNode.Mapping m, int max) {
        return m.entries().size() > max ? "must have at most " + max + " properties" : null;
    }

    /** Whether two list items are the same JSON value (numbers of one kind by value, lists and mappings by content). */
    static boolean sameItem(YamlNode a, YamlNode b) {
        if (a instanceof YamlNode.Sequence x && b instanceof YamlNode.Sequence y) {
            return sameItems(x.items(), y.items());
        }
        if (a instanceof YamlNode.Mapping x && b instanceof YamlNode.Mapping y) {
            if (x.entries().size() != y.entries().size()) {
                return false;
            }
            for (YamlNode.Entry e : x.entries()) {
                YamlNode other = y.get(e.name());
                if (other == null || !sameItem(e.value(), other)) {
                    return false;
                }
            }
            return true;
        }
        JsonScalar p = scalar(a);
        JsonScalar q = scalar(b);
        return p != null && q != null && p.kind() == q.kind() && p.sameAs(q);
    }

    private static boolean sameItems(List<YamlNode> a, List<YamlNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameItem(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** No two items are the same value: scalars through a hash set (an `order` of 1,000 names), the rest pairwise. */
    static boolean uniqueItems(YamlNode.Sequence seq) {
        java.util.Set<String> scalars = new java.util.HashSet<>();
        List<YamlNode> others = new java.util.ArrayList<>();
        for (YamlNode item : seq.items()) {
            JsonScalar s = scalar(item);
            if (s == null) {
                for (YamlNode seen : others) {
                    if (sameItem(seen, item)) {
                        return false;
                    }
                }
                others.add(item);
            } else if (!scalars.add(s.kind() + ":" + (s.kind() == JsonScalar.Kind.NUMBER
                    ? s.decimal().stripTrailingZeros().toString() : String.valueOf(s.value())))) {
                return false;
            }
        }
        return true;
    }
}
