package io.github.cratesrelease.init;

import io.github.cratesrelease.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code .mvn/jvm.config} crates:init writes next to the spec of a workspace where Maven runs only the plugin's
 * goals: {@value #OPTIONS}, the JVM's quick compiler alone. A crates goal is a short run whose heavy work happens in
 * cargo and on the network; the JVM's optimising compiler spends a core on Maven's start-up code while the goal reads
 * the manifests and while cargo packages, and gives nothing back before the run ends (docs/performance.md: validate +
 * plan of 1,000 crates 0.5 s faster, a publish of 24 crates 0.3-1 s). Written only where it changes nothing else: no
 * {@code pom.xml} there (Maven builds no Java project in that directory) and no {@code .mvn} there or above whose
 * settings a new one would hide ({@code mvn} uses the nearest {@code .mvn}); an existing jvm.config is never touched.
 */
public final class MavenJvmConfig {

    /** The options written: C1 only (tiered compilation stops at level 1). */
    public static final String OPTIONS = "-XX:TieredStopAtLevel=1";

    /**
     * What init does about the file in directory {@code dir}: writes {@code file} ({@code write}), or leaves it and
     * says why ({@code reason}; null when the file already holds the options).
     */
    public record Decision(Path file, boolean write, String reason) {
    }

    private MavenJvmConfig() {
    }

    /** Decides for the directory the spec is in (where {@code mvn} runs the goals). */
    public static Decision decide(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path file = abs.resolve(".mvn").resolve("jvm.config");
        if (Files.isRegularFile(file)) {
            return new Decision(file, false, holdsOptions(file) ? null : file + " exists (left as it is)");
        }
        if (Files.isRegularFile(abs.resolve("pom.xml"))) {
            return new Decision(file, false, "a pom.xml is there: Maven builds a project in that directory too");
        }
        for (Path up = abs.getParent(); up != null; up = up.getParent()) {
            if (Files.isDirectory(up.resolve(".mvn"))) {
                return new Decision(file, false, "a new .mvn there would hide " + up.resolve(".mvn")
                        + " (mvn uses the nearest one)");
            }
        }
        return new Decision(file, true, null);
    }

    /** Writes the file a decision to write names. */
    public static void write(Decision d) {
        AtomicFiles.writeString(d.file(), OPTIONS + "\n");
    }

    private static boolean holdsOptions(Path file) {
        try {
            return Files.readString(file).contains("TieredStopAtLevel");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
