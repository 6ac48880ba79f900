package io.github.cratesrelease.publish;

import io.github.cratesrelease.testing.RecordingReporter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearsalTest {

    @TempDir
    Path tmp;

    @Test
    void exampleRehearsesInGraphOrderAndAConsumerBuilds() throws Exception {
        Path ws = Fixtures.example(tmp);
        RecordingReporter log = new RecordingReporter();
        PublishResult r = new PublishEngine(System.getenv(), log).publish(
                PublishOptions.builder(ws.resolve("release.yaml")).rehearse(true).verify(false).build());
        assertEquals(8, r.count(Status.PUBLISHED), log.text());
        assertTrue(Files.isRegularFile(r.report()));
        assertTrue(log.text().contains("Consumer check passed"), log.text());
        List<String> order = r.crates().stream().map(PublishResult.CrateOutcome::name).toList();
        assertTrue(order.indexOf("llmo-core") > order.indexOf("llmo-auth"));
        assertTrue(order.indexOf("llmo-cli") > order.indexOf("llmo-sdk"));
    }

    @Test
    void aDryRunRehearsalPackagesAndUploadsNothing() throws Exception {
        Path ws = Fixtures.example(tmp);
        RecordingReporter log = new RecordingReporter();
        PublishResult r = new PublishEngine(System.getenv(), log).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                .rehearse(true).dryRun(true).verify(false).build());
        assertEquals(8, r.count(Status.PACKAGED), log.text());
        assertTrue(log.text().contains("Dry run: 8 crate(s) packaged; nothing was uploaded"), log.text());
        assertTrue(!Files.exists(ws.resolve("target/crates/rehearsal/release-journal.json")));
        assertTrue(!Files.exists(ws.resolve("target/crates/rehearsal/publish-report.json")));
    }
}
