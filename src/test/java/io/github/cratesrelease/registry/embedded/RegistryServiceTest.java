package io.github.cratesrelease.registry.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crates:registry in the foreground: what its dry run says, and the line it ends with on Ctrl-C. */
class RegistryServiceTest {

    @TempDir
    Path tmp;

    @Test
    void theDryRunSaysDurationsAsPeopleWriteThem() {
        RecordingReporter out = new RecordingReporter();
        new RegistryService(out).serve(RegistryOptions.defaults(tmp.resolve("reg")).withIndexLag(Duration.ofSeconds(90))
                .withFaults(Fault.parseList("429:5s,503")), "kellnr", Duration.ofMinutes(10), true);
        String text = out.text();
        assertTrue(text.contains("index lag 1m30s"), text);
        assertTrue(text.contains("faults 429:5s,503"), text);
        assertTrue(text.contains("stopping after 10m"), text);
        assertFalse(text.contains("PT"), text);
        assertFalse(Files.exists(tmp.resolve("reg")), "a dry run creates nothing");
    }

    @Test
    void ctrlCEndsWithAStoppedLine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = tmp.resolve("registry.log");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Serve.class.getName(), tmp.resolve("reg").toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(log).contains("press Ctrl-C to stop") && child.isAlive()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.readString(log).contains("press Ctrl-C to stop"), Files.readString(log));
        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the registry stops on Ctrl-C");
        String text = Files.readString(log);
        assertTrue(text.contains("Stopped (interrupted); 0 version(s) stored in " + tmp.resolve("reg")), text);
    }

    /** The registry served in a child JVM, its lines on stdout. */
    public static final class Serve {
        public static void main(String[] args) {
            Reporter out = new Reporter() {
                @Override
                public void info(String line) {
                    System.out.println(line);
                    System.out.flush();
                }

                @Override
                public void warn(String line) {
                    info(line);
                }

                @Override
                public void error(String line) {
                    info(line);
                }
            };
            new RegistryService(out).serve(RegistryOptions.defaults(Path.of(args[0])), "embedded", null, false);
        }
    }
}
