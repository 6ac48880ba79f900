package io.github.cratesrelease.publish;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.DependencyTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

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
        try {
            deleteTree(dst);
            Files.walkFileTree(src, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(src) && (name.equals(".git") || dir.equals(src.resolve("target"))
                            || skip != null && dir.equals(skip.toAbsolutePath().normalize()) || dir.equals(dst))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(dst.resolve(src.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, dst.resolve(src.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
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

    /** Deletes a directory and everything under it (nothing when it does not exist). */
    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private record Edit(int offset, int remove, String insert) {
    }

    /** The manifest text with the rehearsal edits applied (a pure function, for tests). */
    static String rewrite(String text, Path manifestDir, Set<Path> releasedDirs, String registry) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            return text;
        }
        int[] lineStarts = lineStarts(text);
        List<Edit> edits = new ArrayList<>();
        List<TomlTable> tables = new ArrayList<>();
        TomlTable wsDeps = toml.getTable("workspace.dependencies");
        if (wsDeps != null) {
            tables.add(wsDeps);
        }
        DependencyTable.of(toml).forEach(t -> tables.add(t.table()));
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
                    edits.add(replaceRegistry(text, lineStarts, dep.inputPositionOf("registry"), registry));
                } else {
                    edits.add(insertRegistry(text, lineStarts, dep.inputPositionOf("path"), registry));
                }
            }
        }
        for (String key : List.of("package", "workspace.package")) {
            TomlTable pkg = toml.getTable(key);
            if (pkg != null && pkg.isArray("publish")) {
                edits.add(replaceArray(text, lineStarts, pkg.inputPositionOf("publish")));
            }
        }
        edits.sort(Comparator.comparingInt(Edit::offset).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Edit e : edits) {
            sb.replace(e.offset(), e.offset() + e.remove(), e.insert());
        }
        return sb.toString();
    }

    private static final Pattern REGISTRY_VALUE = Pattern.compile("registry\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern PATH_KEY = Pattern.compile("^([^=]*?)path\\s*=");

    private static Edit replaceRegistry(String text, int[] starts, TomlPosition at, String registry) {
        int off = offset(starts, at);
        Matcher m = REGISTRY_VALUE.matcher(text);
        if (!m.find(off)) {
            throw new IllegalStateException("cannot find the registry value at " + at);
        }
        return new Edit(m.start(1), m.end(1) - m.start(1), "\"" + registry + "\"");
    }

    private static Edit insertRegistry(String text, int[] starts, TomlPosition at, String registry) {
        int off = offset(starts, at);
        String rest = text.substring(off, lineEnd(text, off));
        int lineStart = starts[at.line() - 1];
        String before = text.substring(lineStart, off).strip();
        if (before.endsWith("{") || before.endsWith(",")) {
            return new Edit(off, 0, "registry = \"" + registry + "\", ");
        }
        Matcher m = PATH_KEY.matcher(rest);
        String prefix = m.find() ? m.group(1).strip() : "";
        return new Edit(lineStart, 0, text.substring(lineStart, off) + prefix + "registry = \"" + registry + "\"\n");
    }

    private static Edit replaceArray(String text, int[] starts, TomlPosition at) {
        int off = offset(starts, at);
        int open = text.indexOf('[', text.indexOf('=', off));
        int close = text.indexOf(']', open);
        return new Edit(open, close + 1 - open, "true");
    }

    private static int[] lineStarts(String text) {
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                s.add(i + 1);
            }
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int offset(int[] starts, TomlPosition p) {
        return starts[p.line() - 1] + p.column() - 1;
    }

    private static int lineEnd(String text, int off) {
        int nl = text.indexOf('\n', off);
        return nl < 0 ? text.length() : nl;
    }
}
