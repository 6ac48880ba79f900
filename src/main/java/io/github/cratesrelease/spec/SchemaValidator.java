package io.github.cratesrelease.spec;

import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a spec tree against {@code release-spec.schema.json} (the copy packaged in the jar, the same file as
 * {@code schema/} in the repository) and turns every schema error into a located, actionable diagnostic.
 */
public final class SchemaValidator {

    public static final String SCHEMA_RESOURCE = "/io/github/cratesrelease/spec/release-spec.schema.json";

    private static volatile SchemaValidator instance;

    private final YamlNode schemaDoc;
    private final SchemaCheck schema;

    private SchemaValidator() {
        String text;
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + SCHEMA_RESOURCE + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schemaDoc = JsonTree.read(Path.of("release-spec.schema.json"), text);  // the tree YamlReader makes of it
        schema = SchemaCheck.of(schemaDoc);
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

    /** The schema document as a YAML tree, for tools and tests (descriptions, property lists). */
    public YamlNode schemaDocument() {
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
        List<SchemaError> errors = schema.check(root);
        Set<String> seen = new LinkedHashSet<>();
        for (SchemaError e : errors) {
            List<Object> path = e.path();
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
     * The check reports each failed branch of an anyOf. When the value has the form of one branch (a list
     * where a list is allowed), that branch's own errors apply; else one message names what is allowed.
     */
    private static boolean alternativeBranch(SchemaError e) {
        return e.branch() != null;
    }

    /** The anyOf's value ({@code path}), the branch an error comes from, and the branch the value's form matches. */
    private record Alternatives(List<Object> path, Integer branch, Integer matched) {
    }

    private Alternatives alternatives(YamlNode root, SchemaError e, List<Object> errorPath) {
        Integer branch = e.branch();
        for (int n = errorPath.size(); n >= 0; n--) {
            List<Object> prefix = errorPath.subList(0, n);
            List<YamlNode> branches = SchemaIndex.alternatives(SchemaIndex.deref(schemaDoc,
                    SchemaIndex.subschema(schemaDoc, prefix)));
            if (!branches.isEmpty()) {
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
    private static boolean hasFormOf(YamlNode node, YamlNode branch) {
        String type = SchemaIndex.get(branch, "type") instanceof YamlNode.Scalar t ? t.value() : "";
        return node instanceof YamlNode.Sequence && type.equals("array")
                || node instanceof YamlNode.Mapping && type.equals("object");
    }

    private Problem describeAlternatives(YamlNode root, List<Object> path) {
        YamlNode node = find(root, path);
        List<YamlNode> branches = SchemaIndex.alternatives(SchemaIndex.deref(schemaDoc,
                SchemaIndex.subschema(schemaDoc, path)));
        List<String> allowed = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (YamlNode branch : branches) {
            YamlNode b = SchemaIndex.deref(schemaDoc, branch);
            if (SchemaIndex.text(b, "const") != null) {
                allowed.add("`" + SchemaIndex.text(b, "const") + "`");
                examples.add(SchemaIndex.text(b, "const"));
            } else if (b != null) {
                YamlNode items = SchemaIndex.get(b, "items");
                String itemName = items == null ? null : TypeHints.expected(schemaDoc, items);
                boolean list = "array".equals(SchemaIndex.text(b, "type"));
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

    private Problem describe(YamlNode root, SchemaError e, List<Object> path) {
        YamlNode node = find(root, path);
        Location at = node == null ? root.location() : node.location();
        String where = display(path);
        String keyword = e.keyword();
        YamlNode sub = SchemaIndex.subschema(schemaDoc, path);
        String description = sub == null ? null : SchemaIndex.description(schemaDoc, sub);
        switch (keyword) {
            case "additionalProperties" -> {
                String key = e.property();
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
                String key = e.property();
                YamlNode propSchema = sub == null ? null : SchemaIndex.property(schemaDoc, sub, key);
                String d = propSchema == null ? null : SchemaIndex.description(schemaDoc, propSchema);
                return new Problem(at, "missing required key '" + key + "' in " + (path.isEmpty() ? "the spec" : where),
                        "add '" + key + ":'" + (d == null ? "" : ": " + d), path);
            }
            case "propertyNames" -> {
                Location keyAt = keyLocation(root, child(path, e.property()), at); // the name itself
                String rule = SchemaIndex.description(schemaDoc, SchemaIndex.get(SchemaIndex.deref(schemaDoc, sub),
                        "propertyNames")); // what a name must be, rather than what the section is for
                return new Problem(keyAt, "invalid name '" + e.property() + "' in " + where,
                        rule != null ? rule : description == null ? "rename it" : description,
                        child(path, e.property()));
            }
            case "type" -> {
                String expected = sub == null ? "another type" : TypeHints.expected(schemaDoc, sub);
                return new Problem(at, where + " must be " + expected + ", not " + (node == null ? "this" : node.kind()),
                        sub == null ? description : TypeHints.fix(schemaDoc, sub, node), path);
            }
            case "enum" -> {
                String allowed = !(SchemaIndex.get(sub, "enum") instanceof YamlNode.Sequence values) ? ""
                        : values.items().stream().map(v -> ((YamlNode.Scalar) v).value())
                                .collect(Collectors.joining(", "));
                String sugg = node instanceof YamlNode.Scalar s ? Suggest.closest(s.value(),
                        new LinkedHashSet<>(List.of(allowed.split(", ")))) : null;
                return new Problem(at, where + " must be one of: " + allowed,
                        sugg != null ? "did you mean '" + sugg + "'?" : description, path);
            }
            case "const" -> {
                YamlNode value = SchemaIndex.get(sub, "const");
                return new Problem(at, where + " must be " + (value instanceof YamlNode.Scalar c ? JsonScalar.of(c).json()
                        : "fixed"),
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
                YamlNode format = sub == null ? null : SchemaIndex.deref(schemaDoc, sub);
                String expected = SchemaIndex.text(format, "description") != null
                        ? SchemaIndex.text(format, "description") : description;
                return new Problem(at, where + " is not in the expected form", expected, path);
            }
            default -> {
                String msg = e.message() == null ? keyword : e.message();
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
