package io.github.cratesrelease.cargo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlTable;

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
        List<DependencyTable> out = new ArrayList<>();
        add(manifest, null, out);
        if (manifest.get(List.of("target")) instanceof TomlTable targets) {
            for (String cfg : targets.keySet()) {
                if (targets.get(List.of(cfg)) instanceof TomlTable t) {
                    add(t, cfg, out);
                }
            }
        }
        return out;
    }

    private static void add(TomlTable owner, String target, List<DependencyTable> out) {
        NAMES.forEach((name, kind) -> {
            if (owner.get(List.of(name)) instanceof TomlTable t) {
                out.add(new DependencyTable(target, name, kind, t));
            }
        });
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
