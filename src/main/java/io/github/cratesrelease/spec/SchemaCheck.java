package io.github.cratesrelease.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a spec tree against the release-spec schema, read as a YAML tree too: the JSON-Schema (draft 2020-12)
 * keywords that schema uses and no others. A schema with a keyword this class does not implement is refused when it
 * is loaded, so a keyword is never ignored in silence. Errors come in the order a schema validator gives them
 * (a schema's "properties" first, then its other keywords in the order written; within anyOf, every branch's
 * errors when none matches) and carry the value's path, so {@link SchemaValidator} locates each at its YAML node.
 */
final class SchemaCheck {

    /** The keywords checked here. */
    static final Set<String> CHECKED = Set.of("type", "properties", "required", "additionalProperties",
            "propertyNames", "items", "enum", "const", "pattern", "minLength", "minItems", "uniqueItems",
            "minProperties", "maxProperties", "minimum", "anyOf", "$ref");
    /** The keywords that only describe (nothing to check). */
    static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "title", "description", "default");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean",
            "null");

    private final Map<String, YamlNode.Mapping> refs = new HashMap<>();
    private final Map<YamlNode, Pattern> patterns = new IdentityHashMap<>();
    private final YamlNode.Mapping root;

    private SchemaCheck(YamlNode.Mapping root) {
        this.root = root;
    }

    /** Reads {@code doc} as a schema; an IllegalStateException names a keyword or value this class cannot check. */
    static SchemaCheck of(YamlNode doc) {
        if (!(doc instanceof YamlNode.Mapping m)) {
            throw new IllegalStateException("the schema is not a JSON object");
        }
        SchemaCheck c = new SchemaCheck(m);
        c.learn(m, "#");
        return c;
    }

    /** The problems of {@code instance}, in order; empty when it is valid. */
    List<SchemaError> check(YamlNode instance) {
        List<SchemaError> out = new ArrayList<>();
        eval(root, instance, new ArrayList<>(), null, out);
        return out;
    }

    // ---- loading: every keyword known, every value of the form the check reads

    private void learn(YamlNode schema, String at) {
        if (!(schema instanceof YamlNode.Mapping s)) {
            throw unsupported(at, "a schema that is not an object");
        }
        for (YamlNode.Entry e : s.entries()) {
            String k = e.name();
            String here = at + "/" + k;
            YamlNode v = e.value();
            if (!CHECKED.contains(k) && !ANNOTATIONS.contains(k)) {
                throw unsupported(here, "the keyword '" + k + "'");
            }
            switch (k) {
                case "properties", "$defs" -> {
                    for (YamlNode.Entry p : mapping(v, here).entries()) {
                        learn(p.value(), here + "/" + p.name());
                    }
                }
                case "additionalProperties" -> {
                    if (!(v instanceof YamlNode.Scalar b && b.type() == YamlNode.ScalarType.BOOLEAN)) {
                        learn(v, here);
                    }
                }
                case "propertyNames", "items" -> learn(v, here);
                case "anyOf" -> {
                    List<YamlNode> branches = sequence(v, here).items();
                    for (int i = 0; i < branches.size(); i++) {
                        learn(branches.get(i), here + "/" + i);
                    }
                }
                case "type" -> {
                    List<YamlNode> names = v instanceof YamlNode.Sequence seq ? seq.items() : List.of(v);
                    for (YamlNode n : names) {
                        if (!TYPES.contains(text(n, here))) {
                            throw unsupported(here, "the type '" + text(n, here) + "'");
                        }
                    }
                }
                case "required" -> sequence(v, here).items().forEach(n -> text(n, here));
                case "enum" -> sequence(v, here).items().forEach(n -> scalarValue(n, here));
                case "const" -> scalarValue(v, here);
                case "pattern" -> {
                    try {
                        patterns.put(v, ValueChecks.compile(text(v, here)));
                    } catch (PatternSyntaxException bad) {
                        throw unsupported(here, "the pattern " + bad.getPattern() + " (" + bad.getDescription() + ")");
                    }
                }
                case "minLength", "minItems", "minProperties", "maxProperties" -> count(v, here);
                case "minimum" -> number(v, here);
                case "$ref" -> {
                    String ref = text(v, here);
                    if (!refs.containsKey(ref)) {
                        refs.put(ref, resolve(ref, here));
                    }
                }
                default -> {
                    // an annotation
                }
            }
        }
    }

    private YamlNode.Mapping resolve(String ref, String at) {
        if (!ref.startsWith("#/")) {
            throw unsupported(at, "the reference '" + ref + "' (only references within the schema, #/...)");
        }
        YamlNode cur = root;
        for (String step : ref.substring(2).split("/")) {
            String key = step.replace("~1", "/").replace("~0", "~");
            cur = cur instanceof YamlNode.Mapping m ? m.get(key) : null;
        }
        if (!(cur instanceof YamlNode.Mapping m)) {
            throw unsupported(at, "the reference '" + ref + "', which points at no schema");
        }
        return m;
    }

    private static IllegalStateException unsupported(String at, String what) {
        return new IllegalStateException("the release-spec schema uses " + what + " at " + at
                + ", which SchemaCheck does not check: implement it there (and compare with the validator in "
                + "SchemaCheckOracleTest) before the schema uses it");
    }

    private static YamlNode.Mapping mapping(YamlNode v, String at) {
        if (v instanceof YamlNode.Mapping m) {
            return m;
        }
        throw unsupported(at, "a value that is not an object");
    }

    private static YamlNode.Sequence sequence(YamlNode v, String at) {
        if (v instanceof YamlNode.Sequence s) {
            return s;
        }
        throw unsupported(at, "a value that is not an array");
    }

    private static String text(YamlNode v, String at) {
        String s = ValueChecks.string(v);
        if (s == null) {
            throw unsupported(at, "a value that is not a string");
        }
        return s;
    }

    private static JsonScalar scalarValue(YamlNode v, String at) {
        if (!(v instanceof YamlNode.Scalar s)) {
            throw unsupported(at, "a value that is not a string, number, boolean or null");
        }
        return JsonScalar.of(s);
    }

    private static int count(YamlNode v, String at) {
        JsonScalar s = scalarValue(v, at);
        if (s.kind() != JsonScalar.Kind.INTEGER) {
            throw unsupported(at, "a count that is not a whole number");
        }
        return ((java.math.BigInteger) s.value()).intValueExact();
    }

    private static BigDecimal number(YamlNode v, String at) {
        JsonScalar s = scalarValue(v, at);
        if (!s.isNumber()) {
            throw unsupported(at, "a bound that is not a number");
        }
        return s.decimal();
    }

    // ---- checking

    private void eval(YamlNode.Mapping s, YamlNode node, List<Object> path, Integer branch, List<SchemaError> out) {
        YamlNode.Mapping props = s.get("properties") instanceof YamlNode.Mapping p ? p : null;
        YamlNode.Mapping map = node instanceof YamlNode.Mapping m ? m : null;
        YamlNode.Sequence seq = node instanceof YamlNode.Sequence q ? q : null;
        if (props != null && map != null) {
            for (YamlNode.Entry p : props.entries()) {
                YamlNode value = map.get(p.name());
                if (value != null) {
                    within(path, p.name(), () -> eval((YamlNode.Mapping) p.value(), value, path, branch, out));
                }
            }
        }
        for (YamlNode.Entry e : s.entries()) {
            YamlNode v = e.value();
            switch (e.name()) {
                case "type" -> type(v, node, path, branch, out);
                case "const" -> {
                    if (!ValueChecks.sameValue(v, node)) {
                        out.add(error(path, "const", null, branch,
                                "must be the constant value " + ValueChecks.scalar(v).json()));
                    }
                }
                case "enum" -> {
                    if (!ValueChecks.inEnum((YamlNode.Sequence) v, node)) {
                        out.add(error(path, "enum", null, branch, "does not have a value in the enumeration"));
                    }
                }
                case "pattern" -> {
                    String str = ValueChecks.string(node);
                    if (str != null && !ValueChecks.matches(patterns.get(v), str)) {
                        out.add(error(path, "pattern", null, branch, "does not match the regex pattern "
                                + ((YamlNode.Scalar) v).value()));
                    }
                }
                case "minLength" -> {
                    String str = ValueChecks.string(node);
                    add(out, path, "minLength", branch, str == null ? null : ValueChecks.minLength(str, count(v, "")));
                }
                case "minimum" -> add(out, path, "minimum", branch,
                        ValueChecks.minimum(node, number(v, ""), ((YamlNode.Scalar) v).value()));
                case "required" -> {
                    for (YamlNode name : map == null ? List.<YamlNode>of() : ((YamlNode.Sequence) v).items()) {
                        String key = ((YamlNode.Scalar) name).value();
                        if (map.entry(key) == null) {
                            out.add(error(path, "required", key, branch, "required property '" + key + "' not found"));
                        }
                    }
                }
                case "additionalProperties" -> additional(v, props, map, path, branch, out);
                case "propertyNames" -> names((YamlNode.Mapping) v, map, path, branch, out);
                case "minProperties" -> add(out, path, "minProperties", branch,
                        map == null ? null : ValueChecks.minProperties(map, count(v, "")));
                case "maxProperties" -> add(out, path, "maxProperties", branch,
                        map == null ? null : ValueChecks.maxProperties(map, count(v, "")));
                case "items" -> {
                    for (int i = 0; seq != null && i < seq.items().size(); i++) {
                        YamlNode item = seq.items().get(i);
                        within(path, i, () -> eval((YamlNode.Mapping) v, item, path, branch, out));
                    }
                }
                case "minItems" -> add(out, path, "minItems", branch,
                        seq == null ? null : ValueChecks.minItems(seq, count(v, "")));
                case "uniqueItems" -> {
                    if (seq != null && ValueChecks.scalar(v).value() == Boolean.TRUE && !ValueChecks.uniqueItems(seq)) {
                        out.add(error(path, "uniqueItems", null, branch, "must have only unique items in the array"));
                    }
                }
                case "anyOf" -> anyOf((YamlNode.Sequence) v, node, path, branch, out);
                case "$ref" -> eval(refs.get(((YamlNode.Scalar) v).value()), node, path, branch, out);
                default -> {
                    // "properties" is checked first; annotations check nothing
                }
            }
        }
    }

    private static void type(YamlNode v, YamlNode node, List<Object> path, Integer branch, List<SchemaError> out) {
        List<YamlNode> names = v instanceof YamlNode.Sequence seq ? seq.items() : List.of(v);
        List<String> wanted = new ArrayList<>();
        for (YamlNode n : names) {
            String type = ((YamlNode.Scalar) n).value();
            if (ValueChecks.hasType(node, type)) {
                return;
            }
            wanted.add(type);
        }
        out.add(error(path, "type", null, branch, node.kind() + " found, " + String.join(" or ", wanted) + " expected"));
    }

    private void additional(YamlNode v, YamlNode.Mapping props, YamlNode.Mapping map, List<Object> path,
            Integer branch, List<SchemaError> out) {
        if (map == null) {
            return;
        }
        for (YamlNode.Entry e : map.entries()) {
            if (props != null && props.entry(e.name()) != null) {
                continue;
            }
            if (v instanceof YamlNode.Mapping schema) {
                within(path, e.name(), () -> eval(schema, e.value(), path, branch, out));
            } else if (v instanceof YamlNode.Scalar b && b.value().equalsIgnoreCase("false")) {
                out.add(error(path, "additionalProperties", e.name(), branch, "property '" + e.name()
                        + "' is not defined in the schema and the schema does not allow additional properties"));
            }
        }
    }

    /** Each key checked as a string; one error per way it fails, about the mapping, naming the key. */
    private void names(YamlNode.Mapping schema, YamlNode.Mapping map, List<Object> path, Integer branch,
            List<SchemaError> out) {
        for (YamlNode.Entry e : map == null ? List.<YamlNode.Entry>of() : map.entries()) {
            List<SchemaError> bad = new ArrayList<>();
            eval(schema, new YamlNode.Scalar(e.name(), YamlNode.ScalarType.STRING, e.key().location()), new ArrayList<>(),
                    null, bad);
            for (SchemaError b : bad) {
                out.add(error(path, "propertyNames", e.name(), branch,
                        "property '" + e.name() + "' name is not valid: " + b.message()));
            }
        }
    }

    /** Valid when one branch is; else every branch's errors, each marked with its branch. */
    private void anyOf(YamlNode.Sequence branches, YamlNode node, List<Object> path, Integer branch,
            List<SchemaError> out) {
        List<SchemaError> all = new ArrayList<>();
        for (int i = 0; i < branches.items().size(); i++) {
            List<SchemaError> errors = new ArrayList<>();
            eval((YamlNode.Mapping) branches.items().get(i), node, path, branch == null ? i : branch, errors);
            if (errors.isEmpty()) {
                return;
            }
            all.addAll(errors);
        }
        out.addAll(all);
    }

    private static void within(List<Object> path, Object step, Runnable r) {
        path.add(step);
        try {
            r.run();
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private static void add(List<SchemaError> out, List<Object> path, String keyword, Integer branch, String failure) {
        if (failure != null) {
            out.add(error(path, keyword, null, branch, failure));
        }
    }

    private static SchemaError error(List<Object> path, String keyword, String property, Integer branch,
            String message) {
        return new SchemaError(List.copyOf(path), keyword, property, branch, message);
    }
}
