package io.github.cratesrelease.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same directory and a rename, so a reader (or a run killed
 * mid-write) never sees it half written. An existing file keeps its POSIX permissions.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void writeString(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] bytes) {
        try {
            writeOrThrow(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #write}, for callers that handle the {@link IOException} themselves. */
    public static void writeOrThrow(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            if (Files.exists(file)) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
                } catch (UnsupportedOperationException notPosix) {
                    // the temporary file keeps the platform's defaults
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
