package io.github.cratesrelease.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cratesrelease.run.Invocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands we print are the ones the user ran: same launcher, same goal form, same flags, no secret. */
class InvocationsTest {

    private static final String FULL = "io.github.cratesrelease:crates-maven-plugin:0.1.0-SNAPSHOT:";

    @Test
    void theResumeCommandKeepsEveryFlagOfTheCommandLineButSecrets() {
        Invocation i = Invocations.of(List.of(FULL + "publish"), "-B -q " + FULL + "publish -Dcrates.spec=a/release.yaml "
                + "-Dcrates.retries=0 -s ci-settings.xml -Dcrates.registry.token=abc123 -Dmy.password=x", Map.of(),
                "mvn", "publish", "0.1.0-SNAPSHOT");
        assertEquals("mvn " + FULL + "publish -B -q -Dcrates.spec=a/release.yaml -Dcrates.retries=0 -s ci-settings.xml",
                i.command());
        assertEquals("mvn " + FULL + "bump -Dcrates.spec=a/release.yaml -Dcrates.crates=x", i.other("bump",
                "-Dcrates.crates=x"));
    }

    @Test
    void withoutTheLaunchersLineTheCratesPropertiesAreKept() {
        Invocation i = Invocations.of(List.of("crates:release"), null, Map.of("crates.rehearse", "true",
                "crates.spec", "my spec.yaml", "crates.github.token", "t0k3n", "other", "x"), "mvn", "release", "1.0");
        assertEquals("mvn crates:release -Dcrates.rehearse -Dcrates.spec='my spec.yaml'", i.command());
        assertEquals("mvn crates:registry -Dcrates.spec='my spec.yaml' -Dcrates.registry.dir=d",
                i.other("registry", "-Dcrates.registry.dir=d"));
    }

    @Test
    void aPluginKeyWithoutVersionIsPrintedWithFullCoordinates() {
        Invocation i = Invocations.of(List.of("io.github.cratesrelease:crates-maven-plugin:plan"), null, Map.of(),
                "mvn", "plan", "0.1.0-SNAPSHOT");
        assertEquals("mvn " + FULL + "plan", i.command());
        assertEquals("mvn " + FULL + "validate", i.other("validate"));
    }

    @Test
    void theWrapperIsNamedWhenMavenCameFromItAndTheDirectoryHasIt(@TempDir Path dir) throws Exception {
        String home = System.getProperty("maven.home");
        try {
            System.setProperty("maven.home", "/home/u/.m2/wrapper/dists/apache-maven-3.9.11/abc");
            assertEquals("mvn", Invocations.launcher(dir));
            Files.writeString(dir.resolve("mvnw"), "#!/bin/sh\n");
            assertEquals("./mvnw", Invocations.launcher(dir));
            System.setProperty("maven.home", "/usr/share/maven");
            assertEquals("mvn", Invocations.launcher(dir));
        } finally {
            if (home == null) {
                System.clearProperty("maven.home");
            } else {
                System.setProperty("maven.home", home);
            }
        }
    }
}
