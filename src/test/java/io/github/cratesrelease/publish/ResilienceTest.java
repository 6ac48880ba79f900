package io.github.cratesrelease.publish;

import io.github.cratesrelease.testing.RecordingReporter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.Fault;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.registry.embedded.RegistryStore;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults, re-runs and kills: nothing lost, nothing uploaded twice (real cargo, embedded registry). */
class ResilienceTest {

    @TempDir
    Path tmp;

    private final List<EmbeddedRegistry> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(EmbeddedRegistry::close);
    }

    private EmbeddedRegistry registry(RegistryOptions o) {
        EmbeddedRegistry r = EmbeddedRegistry.start(o);
        started.add(r);
        return r;
    }

    private Path chain(int n, String wait) {
        Path ws = PublishFixtures.chain(tmp.resolve("ws"), n);
        Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec(wait));
        PublishFixtures.gitCommit(ws);
        return ws;
    }

    private static void assertEachStoredOnce(EmbeddedRegistry r, int n) {
        List<String> names = r.published().stream().map(RegistryStore.Entry::name).toList();
        assertEquals(n, names.size(), "stored: " + names);
        assertEquals(n, names.stream().distinct().count(), "a crate was stored twice: " + names);
    }

    @Test
    void survives429And503AndResetWithoutUploadingTwice() {
        EmbeddedRegistry r = registry(RegistryOptions.defaults(tmp.resolve("reg")).withToken("tok-1234", false));
        r.injectFaults(Fault.tooManyRequests(Duration.ofSeconds(2)), Fault.unavailable(), Fault.reset());
        Path ws = chain(3, "strategy: none");
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", "tok-1234"));
        RecordingReporter log = new RecordingReporter();
        PublishResult res = new PublishEngine(env, log).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                .verify(false).retries(3).retryBackoff(Duration.ofMillis(200)).build());
        assertEquals(3, res.count(Status.PUBLISHED), log.text());
        assertEachStoredOnce(r, 3);
        assertEquals(6, r.publishRequests(), "3 uploads + 3 faulted attempts");
        String text = log.text();
        assertTrue(text.matches("(?s).*says too many requests.*retrying at \\d\\d:\\d\\d:\\d\\d.*"), text);
        assertTrue(text.contains("HTTP 503"), text);
        assertTrue(text.contains("retry 1/3"), text);
        assertTrue(res.crates().get(0).attempts() >= 2);
    }

    @Test
    void aTimedOutUploadThatTheRegistryStoredIsNotSentAgainAsANewCrate() {
        EmbeddedRegistry r = registry(RegistryOptions.defaults(tmp.resolve("reg")).withToken("tok-1234", false));
        r.injectFaults(Fault.slow(Duration.ofSeconds(3)));
        Path ws = chain(2, "strategy: none");
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", "tok-1234"));
        RecordingReporter log = new RecordingReporter();
        PublishOptions req = PublishOptions.builder(ws.resolve("release.yaml")).verify(false)
                .retries(3).retryBackoff(Duration.ofSeconds(4)).mode(PublishOptions.Mode.DIRECT)
                .httpTimeout(Duration.ofSeconds(1)).consumerCheck(false).build();
        PublishResult res = new PublishEngine(env, log).publish(req);
        assertEquals(2, res.count(Status.PUBLISHED), log.text());
        assertEachStoredOnce(r, 2);
        assertTrue(log.text().contains("already uploaded by an earlier attempt"), log.text());
    }

    @Test
    void aRefusedUploadStopsAtOnceAndTheFixedReRunSkipsWhatIsPublished() throws Exception {
        EmbeddedRegistry r = registry(RegistryOptions.defaults(tmp.resolve("reg")).withToken("tok-1234", false));
        Path ws = chain(3, "strategy: none");
        Path c2 = ws.resolve("crates/c2/Cargo.toml");
        Files.writeString(c2, Files.readString(c2).replace("license = \"MIT\"\n", ""));
        PublishFixtures.gitCommit(ws);
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", "tok-1234"));
        RecordingReporter log = new RecordingReporter();
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(env, log)
                .publish(PublishOptions.builder(ws.resolve("release.yaml")).verify(false).build()));
        String msg = e.fullMessage();
        assertTrue(msg.contains("refused the upload (HTTP 400): missing or empty metadata fields"), msg);
        assertTrue(msg.contains("published: c1 0.1.0"), msg);
        assertTrue(msg.contains("not published: c2 0.1.0, c3 0.1.0"), msg);
        assertTrue(msg.contains("resume with the same command"), msg);
        assertEquals(1, r.published().size());
        Path report = ws.resolve("target/crates/publish-report.json");
        assertTrue(Files.readString(report).contains("\"result\" : \"failure\""));

        Files.writeString(c2, Files.readString(c2).replace("edition = \"2021\"\n", "edition = \"2021\"\nlicense = \"MIT\"\n"));
        PublishFixtures.gitCommit(ws);
        RecordingReporter again = new RecordingReporter();
        int before = r.publishRequests();
        PublishResult res = new PublishEngine(env, again).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                .verify(false).build());
        // c1 was uploaded by the interrupted run of this release: released with it (and so tagged by crates:release)
        assertEquals(Status.PUBLISHED, res.crates().get(0).status());
        assertEquals(3, res.count(Status.PUBLISHED));
        assertEquals(before + 2, r.publishRequests());
        assertEachStoredOnce(r, 3);
        assertTrue(again.text().contains("Skip c1 0.1.0: already on `embedded` with the same files (packaged from "
                + "another commit, uploaded by the interrupted run of this release)"), again.text());

        RecordingReporter third = new RecordingReporter();
        PublishResult none = new PublishEngine(env, third).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                .verify(false).build());
        assertEquals(3, none.count(Status.SKIPPED));
        assertEquals(before + 2, r.publishRequests(), "a re-run after success uploads nothing");
    }

    @Test
    void aChangedCrateWithAPublishedVersionIsLeftOutWithTheBumpCommand() throws Exception {
        EmbeddedRegistry r = registry(RegistryOptions.defaults(tmp.resolve("reg")).withToken("tok-1234", false));
        Path ws = chain(2, "strategy: none");
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", "tok-1234"));
        new PublishEngine(env, new RecordingReporter()).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                .verify(false).build());
        Files.writeString(ws.resolve("crates/c1/src/lib.rs"), "pub fn v() -> u32 { 100 }\n");
        PublishFixtures.gitCommit(ws);
        Files.delete(ws.resolve("target/crates/release-journal.json"));
        int before = r.publishRequests();
        RecordingReporter log = new RecordingReporter();
        PublishResult res = new PublishEngine(env, log).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                .verify(false).build());
        assertEquals(Status.CONFLICT, res.crates().get(0).status(), log.text());
        assertEquals(Status.SKIPPED, res.crates().get(1).status(), log.text());
        assertTrue(log.text().contains("c1 0.1.0 is already on `embedded`, but its files changed since that version "
                + "was published"), log.text());
        assertTrue(log.text().contains("crates:bump -Dcrates.spec=" + ws.resolve("release.yaml")
                + " -Dcrates.crates=c1 -Dcrates.bump=patch"), log.text());
        assertTrue(log.text().contains("1 changed without a version bump (left out)"), log.text());
        assertEquals(before, r.publishRequests());
    }

    @Test
    void aDirtyTreeIsRefusedUnlessAllowed() throws Exception {
        EmbeddedRegistry r = registry(RegistryOptions.defaults(tmp.resolve("reg")).withToken("tok-1234", false));
        Path ws = chain(1, "strategy: none");
        Files.writeString(ws.resolve("crates/c1/src/lib.rs"), "pub fn v() -> u32 { 2 }\n");
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", "tok-1234"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(env, new RecordingReporter())
                .publish(PublishOptions.builder(ws.resolve("release.yaml")).verify(false).build()));
        assertTrue(e.fullMessage().contains("uncommitted change(s)"), e.fullMessage());
        assertTrue(e.fullMessage().contains("crates/c1/src/lib.rs"), e.fullMessage());
        assertTrue(e.fullMessage().contains("-Dcrates.allowDirty=true"), e.fullMessage());
        assertEquals(0, r.publishRequests());
        PublishResult ok = new PublishEngine(env, new RecordingReporter()).publish(
                PublishOptions.builder(ws.resolve("release.yaml")).verify(false).allowDirty(true).build());
        assertEquals(1, ok.count(Status.PUBLISHED));
    }

    @Test
    void aMissingTokenIsReportedWithWhereItWasLookedFor() {
        EmbeddedRegistry r = registry(RegistryOptions.defaults(tmp.resolve("reg")).withToken("tok-1234", false));
        Path ws = chain(1, "strategy: none");
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r), Map.of());
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(env, new RecordingReporter())
                .publish(PublishOptions.builder(ws.resolve("release.yaml")).verify(false).build()));
        assertTrue(e.fullMessage().contains("no publish token for registry `embedded`"), e.fullMessage());
        assertTrue(e.fullMessage().contains("CARGO_REGISTRIES_EMBEDDED_TOKEN"), e.fullMessage());
        assertTrue(e.fullMessage().contains("release.yaml:"), e.fullMessage());
        // a dry run needs no token and uploads nothing
        PublishResult dry = new PublishEngine(env, new RecordingReporter()).publish(
                PublishOptions.builder(ws.resolve("release.yaml")).verify(false).dryRun(true).build());
        assertEquals(Status.PACKAGED, dry.crates().get(0).status());
        assertEquals(0, r.publishRequests());
        assertFalse(Files.exists(ws.resolve("target/crates/release-journal.json")));
    }

    @Test
    void aKilledPublishResumesAndUploadsEachCrateExactlyOnce() throws Exception {
        EmbeddedRegistry r = registry(RegistryOptions.defaults(tmp.resolve("reg")).withToken("tok-1234", false));
        r.injectFaults(Fault.slow(Duration.ofSeconds(4)));
        Path ws = chain(4, "strategy: none");
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", "tok-1234"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PublishMain.class.getName(), ws.resolve("release.yaml").toString(),
                ws.resolve("target/crates").toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process child = pb.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (r.publishRequests() < 1 && System.currentTimeMillis() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertEquals(1, r.publishRequests(), Files.readString(tmp.resolve("child.log")));
        child.destroyForcibly();  // SIGKILL, in the middle of c1's upload
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        String journal = Files.readString(ws.resolve("target/crates/release-journal.json"));
        assertTrue(journal.contains("\"state\" : \"UPLOADING\""), journal);
        while (r.published().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);  // the registry finishes storing the request the killed process sent
        }
        RecordingReporter log = new RecordingReporter();
        PublishResult res = new PublishEngine(env, log).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                .verify(false).build());
        assertEquals(4, res.count(Status.PUBLISHED), log.text());
        assertEachStoredOnce(r, 4);
        assertEquals(4, r.publishRequests(), "c1 was not sent again");
        assertTrue(log.text().contains("Resuming the release recorded in"), log.text());
        assertTrue(log.text().contains("Reusing 4 crate(s) packaged from this commit by the interrupted run"), log.text());
        assertTrue(log.text().contains("Skip c1 0.1.0: already on `embedded` with the same checksum (uploaded by the interrupted run)"), log.text());
    }

    @Test
    void aCanaryTokenAppearsInNoOutputReportJournalOrArgument() throws Exception {
        String canary = "CANARY-" + Long.toHexString(System.nanoTime()) + "-secret";
        EmbeddedRegistry r = registry(RegistryOptions.defaults(tmp.resolve("reg")).withToken(canary, true));
        r.injectFaults(Fault.unavailable());
        Path ws = chain(3, "strategy: index\ninterval: 100ms\ntimeout: 30s");
        Map<String, String> env = PublishFixtures.env(tmp.resolve("home"), Map.of("embedded", r),
                Map.of("embedded", canary));
        for (PublishOptions.Mode mode : List.of(PublishOptions.Mode.DIRECT, PublishOptions.Mode.CARGO)) {
            List<List<String>> launched = new CopyOnWriteArrayList<>();
            ProcessRunner runner = new ProcessRunner(env);
            runner.onLaunch(launched::add);
            RecordingReporter log = new RecordingReporter();
            Path out = tmp.resolve("out-" + mode);
            if (mode == PublishOptions.Mode.CARGO) {
                // new versions so cargo mode uploads too
                for (int i = 1; i <= 3; i++) {
                    Path m = ws.resolve("crates/c" + i + "/Cargo.toml");
                    Files.writeString(m, Files.readString(m).replace("0.1.0", "0.2.0"));
                }
                Path root = ws.resolve("Cargo.toml");
                Files.writeString(root, Files.readString(root).replace("0.1.0", "0.2.0"));
                PublishFixtures.gitCommit(ws);
            }
            PublishResult res = new PublishEngine(env, log, runner).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                    .verify(false).mode(mode).outputDirectory(out).retries(2).retryBackoff(Duration.ofMillis(100)).build());
            assertEquals(3, res.count(Status.PUBLISHED), log.text());
            assertFalse(log.text().contains(canary), "log of " + mode);
            assertFalse(Files.readString(out.resolve("release-journal.json")).contains(canary));
            assertFalse(Files.readString(out.resolve("publish-report.json")).contains(canary));
            assertFalse(launched.isEmpty());
            for (List<String> args : launched) {
                assertFalse(String.join(" ", args).contains(canary), "arguments " + args);
            }
        }
        // and a failure message: the registry refuses the (wrong) token, the message names no token
        Map<String, String> wrong = new java.util.HashMap<>(env);
        wrong.put("CARGO_REGISTRIES_EMBEDDED_TOKEN", canary + "-wrong");
        Path m = ws.resolve("crates/c1/Cargo.toml");
        Files.writeString(m, Files.readString(m).replace("0.2.0", "0.3.0"));
        PublishFixtures.gitCommit(ws);
        RecordingReporter log = new RecordingReporter();
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PublishEngine(wrong, log).publish(
                PublishOptions.builder(ws.resolve("release.yaml")).verify(false).outputDirectory(tmp.resolve("w")).build()));
        assertFalse(e.fullMessage().contains(canary), e.fullMessage());
        assertFalse(log.text().contains(canary));
    }
}
