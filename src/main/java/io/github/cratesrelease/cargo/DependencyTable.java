package io.github.cratesrelease.cargo;

import io.github.cratesrelease.toml.TomlTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dependency table of a package manifest: {@code [dependencies]}, {@code [dev-dependencies]},
 * {@code [build-dependencies]} (and cargo's underscore spellings), at the top level or under
 * {@code [target.'cfg(...)']}.
 *
 * @param target the {@code target.<cfg>} key, or null at the top level
 * @param name   the table's name as written
 */
public record DependencyTable(String target, String name, DependencyKind kind, TomlTable table) {

    /** Every table name cargo reads dependencies from, with its kind, in the order they are read. */
    public static final Map<String, DependencyKind> NAMES;

    static {
        Map<String, DependencyKind> m = new LinkedHashMap<>();
        m.put("dependencies", DependencyKind.NORMAL);
        m.put("dev-dependencies", DependencyKind.DEV);
        m.put("dev_dependencies", DependencyKind.DEV);
        m.put("build-dependencies", DependencyKind.BUILD);
        m.put("build_dependencies", DependencyKind.BUILD);
        NAMES = java.util.Collections.unmodifiableMap(m);
    }

    /** The dependency tables of a manifest: the top level's first, then each target's, in file order. */
    public static List<DependencyTable> of(TomlTable manifest) {
        return of(manifest, null);
    }

    /**
     * As {@link #of(TomlTable)}, read through {@code in}: a {@code [target]}, a {@code [target.<cfg>]} or a
     * dependency table that is no table is a located error (when {@code in} is given) and is left out.
     */
    public static List<DependencyTable> of(TomlTable manifest, TomlAccess in) {
        List<DependencyTable> out = new ArrayList<>();
        add(manifest, null, in, out);
        TomlTable targets = table(manifest, "target", "target", in);
        for (String cfg : targets == null ? List.<String>of() : targets.keySet()) {
            TomlTable t = table(targets, cfg, "target." + cfg, in);
            if (t != null) {
                add(t, cfg, in, out);
            }
        }
        return out;
    }

    private static void add(TomlTable owner, String target, TomlAccess in, List<DependencyTable> out) {
        NAMES.forEach((name, kind) -> {
            TomlTable t = table(owner, name, target == null ? name : "target." + target + "." + name, in);
            if (t != null) {
                out.add(new DependencyTable(target, name, kind, t));
            }
        });
    }

    private static TomlTable table(TomlTable owner, String key, String shown, TomlAccess in) {
        if (in != null) {
            return in.table(owner, key, shown);
        }
        return owner.get(List.of(key)) instanceof TomlTable t ? t : null;
    }

    /** The key path of an entry of this table from the manifest's root, for positions. */
    public List<String> keyPath(String key) {
        return target == null ? List.of(name, key) : List.of("target", target, name, key);
    }

    /** For messages: {@code [dependencies]}, {@code [target.'cfg(unix)'.dev-dependencies]}. */
    public String label() {
        return target == null ? "[" + name + "]" : "[target.'" + target + "'." + name + "]";
    }
}
