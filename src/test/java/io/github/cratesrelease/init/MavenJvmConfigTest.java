package io.github.cratesrelease.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.release.InitGoal;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Contexts;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crates:init writes {@code .mvn/jvm.config} next to the spec only where Maven runs nothing but the plugin's goals and
 * the file changes no other setting; elsewhere it leaves files alone and says how to get the same.
 */
class MavenJvmConfigTest {

    @TempDir
    Path temp;

    private Path ws;
    private final RecordingReporter out = new RecordingReporter();

    @BeforeEach
    void workspace() throws Exception {
        assertFalse(Files.exists(Path.of("/.mvn")), "the test needs no .mvn at the file system's root");
        ws = Fixtures.workspace("full", temp.resolve("repo"));
        Files.delete(ws.resolve("release.yaml"));
    }

    private void init(boolean dryRun, boolean jvmConfig) {
        try (RunContext ctx = Contexts.of(Map.of("HOME", temp.resolve("home").toString()), out,
                ws.resolve("release.yaml"), dryRun)) {
            InitGoal.init(ctx, new InitGoal.Options(false, null, jvmConfig));
        }
    }

    private Path config() {
        return ws.resolve(".mvn/jvm.config");
    }

    @Test
    void aWorkspaceWithoutMavenProjectGetsTheQuickCompilerOnly() throws Exception {
        init(false, true);
        // one line, no comment: mvn passes every word of the file to java
        assertEquals("-XX:TieredStopAtLevel=1\n", Files.readString(config()));
        assertTrue(out.text().contains("[INFO] Wrote " + config() + " with -XX:TieredStopAtLevel=1: crates goals are "
                + "short runs, 0.3-1 s faster with the JVM's quick compiler alone (delete it to run Maven with the "
                + "JVM's defaults; -Dcrates.jvmConfig=false writes none)"), out.text());
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatItWouldWrite() {
        init(true, true);
        assertFalse(Files.exists(config()));
        assertTrue(out.text().contains("Dry run: " + config() + " would contain -XX:TieredStopAtLevel=1"), out.text());
    }

    @Test
    void turnedOffNothingIsWrittenNorSaid() {
        init(false, false);
        assertFalse(Files.exists(config()));
        assertFalse(out.text().contains("jvm.config"), out.text());
    }

    @Test
    void aPomXmlThereMeansMavenBuildsAProjectTooSoOnlyATipIsGiven() {
        Fixtures.write(ws.resolve("pom.xml"), "<project/>\n");
        init(false, true);
        assertFalse(Files.exists(config()));
        assertTrue(out.text().contains("Tip: crates goals are short runs, 0.3-1 s faster with the JVM's quick compiler "
                + "alone: add -XX:TieredStopAtLevel=1 to MAVEN_OPTS or .mvn/jvm.config; not written to " + config()
                + " because a pom.xml is there"), out.text());
    }

    @Test
    void aMvnDirectoryAboveWouldBeHiddenByANewOneSoNoneIsCreated() throws Exception {
        Path upper = Files.createDirectories(temp.resolve("repo/.mvn"));
        Fixtures.write(upper.resolve("maven.config"), "-T2\n");
        init(false, true);
        assertFalse(Files.exists(ws.resolve(".mvn")));
        assertTrue(out.text().contains("because a new .mvn there would hide " + upper.toAbsolutePath().normalize()
                + " (mvn uses the nearest one)"), out.text());
    }

    @Test
    void anExistingJvmConfigIsNeverChanged() throws Exception {
        Fixtures.write(config(), "-Xmx2g\n");
        init(false, true);
        assertEquals("-Xmx2g\n", Files.readString(config()));
        assertTrue(out.text().contains("because " + config() + " exists (left as it is)"), out.text());

        Fixtures.write(config(), "-Xmx2g -XX:TieredStopAtLevel=1\n");
        Files.delete(ws.resolve("release.yaml"));
        out.lines.clear();
        init(false, true);
        assertEquals("-Xmx2g -XX:TieredStopAtLevel=1\n", Files.readString(config()));
        assertFalse(out.text().contains("jvm.config"), "it already holds the option: nothing to say\n" + out.text());
    }

    @Test
    void anExistingMvnDirectoryOfTheWorkspaceItselfGetsTheFile() throws Exception {
        Fixtures.write(ws.resolve(".mvn/wrapper/maven-wrapper.properties"), "distributionUrl=https://example.invalid\n");
        init(false, true);
        assertEquals("-XX:TieredStopAtLevel=1\n", Files.readString(config()));
    }
}
