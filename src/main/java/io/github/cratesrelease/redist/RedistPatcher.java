package io.github.cratesrelease.redist;

import io.github.cratesrelease.cargo.CargoDependency;
import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.DependencyKind;
import io.github.cratesrelease.cargo.DependencyTable;
import io.github.cratesrelease.cargo.TomlEditor;
import io.github.cratesrelease.cargo.WorkspaceLoader;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.spec.ReleaseSpec.Patch;
import io.github.cratesrelease.spec.ReleaseSpec.RedistSpec;
import io.github.cratesrelease.toml.TomlTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The seed's hand patch, done for you, with the shared format-preserving TOML editor: every dependency among the
 * redistributed crates gets {@code version} (the sibling's) and {@code registry} (the target); a dependency on
 * another package of the repository is an error; the declared patches and a version override are applied; each
 * manifest records its provenance in {@code [package.metadata.redist]}.
 */
final class RedistPatcher {

    private final RedistSpec source;
    private final String registry;
    private final String url;
    private final String commit;
    /** manifest → its editor, in the order files are first touched */
    private final Map<Path, TomlEditor> editors = new LinkedHashMap<>();

    RedistPatcher(RedistSpec source, String registry, String url, String commit) {
        this.source = source;
        this.registry = registry;
        this.url = url;
        this.commit = commit;
    }

    /** The upstream workspace (or package) in {@code dir}: every package of the repository that cargo sees. */
    static CargoWorkspace upstream(Path dir) {
        return new WorkspaceLoader().load(dir);
    }

    /** Patches the manifests in memory; returns file → {before, after}; throws with every problem located. */
    Map<Path, String[]> patch(CargoWorkspace ws) {
        Diagnostics d = new Diagnostics();
        Map<String, CargoPackage> listed = new LinkedHashMap<>();
        for (String name : source.crates()) {
            Optional<CargoPackage> p = ws.member(name);
            if (p.isEmpty()) {
                d.error(source.location(), "redist source " + source.name() + " lists " + name + ", which is not a "
                        + "package of " + url + " at " + commit.substring(0, 12), "packages there: " + ws.members()
                                .stream().map(CargoPackage::name).collect(Collectors.joining(", ")));
            } else {
                listed.put(name, p.get());
            }
        }
        d.throwIfErrors("redist source " + source.name() + " cannot be prepared; nothing was uploaded");
        for (CargoPackage p : listed.values()) {
            for (CargoDependency dep : p.dependencies()) {
                Optional<CargoPackage> sibling = ws.target(dep);
                if (sibling.isEmpty() || dep.path() == null) {
                    continue;
                }
                boolean kept = dep.kind() != DependencyKind.DEV || dep.req() != null;
                if (!kept) {
                    continue;  // an unversioned path dev-dependency: cargo strips it when packaging
                }
                CargoPackage s = sibling.get();
                if (!listed.containsKey(s.name())) {
                    d.error(dep.location(), p.name() + " depends on " + s.name() + ", a package of the same repository "
                            + "that redist source " + source.name() + " does not republish",
                            "add it to crates: of the source, or patch it out upstream");
                    continue;
                }
                String version = source.version() != null ? source.version() : s.version();
                setInDependency(ws, p, dep, "version", TomlEditor.quote(version));
                setInDependency(ws, p, dep, "registry", TomlEditor.quote(registry));
            }
        }
        d.throwIfErrors("redist source " + source.name() + " cannot be prepared; nothing was uploaded");
        for (Patch patch : source.patches()) {
            CargoPackage p = listed.get(patch.crate());
            if (patch.dependency() == null) {
                TomlTable pkg = editor(p.manifest()).toml().getTable("package");
                editor(p.manifest()).set(pkg, patch.key(), raw(patch.value()));
            } else {
                List<CargoDependency> deps = p.dependencies().stream().filter(x -> x.key().equals(patch.dependency()))
                        .toList();
                if (deps.isEmpty()) {
                    d.error(patch.location(), "the patch names dependency " + patch.dependency() + ", which "
                            + p.name() + " does not have", "dependencies of " + p.name() + ": " + p.dependencies()
                                    .stream().map(CargoDependency::key).distinct().collect(Collectors.joining(", ")));
                }
                for (CargoDependency dep : deps) {
                    setInDependency(ws, p, dep, patch.key(), raw(patch.value()));
                }
            }
        }
        d.throwIfErrors("redist source " + source.name() + " cannot be prepared; nothing was uploaded");
        for (CargoPackage p : listed.values()) {
            if (source.version() != null) {
                setVersion(ws, p);
            }
            Map<String, String> provenance = new LinkedHashMap<>();
            provenance.put("source", TomlEditor.quote(url));
            provenance.put("commit", TomlEditor.quote(commit));
            editor(p.manifest()).appendTable("package.metadata.redist", provenance);
        }
        Map<Path, String[]> out = new LinkedHashMap<>();
        editors.forEach((file, e) -> {
            if (e.changed()) {
                out.put(file, new String[] {read(file), e.result()});
            }
        });
        return out;
    }

    /** Sets a key in a dependency's entry: its own table, or the root's [workspace.dependencies] when inherited. */
    private void setInDependency(CargoWorkspace ws, CargoPackage p, CargoDependency dep, String key, String raw) {
        Path manifest = dep.inherited() ? ws.manifest() : p.manifest();
        TomlEditor e = editor(manifest);
        TomlTable deps;
        if (dep.inherited()) {
            TomlTable w = e.toml().getTable("workspace");
            deps = w == null ? null : w.getTable("dependencies");
        } else {
            deps = DependencyTable.of(e.toml()).stream().filter(t -> t.kind() == dep.kind()
                    && java.util.Objects.equals(t.target(), dep.target())).map(DependencyTable::table)
                    .filter(t -> t.contains(List.of(dep.key()))).findFirst().orElse(null);
        }
        if (deps == null) {
            return;
        }
        Object entry = deps.get(List.of(dep.key()));
        if (entry instanceof TomlTable t) {
            e.set(t, key, raw);
        } else if (entry instanceof String req) {
            e.replaceValue(deps, dep.key(), key.equals("version") ? raw
                    : "{ version = " + TomlEditor.quote(req) + ", " + key + " = " + raw + " }");
        }
    }

    /** The version override: in [package], or in [workspace.package] when the crate inherits its version. */
    private void setVersion(CargoWorkspace ws, CargoPackage p) {
        if (p.inheritsVersion()) {
            TomlEditor root = editor(ws.manifest());
            TomlTable w = root.toml().getTable("workspace");
            TomlTable wp = w == null ? null : w.getTable("package");
            if (wp != null && wp.contains(List.of("version"))) {
                root.set(wp, "version", TomlEditor.quote(source.version()));
            }
        } else {
            TomlEditor e = editor(p.manifest());
            e.set(e.toml().getTable("package"), "version", TomlEditor.quote(source.version()));
        }
    }

    private TomlEditor editor(Path manifest) {
        return editors.computeIfAbsent(manifest, f -> new TomlEditor(read(f)));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    static String raw(Object v) {
        if (v instanceof String s) {
            return TomlEditor.quote(s);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> TomlEditor.quote(String.valueOf(x))).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }

    /** Writes the patched manifests. */
    static void write(Map<Path, String[]> files) {
        files.forEach((f, t) -> io.github.cratesrelease.io.AtomicFiles.writeString(f, t[1]));
    }
}
