package io.github.cratesrelease.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.publish.CanaryScan;
import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary token (the registry needs it even to read its index) appears in no output, report, journal, file of
 * the workspace, argument list of a child, nor in the environment of git or a post-publish script (only the cargo
 * children that read that registry hold it).
 */
class ReleaseCanaryTest {

    @TempDir
    Path tmp;

    @Test
    void theTokenIsInNoOutputReportJournalArgumentOrScriptEnvironment() throws Exception {
        String canary = "CANARY-" + Long.toHexString(System.nanoTime()) + "-release";
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken(canary, true))) {
            Path ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
            Path envDump = tmp.resolve("script-env.txt");
            Files.writeString(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: index\ninterval: 100ms")
                    + "post-publish:\n  - verify: { timeout: 1m }\n  - run: [\"sh\", \"-c\", \"env > " + envDump
                    + "\"]\ncrates:\n  c1: {}\n  c2:\n    post-publish:\n      - run: [\"sh\", \"-c\", \"echo "
                    + "$CRATE_NAME $CRATE_VERSION $TAG >> " + tmp.resolve("per-crate.txt") + "\"]\n");
            ReleaseFixtures.commit(ws, "initial");
            CanaryScan scan = new CanaryScan(tmp.resolve("scan"));
            Map<String, String> env = scan.instrument(ReleaseFixtures.env(tmp, registry, canary));
            List<List<String>> launched = new CopyOnWriteArrayList<>();
            ProcessRunner runner = new ProcessRunner(env);
            runner.onLaunch(launched::add);
            RecordingReporter log = new RecordingReporter();
            ReleaseGoal.Result r = ReleaseFixtures.release(env, log, new ReleaseOptions(ReleaseFixtures.options(ws)
                    .build(), true, true), runner);

            assertEquals(2, r.publishedNow(), log.text());
            assertEquals(List.of("c1-v0.1.0", "c2-v0.1.0"), ReleaseFixtures.tagsAtHead(ws));
            assertEquals("c2 0.1.0 c2-v0.1.0\n", Files.readString(tmp.resolve("per-crate.txt")));
            assertFalse(log.text().contains(canary), log.text());
            for (String f : List.of("release-journal.json", "publish-report.json")) {
                assertFalse(Files.readString(ws.resolve("target/crates").resolve(f)).contains(canary), f);
            }
            assertTrue(launched.stream().anyMatch(a -> a.contains("tag")), "git tag ran: " + launched);
            for (List<String> args : launched) {
                assertFalse(String.join(" ", args).contains(canary), "arguments " + args);
            }
            String scriptEnv = Files.readString(envDump);
            assertTrue(scriptEnv.contains("CRATES_RELEASED=c1@0.1.0 c2@0.1.0"), scriptEnv);
            assertFalse(scriptEnv.contains(canary), "the script's environment holds no publish token");
            // git (status, tag, ...) and every cargo but those that read the auth-required index start without it
            List<CanaryScan.Child> children = scan.children();
            assertTrue(children.stream().anyMatch(c -> c.tool().equals("git") && c.args().contains("tag")),
                    children.toString());
            for (CanaryScan.Child c : children) {
                boolean reader = c.tool().equals("cargo") && "embedded".equals(c.registryArg())
                        && !c.args().contains("--offline");
                c.env().forEach((k, v) -> assertFalse(v.contains(canary) && !(reader
                        && k.equals("CARGO_REGISTRIES_EMBEDDED_TOKEN")), c.tool() + " " + c.args() + " holds it in " + k));
            }
            // with a Cargo.lock cargo packages offline: it reads no index, so it gets no token either
            assertTrue(children.stream().anyMatch(c -> c.subcommand().equals("package") && c.args().contains("--offline")
                    && !c.env().containsKey("CARGO_REGISTRIES_EMBEDDED_TOKEN")), "cargo package offline, no token");
            CanaryScan.assertNoFileHolds(ws, canary);
        }
    }
}
