package io.github.cratesrelease.publish;

import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.semver.VersionReq;
import io.github.cratesrelease.toml.Toml;
import io.github.cratesrelease.toml.TomlArray;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON cargo sends with {@code PUT /api/v1/crates/new}, derived from the packaged (normalized) Cargo.toml
 * inside a {@code .crate}, field for field and in cargo's order (cargo's {@code prepare_transmit}).
 */
public final class PublishMetadata {

    /** The index URL cargo uses for crates.io in the {@code registry} field of a dependency. */
    public static final String CRATES_IO_INDEX = "https://github.com/rust-lang/crates.io-index";

    private PublishMetadata() {
    }

    /**
     * @param targetIndex the index URL of the registry being published to (as cargo knows it, e.g.
     *                    {@code sparse+http://127.0.0.1:1234/index/}), or null for crates.io
     */
    public static String of(CrateArchive crate, String targetIndex) {
        TomlParseResult toml = Toml.parse(crate.manifestText());
        if (toml.hasErrors()) {
            throw new IllegalStateException("packaged Cargo.toml in " + crate.file() + " does not parse: "
                    + toml.errors().get(0));
        }
        TomlTable pkg = toml.getTable("package");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", pkg.getString("name"));
        m.put("vers", pkg.getString("version"));
        m.put("deps", dependencies(toml, targetIndex == null ? CRATES_IO_INDEX : targetIndex));
        m.put("features", features(toml.getTable("features")));
        m.put("authors", strings(pkg.getArray("authors")));
        m.put("description", pkg.getString("description"));
        m.put("documentation", pkg.getString("documentation"));
        m.put("homepage", pkg.getString("homepage"));
        String readmeFile = pkg.get("readme") instanceof String s ? s : null;
        String readme = null;
        if (readmeFile != null) {
            byte[] content = crate.entry(readmeFile.replace('\\', '/'));
            readme = content == null ? null : new String(content, StandardCharsets.UTF_8);
        }
        m.put("readme", readme);
        m.put("readme_file", readmeFile);
        m.put("keywords", strings(pkg.getArray("keywords")));
        m.put("categories", strings(pkg.getArray("categories")));
        m.put("license", pkg.getString("license"));
        m.put("license_file", pkg.getString("license-file"));
        m.put("repository", pkg.getString("repository"));
        m.put("badges", badges(toml.getTable("badges")));
        m.put("links", pkg.getString("links"));
        m.put("rust_version", pkg.getString("rust-version"));
        return JsonText.compact(m);
    }

    private static List<Object> dependencies(TomlParseResult toml, String targetIndex) {
        List<Object> deps = new ArrayList<>();
        gather(deps, toml.getTable("dependencies"), "normal", null, targetIndex);
        gather(deps, table(toml, "dev-dependencies", "dev_dependencies"), "dev", null, targetIndex);
        gather(deps, table(toml, "build-dependencies", "build_dependencies"), "build", null, targetIndex);
        TomlTable targets = toml.getTable("target");
        if (targets != null) {
            for (String platform : new TreeMap<>(targets.toMap()).keySet()) {
                TomlTable t = targets.getTable(List.of(platform));
                String shown = Platforms.display(platform);
                gather(deps, t.getTable(List.of("dependencies")), "normal", shown, targetIndex);
                gather(deps, table(t, "build-dependencies", "build_dependencies"), "build", shown, targetIndex);
                gather(deps, table(t, "dev-dependencies", "dev_dependencies"), "dev", shown, targetIndex);
            }
        }
        return deps;
    }

    private static TomlTable table(TomlTable t, String key, String alias) {
        TomlTable x = t.getTable(List.of(key));
        return x != null ? x : t.getTable(List.of(alias));
    }

    private static void gather(List<Object> out, TomlTable table, String kind, String target, String targetIndex) {
        if (table == null) {
            return;
        }
        for (String nameInToml : new TreeMap<>(table.toMap()).keySet()) {
            Object v = table.get(List.of(nameInToml));
            String req;
            List<String> features = List.of();
            boolean optional = false;
            boolean defaultFeatures = true;
            String pkgName = null;
            String registryIndex = null;
            if (v instanceof String s) {
                req = s;
            } else if (v instanceof TomlTable d) {
                req = d.getString("version");
                features = strings(d.getArray("features"));
                optional = Boolean.TRUE.equals(d.getBoolean("optional"));
                Boolean df = d.getBoolean("default-features");
                if (df == null) {
                    df = d.getBoolean("default_features");
                }
                defaultFeatures = df == null || df;
                pkgName = d.getString("package");
                registryIndex = d.getString("registry-index");
            } else {
                continue;
            }
            Map<String, Object> dep = new LinkedHashMap<>();
            dep.put("optional", optional);
            dep.put("default_features", defaultFeatures);
            dep.put("name", pkgName != null ? pkgName : nameInToml);
            dep.put("features", features);
            dep.put("version_req", req == null ? "*" : VersionReq.parse(req).toCargoString());
            dep.put("target", target);
            dep.put("kind", kind);
            String depIndex = registryIndex != null ? registryIndex : CRATES_IO_INDEX;
            if (!sameIndex(depIndex, targetIndex)) {
                dep.put("registry", depIndex);
            }
            if (pkgName != null) {
                dep.put("explicit_name_in_toml", nameInToml);
            }
            out.add(dep);
        }
    }

    /** Index URLs compared as cargo's canonical URLs: no trailing slash, case-insensitive scheme and host. */
    static boolean sameIndex(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        return u.toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> features(TomlTable t) {
        Map<String, Object> out = new TreeMap<>();
        if (t != null) {
            for (String k : t.keySet()) {
                out.put(k, strings(t.getArray(List.of(k))));
            }
        }
        return out;
    }

    private static Map<String, Object> badges(TomlTable t) {
        Map<String, Object> out = new TreeMap<>();
        if (t != null) {
            for (String k : t.keySet()) {
                Map<String, Object> inner = new TreeMap<>();
                TomlTable b = t.getTable(List.of(k));
                if (b != null) {
                    for (String ik : b.keySet()) {
                        Object val = b.get(List.of(ik));
                        inner.put(ik, String.valueOf(val));
                    }
                }
                out.put(k, inner);
            }
        }
        return out;
    }

    private static List<String> strings(TomlArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (int i = 0; i < a.size(); i++) {
                out.add(String.valueOf(a.get(i)));
            }
        }
        return out;
    }
}
