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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    /** Validates {@code root}; adds one diagnostic per problem to {@code diags}. */
    public void validate(YamlNode root, Diagnostics diags) {
        List<List<Object>> secretPaths = new ArrayList<>();
        checkTokenLiterals(root, diags, secretPaths);
        List<Error> errors = schema.validate(toJson(root));
        Set<String> seen = new LinkedHashSet<>();
        for (Error e : errors) {
            List<Object> path = pathOf(e.getInstanceLocation());
            if (secretPaths.stream().anyMatch(p -> startsWith(path, p))) {
                continue; // already reported without repeating the value
            }
            Problem p = alternativeBranch(e) ? describeAlternatives(root, path) : describe(root, e, path);
            if (seen.add(p.location + "|" + p.message)) {
                diags.error(p.location, p.message, p.hint);
            }
        }
    }

    /**
     * networknt reports each failed branch of an anyOf/oneOf; a user needs one message per value, with the
     * property's description as the way to fix it.
     */
    private static boolean alternativeBranch(Error e) {
        String ep = e.getEvaluationPath().toString();
        return ep.contains("/anyOf/") || ep.contains("/oneOf/");
    }

    private Problem describeAlternatives(YamlNode root, List<Object> path) {
        YamlNode node = find(root, path);
        JsonNode sub = SchemaIndex.subschema(schemaDoc, path);
        return new Problem(node == null ? root.location() : node.location(),
                display(path) + " has a value that is not allowed", sub == null ? null : SchemaIndex.description(schemaDoc, sub));
    }

    private record Problem(Location location, String message, String hint) {
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
                return new Problem(keyAt, "unknown key '" + key + "' in " + (path.isEmpty() ? "the spec" : where), hint);
            }
            case "required" -> {
                String key = e.getProperty();
                JsonNode propSchema = sub == null ? null : SchemaIndex.property(schemaDoc, sub, key);
                String d = propSchema == null ? null : SchemaIndex.description(schemaDoc, propSchema);
                return new Problem(at, "missing required key '" + key + "' in " + (path.isEmpty() ? "the spec" : where),
                        "add '" + key + ":'" + (d == null ? "" : ": " + d));
            }
            case "propertyNames" -> {
                return new Problem(at, "invalid name '" + e.getProperty() + "' in " + where,
                        description == null ? "rename it" : description);
            }
            case "type" -> {
                String expected = sub == null ? "another type" : SchemaIndex.typeNames(schemaDoc, sub);
                return new Problem(at, where + " must be " + expected + ", not " + (node == null ? "this" : node.kind()),
                        description);
            }
            case "enum" -> {
                String allowed = sub == null || !sub.has("enum") ? ""
                        : iterate(sub.get("enum")).stream().map(JsonNode::asString).collect(Collectors.joining(", "));
                String sugg = node instanceof YamlNode.Scalar s ? Suggest.closest(s.value(),
                        new LinkedHashSet<>(List.of(allowed.split(", ")))) : null;
                return new Problem(at, where + " must be one of: " + allowed,
                        sugg != null ? "did you mean '" + sugg + "'?" : description);
            }
            case "const" -> {
                return new Problem(at, where + " must be " + (sub != null && sub.has("const") ? sub.get("const") : "fixed"),
                        description);
            }
            case "pattern" -> {
                JsonNode format = sub == null ? null : SchemaIndex.deref(schemaDoc, sub);
                String expected = format != null && format.has("description") ? format.get("description").asString()
                        : description;
                return new Problem(at, where + " is not in the expected form", expected);
            }
            default -> {
                String msg = e.getMessage() == null ? keyword : e.getMessage();
                int colon = msg.indexOf(": ");
                if (msg.startsWith("$") && colon > 0) {
                    msg = msg.substring(colon + 2);
                }
                return new Problem(at, where + ": " + msg, description);
            }
        }
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

    /** The YAML tree as JSON for the validator. */
    static JsonNode toJson(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YamlNode.Mapping m) {
            ObjectNode o = f.objectNode();
            for (YamlNode.Entry e : m.entries()) {
                o.set(e.name(), toJson(e.value()));
            }
            return o;
        }
        if (node instanceof YamlNode.Sequence s) {
            ArrayNode a = f.arrayNode();
            for (YamlNode n : s.items()) {
                a.add(toJson(n));
            }
            return a;
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return switch (s.type()) {
            case NULL -> f.nullNode();
            case BOOLEAN -> f.booleanNode(s.value().equalsIgnoreCase("true"));
            case INTEGER -> integer(s.value());
            case FLOAT -> floating(s.value());
            case STRING -> f.stringNode(s.value());
        };
    }

    private static JsonNode integer(String v) {
        String t = v.replace("_", "");
        boolean neg = t.startsWith("-");
        if (t.startsWith("+") || neg) {
            t = t.substring(1);
        }
        BigInteger b;
        if (t.startsWith("0x")) {
            b = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            b = new BigInteger(t.substring(2), 8);
        } else {
            b = new BigInteger(t);
        }
        return JsonNodeFactory.instance.numberNode(neg ? b.negate() : b);
    }

    private static JsonNode floating(String v) {
        String t = v.toLowerCase(Locale.ROOT);
        if (t.endsWith(".nan") || t.endsWith(".inf")) {
            return JsonNodeFactory.instance.stringNode(v); // not representable in JSON: let the schema reject it
        }
        return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(t));
    }
}
