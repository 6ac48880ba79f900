package io.github.cratesrelease.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.function.Predicate;

/** Whole directory trees: delete, copy. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes a directory and everything under it (nothing when it does not exist). */
    public static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Copies {@code src} into {@code dst} (created), leaving out the directories {@code skip} accepts (given as
     * absolute, normalized paths; the root itself is never skipped).
     */
    public static void copy(Path src, Path dst, Predicate<Path> skip) throws IOException {
        Path from = src.toAbsolutePath().normalize();
        Path to = dst.toAbsolutePath().normalize();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && (skip.test(dir) || dir.equals(to))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
