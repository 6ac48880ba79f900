package io.github.cratesrelease.cargo;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** The paths of [workspace] members, exclude and default-members: globs expanded the way cargo does. */
final class MemberGlobs {

    private MemberGlobs() {
    }

    /** {@code rel} resolved against {@code dir}; null (an error at {@code at}) when it is not a valid path. */
    static Path under(Path dir, String rel, Location at, String key, Diagnostics diags) {
        try {
            return dir.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            diags.error(at, "'" + key + "' entry '" + shown(rel) + "' is not a valid path: " + e.getReason(),
                    "fix this entry of [workspace] " + key);
            return null;
        }
    }

    /** A string as a message shows it: control characters escaped ({@code \u0000}). */
    static String shown(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
        return sb.toString();
    }

    static boolean isExcluded(Path p, List<Path> exclude) {
        for (Path e : exclude) {  // a loop, not a stream: asked for every path dependency of every member
            if (p.startsWith(e)) {
                return true;
            }
        }
        return false;
    }

    static boolean isGlob(String pattern) {
        return pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
    }

    /**
     * Expands a members glob ({@link #isGlob}; a plain path is taken as it is written) to directories that hold a
     * Cargo.toml. The walk goes no deeper than the pattern
     * reaches: {@code *} and {@code ?} do not cross a {@code /}, so {@code crates/*} looks at the entries of
     * {@code crates} only, not at every file of every crate (thousands of them in a large workspace); a pattern with
     * {@code **} or {@code ..} is walked to the bottom, as before.
     */
    static List<Path> expand(Path root, String pattern) {
        return expand(root, pattern, depth(pattern));
    }

    /** As {@link #expand(Path, String)}, walking {@code maxDepth} levels below the root (tests: the whole tree). */
    static List<Path> expand(Path root, String pattern, int maxDepth) {
        String glob = root.toString().replace("\\", "/") + "/" + pattern;
        glob = glob.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (skipped(d)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    consider(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isDirectory() && !skipped(f)) {  // a directory at the walk's depth
                        consider(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void consider(Path d) {
                    if (matcher.matches(d) && Files.isRegularFile(d.resolve("Cargo.toml"))) {
                        out.add(d.normalize());
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }

    private static boolean skipped(Path d) {
        String n = d.getFileName() == null ? "" : d.getFileName().toString();
        return n.equals("target") || n.equals(".git") || n.equals("node_modules");
    }

    /** How many levels below the root a pattern can match: its segments, or all of them for {@code **} and {@code ..}. */
    static int depth(String pattern) {
        int depth = 0;
        for (String segment : pattern.replace('\\', '/').split("/")) {
            if (segment.contains("**") || segment.equals("..")) {
                return Integer.MAX_VALUE;
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return Math.max(depth, 1);
    }

}
