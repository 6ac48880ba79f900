package io.github.cratesrelease.publish;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.DependencyTable;
import io.github.cratesrelease.cargo.TomlEditor;
import io.github.cratesrelease.io.FileTrees;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A copy of the workspace in which the rehearsal registry stands in for every target registry: each path
 * dependency on a released crate gets {@code registry = "<rehearsal>"} (cargo needs it to publish anywhere but
 * crates.io, and the published metadata then says "same registry", as it would on the real one), and
 * {@code publish = [...]} lists become {@code true}. Only those bytes change; the user's files are not touched.
 */
public final class RehearsalWorkspace {

    private RehearsalWorkspace() {
    }

    /** Copies {@code ws} to {@code into} (without target/ and .git/) and rewrites its manifests; returns the root. */
    public static Path create(CargoWorkspace ws, Collection<CargoPackage> released, String registry, Path into,
            Path skip) {
        Path src = ws.root().toAbsolutePath().normalize();
        Path dst = into.toAbsolutePath().normalize();
        Path skipped = skip == null ? null : skip.toAbsolutePath().normalize();
        try {
            FileTrees.delete(dst);
            FileTrees.copy(src, dst, dir -> dir.getFileName().toString().equals(".git")
                    || dir.equals(src.resolve("target")) || dir.equals(skipped));
            Set<Path> releasedDirs = released.stream().map(p -> p.dir().toAbsolutePath().normalize())
                    .collect(Collectors.toSet());
            List<Path> manifests = new ArrayList<>();
            manifests.add(ws.manifest());
            ws.members().forEach(p -> manifests.add(p.manifest()));
            for (Path m : manifests.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
                Path copy = dst.resolve(src.relativize(m).toString());
                String text = Files.readString(copy);
                String rewritten = rewrite(text, m.getParent(), releasedDirs, registry);
                if (!rewritten.equals(text)) {
                    Files.writeString(copy, rewritten);
                }
            }
            return dst;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the rehearsal copy of " + src + " in " + dst, e);
        }
    }

    /** The manifest text with the rehearsal edits applied (a pure function, for tests). */
    static String rewrite(String text, Path manifestDir, Set<Path> releasedDirs, String registry) {
        TomlEditor editor;
        try {
            editor = new TomlEditor(text);
        } catch (IllegalArgumentException invalid) {
            return text;
        }
        TomlParseResult toml = editor.toml();
        List<TomlTable> tables = new ArrayList<>();
        TomlTable wsDeps = toml.getTable("workspace.dependencies");
        if (wsDeps != null) {
            tables.add(wsDeps);
        }
        DependencyTable.of(toml).forEach(t -> tables.add(t.table()));
        String quoted = "\"" + registry + "\"";
        for (TomlTable deps : tables) {
            for (String name : deps.keySet()) {
                if (!(deps.get(List.of(name)) instanceof TomlTable dep) || dep.getString("path") == null) {
                    continue;
                }
                Path target = manifestDir.resolve(dep.getString("path")).toAbsolutePath().normalize();
                if (!releasedDirs.contains(target)) {
                    continue;
                }
                if (dep.contains("registry")) {
                    editor.replaceValue(dep, "registry", quoted);
                } else {
                    editor.insertBefore(dep, "path", "registry", quoted);
                }
            }
        }
        for (String key : List.of("package", "workspace.package")) {
            TomlTable pkg = toml.getTable(key);
            if (pkg != null && pkg.isArray("publish")) {
                editor.replaceValue(pkg, "publish", "true");
            }
        }
        return editor.result();
    }
}
