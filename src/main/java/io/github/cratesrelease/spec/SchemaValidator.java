package io.github.cratesrelease.spec;

import io.github.cratesrelease.registry.RegistryNames;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a spec tree against {@code release-spec.schema.json} (the copy packaged in the jar, the same file as
 * {@code schema/} in the repository) and turns every schema error into a located, actionable diagnostic.
 */
public final class SchemaValidator {

    public static final String SCHEMA_RESOURCE = "/io/github/cratesrelease/spec/release-spec.schema.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static volatile SchemaValidator instance;

    private final JsonNode schemaDoc;
    private final Schema schema;

    private SchemaValidator() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + SCHEMA_RESOURCE + " is missing from the jar");
            }
            schemaDoc = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaDoc);
    }

    public static SchemaValidator get() {
        SchemaValidator v = instance;
        if (v == null) {
            synchronized (SchemaValidator.class) {
                v = instance;
                if (v == null) {
                    v = new SchemaValidator();
                    instance = v;
                }
            }
        }
        return v;
    }

    /** The schema document, for tools and tests (descriptions, property lists). */
    public JsonNode schemaDocument() {
        return schemaDoc;
    }

    /**
     * Validates {@code root}; adds one diagnostic per problem to {@code diags}. Returns the paths of the values the
     * problems are about (with the key an unknown key was probably meant to be), so a caller can read the rest.
     */
    public List<List<Object>> validate(YamlNode root, Diagnostics diags) {
        List<List<Object>> secretPaths = new ArrayList<>();
        checkTokenLiterals(root, diags, secretPaths);
        List<List<Object>> broken = new ArrayList<>(secretPaths);
        List<Error> errors = schema.validate(YamlJson.toJson(root));
        Set<String> seen = new LinkedHashSet<>();
        for (Error e : errors) {
            List<Object> path = pathOf(e.getInstanceLocation());
            if (secretPaths.stream().anyMatch(p -> startsWith(path, p))) {
                continue; // already reported without repeating the value
            }
            Problem p;
            if (alternativeBranch(e)) {
                Alternatives alt = alternatives(root, e, path);
                if (alt.matched() != null && alt.matched() != alt.branch()) {
                    continue; // the value has the form of another branch: that branch's errors say what is wrong
                }
                p = alt.matched() != null ? describe(root, e, path) : describeAlternatives(root, alt.path());
            } else {
                p = describe(root, e, path);
            }
            broken.add(p.path());
            if (p.meant() != null) {
                broken.add(p.meant());
            }
            if (seen.add(p.location + "|" + p.message)) {
                diags.error(p.location, p.message, p.hint);
            }
        }
        return broken;
    }

    /**
     * networknt reports each failed branch of an anyOf/oneOf. When the value has the form of one branch (a list
     * where a list is allowed), that branch's own errors apply; else one message names what is allowed.
     */
    private static boolean alternativeBranch(Error e) {
        String ep = e.getEvaluationPath().toString();
        return ep.contains("/anyOf/") || ep.contains("/oneOf/");
    }

    /** The anyOf's value ({@code path}), the branch an error comes from, and the branch the value's form matches. */
    private record Alternatives(List<Object> path, Integer branch, Integer matched) {
    }

    private Alternatives alternatives(YamlNode root, Error e, List<Object> errorPath) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/(?:anyOf|oneOf)/(\\d+)")
                .matcher(e.getEvaluationPath().toString());
        Integer branch = m.find() ? Integer.valueOf(m.group(1)) : null;
        for (int n = errorPath.size(); n >= 0; n--) {
            List<Object> prefix = errorPath.subList(0, n);
            JsonNode owner = SchemaIndex.deref(schemaDoc, SchemaIndex.subschema(schemaDoc, prefix));
            JsonNode branches = owner == null ? null : owner.has("anyOf") ? owner.get("anyOf") : owner.get("oneOf");
            if (branches != null) {
                YamlNode node = find(root, prefix);
                Integer matched = null;
                for (int i = 0; i < branches.size() && node != null; i++) {
                    if (hasFormOf(node, SchemaIndex.deref(schemaDoc, branches.get(i)))) {
                        matched = i;
                        break;
                    }
                }
                return new Alternatives(List.copyOf(prefix), branch, matched);
            }
        }
        return new Alternatives(errorPath, branch, null);
    }

    /** A list for an array branch, a mapping for an object branch (a scalar matches no branch by form alone). */
    private static boolean hasFormOf(YamlNode node, JsonNode branch) {
        String type = branch == null || !branch.has("type") || !branch.get("type").isString() ? ""
                : branch.get("type").asString();
        return node instanceof YamlNode.Sequence && type.equals("array")
                || node instanceof YamlNode.Mapping && type.equals("object");
    }

    private Problem describeAlternatives(YamlNode root, List<Object> path) {
        YamlNode node = find(root, path);
        JsonNode owner = SchemaIndex.deref(schemaDoc, SchemaIndex.subschema(schemaDoc, path));
        JsonNode branches = owner == null ? null : owner.has("anyOf") ? owner.get("anyOf") : owner.get("oneOf");
        List<String> allowed = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (int i = 0; branches != null && i < branches.size(); i++) {
            JsonNode b = SchemaIndex.deref(schemaDoc, branches.get(i));
            if (b != null && b.has("const")) {
                allowed.add("`" + b.get("const").asString() + "`");
                examples.add(b.get("const").asString());
            } else if (b != null) {
                JsonNode items = b.get("items");
                String itemName = items == null ? null : TypeHints.expected(schemaDoc, items);
                boolean list = "array".equals(b.has("type") ? b.get("type").asString() : "");
                allowed.add(list && itemName != null ? "a list of " + plural(itemName) : TypeHints.expected(schemaDoc, b));
                examples.add(TypeHints.fix(schemaDoc, b, null).replaceFirst("^write ", ""));
            }
        }
        String what = node instanceof YamlNode.Scalar s && !s.isNull() ? "'" + s.value() + "'"
                : node == null ? "this" : node.kind();
        return new Problem(node == null ? root.location() : node.location(),
                display(path) + " is " + String.join(" or ", allowed) + ", not " + what,
                "write " + String.join(", or ", examples), path, null);
    }

    /** "a crate name" → "crate names". */
    private static String plural(String name) {
        return name.replaceFirst("^an? ", "") + "s";
    }

    private record Problem(Location location, String message, String hint, List<Object> path, List<Object> meant) {
        Problem(Location location, String message, String hint, List<Object> path) {
            this(location, message, hint, path, null);
        }
    }

    /** A token written as a literal is an error whose message never repeats the value. */
    private static void checkTokenLiterals(YamlNode root, Diagnostics diags, List<List<Object>> secretPaths) {
        if (!(root instanceof YamlNode.Mapping m) || !(m.get("registries") instanceof YamlNode.Mapping regs)) {
            return;
        }
        for (YamlNode.Entry reg : regs.entries()) {
            if (reg.value() instanceof YamlNode.Mapping r && r.entry("token") != null) {
                YamlNode token = r.get("token");
                if (token instanceof YamlNode.Scalar s && !s.isNull()) {
                    secretPaths.add(List.of("registries", reg.name(), "token"));
                    diags.error(token.location(), "registries." + reg.name()
                            + ".token is written as a literal value; a token must never be stored in the spec",
                            "remove it from the file (and revoke it if it was committed), then write "
                                    + "'token: { env: " + RegistryNames.tokenVariable(reg.name()) + " }', '{ server: <settings.xml server id> }'"
                                    + " or '{ provider: \"cargo:token\" }'");
                }
            }
        }
    }

    private static boolean startsWith(List<Object> path, List<Object> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private Problem describe(YamlNode root, Error e, List<Object> path) {
        YamlNode node = find(root, path);
        Location at = node == null ? root.location() : node.location();
        String where = display(path);
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        JsonNode sub = SchemaIndex.subschema(schemaDoc, path);
        String description = sub == null ? null : SchemaIndex.description(schemaDoc, sub);
        switch (keyword) {
            case "additionalProperties" -> {
                String key = e.getProperty();
                List<Object> keyPath = new ArrayList<>(path);
                keyPath.add(key);
                Location keyAt = keyLocation(root, keyPath, at);
                Set<String> allowed = sub == null ? Set.of() : SchemaIndex.propertyNames(schemaDoc, sub);
                String suggestion = Suggest.closest(key, allowed);
                String hint = suggestion != null ? "did you mean '" + suggestion + "'?"
                        : allowed.isEmpty() ? "remove it" : "allowed keys here: " + String.join(", ", allowed);
                List<Object> meant = null;
                if (suggestion != null) {
                    meant = new ArrayList<>(path);
                    meant.add(suggestion);
                }
                return new Problem(keyAt, "unknown key '" + key + "' in " + (path.isEmpty() ? "the spec" : where), hint,
                        keyPath, meant);
            }
            case "required" -> {
                String key = e.getProperty();
                JsonNode propSchema = sub == null ? null : SchemaIndex.property(schemaDoc, sub, key);
                String d = propSchema == null ? null : SchemaIndex.description(schemaDoc, propSchema);
                return new Problem(at, "missing required key '" + key + "' in " + (path.isEmpty() ? "the spec" : where),
                        "add '" + key + ":'" + (d == null ? "" : ": " + d), path);
            }
            case "propertyNames" -> {
                return new Problem(at, "invalid name '" + e.getProperty() + "' in " + where,
                        description == null ? "rename it" : description, child(path, e.getProperty()));
            }
            case "type" -> {
                String expected = sub == null ? "another type" : TypeHints.expected(schemaDoc, sub);
                return new Problem(at, where + " must be " + expected + ", not " + (node == null ? "this" : node.kind()),
                        sub == null ? description : TypeHints.fix(schemaDoc, sub, node), path);
            }
            case "enum" -> {
                String allowed = sub == null || !sub.has("enum") ? ""
                        : iterate(sub.get("enum")).stream().map(JsonNode::asString).collect(Collectors.joining(", "));
                String sugg = node instanceof YamlNode.Scalar s ? Suggest.closest(s.value(),
                        new LinkedHashSet<>(List.of(allowed.split(", ")))) : null;
                return new Problem(at, where + " must be one of: " + allowed,
                        sugg != null ? "did you mean '" + sugg + "'?" : description, path);
            }
            case "const" -> {
                return new Problem(at, where + " must be " + (sub != null && sub.has("const") ? sub.get("const") : "fixed"),
                        description, path);
            }
            case "uniqueItems" -> {
                if (node instanceof YamlNode.Sequence seq) {
                    Set<String> once = new java.util.HashSet<>();
                    for (YamlNode item : seq.items()) {
                        if (item instanceof YamlNode.Scalar s && !once.add(s.value())) {
                            return new Problem(item.location(), where + " lists '" + s.value() + "' twice",
                                    "remove one of them", path);
                        }
                    }
                }
                return new Problem(at, where + " lists a value twice", "remove one of them", path);
            }
            case "pattern" -> {
                JsonNode format = sub == null ? null : SchemaIndex.deref(schemaDoc, sub);
                String expected = format != null && format.has("description") ? format.get("description").asString()
                        : description;
                return new Problem(at, where + " is not in the expected form", expected, path);
            }
            default -> {
                String msg = e.getMessage() == null ? keyword : e.getMessage();
                int colon = msg.indexOf(": ");
                if (msg.startsWith("$") && colon > 0) {
                    msg = msg.substring(colon + 2);
                }
                return new Problem(at, where + ": " + msg, description, path);
            }
        }
    }

    private static List<Object> child(List<Object> path, String key) {
        List<Object> out = new ArrayList<>(path);
        if (key != null) {
            out.add(key);
        }
        return out;
    }

    private static List<JsonNode> iterate(JsonNode n) {
        List<JsonNode> l = new ArrayList<>();
        n.forEach(l::add);
        return l;
    }

    static List<Object> pathOf(NodePath p) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            out.add(el instanceof Number n ? (Object) n.intValue() : String.valueOf(el));
        }
        return out;
    }

    static String display(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object o : path) {
            if (o instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(o);
            }
        }
        return sb.length() == 0 ? "the spec" : sb.toString();
    }

    static YamlNode find(YamlNode root, List<Object> path) {
        YamlNode cur = root;
        for (Object o : path) {
            if (cur instanceof YamlNode.Mapping m && o instanceof String k) {
                cur = m.get(k);
            } else if (cur instanceof YamlNode.Sequence s && o instanceof Integer i && i < s.items().size()) {
                cur = s.items().get(i);
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    private static Location keyLocation(YamlNode root, List<Object> path, Location fallback) {
        YamlNode parent = find(root, path.subList(0, path.size() - 1));
        if (parent instanceof YamlNode.Mapping m) {
            YamlNode.Entry en = m.entry((String) path.get(path.size() - 1));
            if (en != null) {
                return en.key().location();
            }
        }
        return fallback;
    }
}
