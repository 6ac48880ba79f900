package io.github.cratesrelease.spec;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.spec.ReleaseSpec.Bucket;
import io.github.cratesrelease.spec.ReleaseSpec.RateLimitSpec;
import io.github.cratesrelease.spec.ReleaseSpec.Patch;
import io.github.cratesrelease.spec.ReleaseSpec.RedistSpec;
import io.github.cratesrelease.spec.ReleaseSpec.ReleaseRules;
import io.github.cratesrelease.spec.ReleaseSpec.TagsSpec;
import io.github.cratesrelease.spec.ReleaseSpec.TokenRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Models the spec sections the release steps read ({@code rate-limits}, {@code release}, {@code tags}, {@code post-publish},
 * {@code redist}) from a tree the schema has accepted; nothing outside this package reads the raw tree.
 */
final class SpecSections {

    private SpecSections() {
    }

    static Map<String, RateLimitSpec> rateLimits(YamlNode.Mapping root) {
        Map<String, RateLimitSpec> m = new LinkedHashMap<>();
        if (root.get("rate-limits") instanceof YamlNode.Mapping rl) {
            for (YamlNode.Entry e : rl.entries()) {
                if (e.value() instanceof YamlNode.Mapping r) {
                    m.put(e.name(), new RateLimitSpec(e.name(), bucket(r.get("new-crates")),
                            bucket(r.get("new-versions")), e.key().location()));
                }
            }
        }
        return m;
    }

    private static Bucket bucket(YamlNode n) {
        if (n instanceof YamlNode.Mapping b && b.string("burst") != null && b.string("interval") != null) {
            return new Bucket((int) integer(b.get("burst"), "burst", 1, Integer.MAX_VALUE), duration(b, "interval"));
        }
        return null;
    }

    static ReleaseRules release(YamlNode.Mapping root) {
        YamlNode.Entry entry = root.entry("release");
        if (entry == null || !(entry.value() instanceof YamlNode.Mapping r)) {
            return ReleaseRules.ANY;
        }
        return new ReleaseRules(strings(r.get("branches")), entry.key().location());
    }

    static TagsSpec tags(YamlNode.Mapping root) {
        YamlNode.Entry entry = root.entry("tags");
        if (entry == null || !(entry.value() instanceof YamlNode.Mapping t)) {
            return TagsSpec.DEFAULT;
        }
        boolean workspace = "workspace".equals(t.string("scope"));
        String name = t.string("name");
        String message = t.string("message");
        boolean sign = bool(t, "sign", false);
        return new TagsSpec(bool(t, "enabled", true),
                name != null ? name : workspace ? "v{version}" : TagsSpec.DEFAULT.name(), workspace,
                sign || bool(t, "annotated", true),
                message != null ? message : workspace ? "Release {version}: {crates}" : TagsSpec.DEFAULT.message(),
                sign, t.string("push"), entry.key().location());
    }

    /** A {@code post-publish} list (top level: {@code crate} null). */
    static List<ActionSpec> actions(YamlNode n, String crate) {
        List<ActionSpec> actions = new ArrayList<>();
        if (n instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Mapping a && a.entries().size() == 1) {
                    actions.add(action(a.entries().get(0), crate, actions.size()));
                }
            }
        }
        return List.copyOf(actions);
    }

    private static ActionSpec action(YamlNode.Entry e, String crate, int index) {
        Location at = e.key().location();
        YamlNode.Mapping m = e.value() instanceof YamlNode.Mapping x ? x : new YamlNode.Mapping(List.of(), at);
        return switch (e.name()) {
            case "verify" -> new ActionSpec.Verify(m.string("timeout") == null ? ActionSpec.Verify.DEFAULT_TIMEOUT
                    : duration(m, "timeout"), crate, index, at);
            case "cargo-install" -> new ActionSpec.CargoInstall(m.string("crate"), m.string("bin"),
                    m.get("run") == null ? List.of("--version") : strings(m.get("run")), crate, index, at);
            case "webhook" -> new ActionSpec.Webhook(m.string("url"), m.get("secret") instanceof YamlNode.Mapping sec
                    ? sec.string("env") : null, crate, index, at);
            case "github-release" -> new ActionSpec.GithubRelease(m.string("repo"), token(m.get("token")),
                    m.string("api-url"), m.string("prerelease") == null ? null : bool(m, "prerelease", false), crate,
                    index, at);
            case "run" -> new ActionSpec.Run(strings(e.value()), crate, index, at);
            default -> throw new IllegalStateException("the schema admits no action `" + e.name() + "`");
        };
    }

    /** A {@code token} reference, or null. */
    static TokenRef token(YamlNode n) {
        if (n instanceof YamlNode.Mapping t && !t.entries().isEmpty()
                && t.entries().get(0).value() instanceof YamlNode.Scalar v) {
            return new TokenRef(TokenRef.Kind.valueOf(t.entries().get(0).name().toUpperCase(Locale.ROOT)), v.value());
        }
        return null;
    }

    static List<RedistSpec> redist(YamlNode.Mapping root) {
        List<RedistSpec> sources = new ArrayList<>();
        if (root.get("redist") instanceof YamlNode.Sequence seq) {
            for (YamlNode n : seq.items()) {
                if (n instanceof YamlNode.Mapping r) {
                    List<Patch> patches = new ArrayList<>();
                    if (r.get("patches") instanceof YamlNode.Mapping pm) {
                        for (YamlNode.Entry c : pm.entries()) {
                            patches.addAll(patches(c));
                        }
                    }
                    YamlNode.Entry rev = r.entry("rev");
                    sources.add(new RedistSpec(r.string("name"), r.string("git"), r.string("rev"),
                            strings(r.get("crates")), r.string("registry"), r.string("version"), List.copyOf(patches),
                            r.location(), rev == null ? r.location() : rev.value().location()));
                }
            }
        }
        return List.copyOf(sources);
    }

    private static List<Patch> patches(YamlNode.Entry crate) {
        List<Patch> out = new ArrayList<>();
        if (!(crate.value() instanceof YamlNode.Mapping m)) {
            return out;
        }
        if (m.get("package") instanceof YamlNode.Mapping pkg) {
            for (YamlNode.Entry e : pkg.entries()) {
                out.add(new Patch(crate.name(), null, e.name(), value(e.value(), e.name()), e.key().location()));
            }
        }
        if (m.get("dependencies") instanceof YamlNode.Mapping deps) {
            for (YamlNode.Entry d : deps.entries()) {
                if (d.value() instanceof YamlNode.Mapping keys) {
                    for (YamlNode.Entry e : keys.entries()) {
                        out.add(new Patch(crate.name(), d.name(), e.name(), value(e.value(), e.name()), e.key().location()));
                    }
                }
            }
        }
        return out;
    }

    /** A patch value the schema admitted: string, boolean, integer or list of strings. */
    private static Object value(YamlNode n, String key) {
        if (n instanceof YamlNode.Sequence) {
            return strings(n);
        }
        YamlNode.Scalar s = (YamlNode.Scalar) n;
        return switch (s.type()) {
            case BOOLEAN -> Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT));
            case INTEGER -> integer(s, key, Long.MIN_VALUE, Long.MAX_VALUE); // TOML's integers: i64
            default -> s.value();
        };
    }

    private static boolean bool(YamlNode.Mapping m, String key, boolean fallback) {
        String v = m.string(key);
        return v == null ? fallback : Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
    }

    private static List<String> strings(YamlNode n) {
        List<String> out = new ArrayList<>();
        if (n instanceof YamlNode.Sequence s) {
            for (YamlNode i : s.items()) {
                if (i instanceof YamlNode.Scalar sc && !sc.isNull()) {
                    out.add(sc.value());
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * An integer scalar in YAML's forms (1_000, 0x1f, 0o17), range-checked: a located error when it is not an integer
     * or lies outside {@code min..max}.
     */
    static long integer(YamlNode n, String what, long min, long max) {
        String v = n instanceof YamlNode.Scalar s ? s.value() : null;
        java.math.BigInteger b = null;
        try {
            String t = v == null ? "" : v.replace("_", "");
            boolean neg = t.startsWith("-");
            t = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            b = t.startsWith("0x") ? new java.math.BigInteger(t.substring(2), 16)
                    : t.startsWith("0o") ? new java.math.BigInteger(t.substring(2), 8) : new java.math.BigInteger(t);
            b = neg ? b.negate() : b;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        if (b == null || b.compareTo(java.math.BigInteger.valueOf(min)) < 0
                || b.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            throw new ReleaseException(Diagnostic.error(n.location(), "'" + what + "' must be an integer from " + min
                    + " to " + max + ", found " + (v == null ? n.kind() : "'" + v + "'"), "write a number in that range"));
        }
        return b.longValue();
    }

    /** The duration at {@code key} of {@code m} (present): a located error when it does not parse or overflows. */
    static java.time.Duration duration(YamlNode.Mapping m, String key) {
        try {
            return Durations.parse(m.string(key));
        } catch (IllegalArgumentException e) {
            YamlNode.Entry entry = m.entry(key);
            throw new ReleaseException(Diagnostic.error(entry == null ? m.location() : entry.key().location(),
                    "'" + key + "': " + e.getMessage(), "write a duration such as 30s, 10m or 1h30m"));
        }
    }
}
