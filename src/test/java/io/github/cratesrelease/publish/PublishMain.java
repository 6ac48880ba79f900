package io.github.cratesrelease.publish;

import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.diag.ReleaseException;
import java.nio.file.Path;

/** Runs a publish in its own JVM (for the kill-and-resume test): args = spec, output directory. */
public final class PublishMain {
    private PublishMain() {
    }

    public static void main(String[] args) {
        RecordingReporter log = new RecordingReporter();
        try {
            new PublishEngine(System.getenv(), log).publish(PublishOptions.builder(Path.of(args[0]))
                    .verify(false).outputDirectory(Path.of(args[1])).build());
        } catch (ReleaseException e) {
            System.out.println("FAILED: " + e.fullMessage());
            System.exit(1);
        }
    }
}
