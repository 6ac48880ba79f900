package io.github.cratesrelease.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Specs generated from the release-spec schema itself (every keyword it uses, every branch, random optional keys),
 * broken on purpose by {@link #mutate}, and written as YAML (flow style: JSON with plain YAML scalars such as
 * {@code 0x1F}, {@code .nan}, {@code ~}) for {@link SchemaCheckOracleTest}. A tree is made of {@code Map}s,
 * {@code List}s and {@link Tok}s.
 */
final class SpecInstances {

    /** A scalar as written: quoted (a YAML string) or plain (typed by YAML: 1, 1.0, true, ~, .nan, a word). */
    record Tok(String text, boolean quoted) {
        static Tok str(String s) {
            return new Tok(s, true);
        }

        static Tok plain(String s) {
            return new Tok(s, false);
        }
    }

    /** Valid strings for each pattern of the schema; a new pattern without examples fails the generation. */
    private static final Map<String, List<String>> EXAMPLES = Map.of(
            "^[A-Za-z0-9][A-Za-z0-9_-]*$", List.of("crates-io", "my_reg", "9reg"),
            "^[A-Za-z][A-Za-z0-9_-]{0,63}$", List.of("my-core", "a", "Core_2", "c" + "x".repeat(63)),
            "^([0-9]+(ms|s|m|h))+$", List.of("10m", "500ms", "1m30s", "2h"),
            "^[A-Za-z0-9_.-]+$", List.of("mshv", "rust-vmm.x"),
            "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$",
            List.of("1.2.3", "0.1.0-alpha.1+build.5"),
            "^https?://", List.of("https://example.com/hook", "http://127.0.0.1:1/"),
            "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", List.of("owner/name", "rust-vmm/mshv"),
            "^[A-Za-z_][A-Za-z0-9_]*$", List.of("MY_TOKEN", "_X1"),
            "^(sparse\\+)?(https?|file|ssh|git)://", List.of("sparse+https://example.com/index/",
                    "https://github.com/rust-lang/crates.io-index", "file:///tmp/x", "ssh://git@host/x"),
            "\\{version\\}", List.of("## [{version}] - {date}", "v{version}"));
    private static final List<String> WORDS = List.of("x", "Release {crates}", "origin", "main", "release/*",
            "--version", "CHANGELOG.md");

    /** Scalars that break something somewhere: wrong types, YAML's typed plain words, strings outside patterns. */
    private static final List<Tok> ODD = List.of(Tok.plain("1"), Tok.plain("1.0"), Tok.plain("0.5"),
            Tok.plain("-3"), Tok.plain("0"), Tok.plain("2"), Tok.plain("true"), Tok.plain("False"), Tok.plain("~"),
            Tok.plain("null"), Tok.plain(".nan"), Tok.plain("-.inf"), Tok.plain("0x1F"), Tok.plain("0o17"),
            Tok.plain("1e3"), Tok.plain("+1"), Tok.plain("yes"), Tok.plain("auto"), Tok.plain("10m"),
            Tok.str(""), Tok.str(" "), Tok.str("-x"), Tok.str("x y"), Tok.str("1abc"), Tok.str("my-crate\n"),
            Tok.str("a".repeat(70)), Tok.str("10"), Tok.str("10 m"), Tok.str("ftp://x"), Tok.str("auto"),
            Tok.str("AUTO"), Tok.str("shared"), Tok.str("fixed"), Tok.str("é"), Tok.str("{version}"),
            Tok.str("1.2"), Tok.str("true"), Tok.str("MY TOKEN"));
    private static final List<String> ODD_KEYS = List.of("zz", "-bad", "1x", "has space", "", "Crates", "registy",
            "post_publish", "ñ");

    private final YamlNode doc;
    private final Random random;

    SpecInstances(YamlNode schemaDoc, long seed) {
        this.doc = schemaDoc;
        this.random = new Random(seed);
    }

    /** A spec valid by construction. */
    Object valid() {
        return generate(doc, 0);
    }

    private Object generate(YamlNode schema, int depth) {
        YamlNode s = SchemaIndex.deref(doc, schema);
        if (SchemaIndex.get(s, "const") instanceof YamlNode.Scalar c) {
            return token(c);
        }
        if (SchemaIndex.get(s, "enum") instanceof YamlNode.Sequence e) {
            return token((YamlNode.Scalar) pick(e.items()));
        }
        if (SchemaIndex.get(s, "anyOf") instanceof YamlNode.Sequence any) {
            return generate(pick(any.items()), depth);
        }
        List<String> types = new ArrayList<>(SchemaIndex.types(s));
        String type = types.isEmpty() ? "object" : pick(types);
        if (depth > 6 && types.contains("null")) {
            type = "null";
        }
        return switch (type) {
            case "object" -> object(s, depth);
            case "array" -> array(s, depth);
            case "string" -> string(s);
            case "integer" -> Tok.plain(String.valueOf(minimum(s) + random.nextInt(5)));
            case "boolean" -> Tok.plain(random.nextBoolean() ? "true" : "false");
            case "null" -> Tok.plain(random.nextBoolean() ? "~" : "null");
            default -> throw new IllegalStateException("no generator for type " + type);
        };
    }

    private Map<String, Object> object(YamlNode s, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> props = new ArrayList<>(SchemaIndex.propertyNames(doc, s));
        List<String> required = new ArrayList<>();
        if (SchemaIndex.get(s, "required") instanceof YamlNode.Sequence r) {
            r.items().forEach(n -> required.add(((YamlNode.Scalar) n).value()));
        }
        boolean exactlyOne = SchemaIndex.get(s, "maxProperties") != null;
        if (exactlyOne) {
            String k = pick(props);
            out.put(k, generate(SchemaIndex.property(doc, s, k), depth + 1));
            return out;
        }
        for (String k : props) {
            if (required.contains(k) || random.nextInt(depth < 2 ? 3 : 2) != 0) {
                out.put(k, generate(SchemaIndex.property(doc, s, k), depth + 1));
            }
        }
        if (SchemaIndex.get(s, "additionalProperties") instanceof YamlNode.Mapping values) {
            YamlNode names = SchemaIndex.get(s, "propertyNames");
            int n = random.nextInt(depth < 2 ? 5 : 3);
            for (int i = 0; i < n; i++) {
                String name = names == null ? "k" + random.nextInt(4) : string(SchemaIndex.deref(doc, names)).text();
                out.put(name, generate(values, depth + 1));
            }
        }
        return out;
    }

    private List<Object> array(YamlNode s, int depth) {
        YamlNode items = SchemaIndex.get(s, "items");
        int min = SchemaIndex.get(s, "minItems") == null ? 0 : Integer.parseInt(SchemaIndex.text(s, "minItems"));
        int n = min + random.nextInt(3);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n * 3 && out.size() < n; i++) {
            Object item = items == null ? Tok.str("x" + i) : generate(items, depth + 1);
            if (SchemaIndex.get(s, "uniqueItems") == null || !out.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }

    private Tok string(YamlNode s) {
        String pattern = SchemaIndex.text(s, "pattern");
        if (pattern == null) {
            return Tok.str(pick(WORDS));
        }
        List<String> examples = EXAMPLES.get(pattern);
        if (examples == null) {
            throw new IllegalStateException("no example strings for the schema's pattern " + pattern);
        }
        return Tok.str(pick(examples));
    }

    private static int minimum(YamlNode s) {
        String min = SchemaIndex.text(s, "minimum");
        return min == null ? 0 : Integer.parseInt(min);
    }

    private static Tok token(YamlNode.Scalar c) {
        return c.type() == YamlNode.ScalarType.STRING ? Tok.str(c.value()) : Tok.plain(c.value());
    }

    /** Breaks {@code root} in 1 to 3 places (replaced values, unknown or removed keys, repeated or no items). */
    Object mutate(Object root) {
        Object[] holder = {root};
        int times = 1 + random.nextInt(3);
        for (int t = 0; t < times; t++) {
            List<Object[]> slots = new ArrayList<>(); // {container, key or index}
            slots.add(new Object[] {holder, 0});
            collect(holder[0], slots);
            Object[] slot = pick(slots);
            Object value = get(slot);
            int op = random.nextInt(10);
            if (value instanceof Map<?, ?> m && op < 4) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                if (op < 2 || map.isEmpty()) {
                    map.put(pick(ODD_KEYS), pick(ODD));
                } else {
                    map.remove(pick(new ArrayList<>(map.keySet())));
                }
            } else if (value instanceof List<?> l && op < 4) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) l;
                if (op < 2 && !list.isEmpty()) {
                    list.add(list.get(0));
                } else if (op == 2) {
                    list.clear();
                } else {
                    list.add(pick(ODD));
                }
            } else {
                set(slot, switch (random.nextInt(8)) {
                    case 0 -> new LinkedHashMap<>(Map.of(pick(ODD_KEYS), pick(ODD)));
                    case 1 -> new ArrayList<>(List.of(pick(ODD)));
                    case 2 -> new LinkedHashMap<>();
                    case 3 -> new ArrayList<>();
                    default -> pick(ODD);
                });
            }
        }
        return holder[0];
    }

    private static void collect(Object node, List<Object[]> slots) {
        if (node instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                slots.add(new Object[] {m, k});
                collect(m.get(k), slots);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                slots.add(new Object[] {l, i});
                collect(l.get(i), slots);
            }
        }
    }

    private static Object get(Object[] slot) {
        return slot[0] instanceof Object[] h ? h[0] : slot[0] instanceof Map<?, ?> m ? m.get(slot[1])
                : ((List<?>) slot[0]).get((Integer) slot[1]);
    }

    @SuppressWarnings("unchecked")
    private static void set(Object[] slot, Object value) {
        if (slot[0] instanceof Object[] h) {
            h[0] = value;
        } else if (slot[0] instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(slot[1], value);
        } else {
            ((List<Object>) slot[0]).set((Integer) slot[1], value);
        }
    }

    /** The tree as YAML text (flow style). */
    static String yaml(Object node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.append('\n').toString();
    }

    private static void write(Object node, StringBuilder sb) {
        if (node instanceof Map<?, ?> m) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sep).append(quote((String) e.getKey())).append(": ");
                write(e.getValue(), sb);
                sep = ", ";
            }
            sb.append('}');
        } else if (node instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                write(l.get(i), sb);
            }
            sb.append(']');
        } else {
            Tok t = (Tok) node;
            sb.append(t.quoted() ? quote(t.text()) : t.text());
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
