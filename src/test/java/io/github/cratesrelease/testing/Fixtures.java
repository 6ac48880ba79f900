package io.github.cratesrelease.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test fixtures: workspaces under src/test/resources copied into a temporary directory. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The project's root directory (where pom.xml is). */
    public static Path projectRoot() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) {
            p = p.getParent();
        }
        return p;
    }

    public static Path resource(String name) {
        URL url = Fixtures.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies {@code src} (a directory) to {@code dest}, skipping target/ directories. */
    public static Path copy(Path src, Path dest) {
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = src.relativize(p);
                if (rel.toString().startsWith("target")) {
                    continue;
                }
                Path d = dest.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a fixture workspace from src/test/resources/workspaces. */
    public static Path workspace(String name, Path tempDir) {
        return copy(resource("workspaces/" + name), tempDir.resolve(name));
    }

    /** A copy of the bundled example workspace (examples/orchestrator). */
    public static Path example(Path tempDir) {
        return copy(projectRoot().resolve("examples/orchestrator"), tempDir.resolve("orchestrator"));
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
