package io.github.cratesrelease.diag;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A place in a file: 1-based line and column. {@code line == 0} means "the whole file".
 */
public record Location(Path file, int line, int column) {

    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    /** The file as a user reads it: relative to the working directory when it lies below it. */
    public String displayFile() {
        if (file == null) {
            return "<unknown>";
        }
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Paths.get("").toAbsolutePath().normalize();
        if (abs.startsWith(cwd) && !abs.equals(cwd)) {
            return cwd.relativize(abs).toString();
        }
        return abs.toString();
    }

    @Override
    public String toString() {
        return line > 0 ? displayFile() + ":" + line + ":" + column : displayFile();
    }
}
