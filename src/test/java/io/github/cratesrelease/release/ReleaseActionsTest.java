package io.github.cratesrelease.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.testing.RecordingReporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * crates:release's outward post-publish actions end to end: real cargo and git, the embedded registry, a webhook
 * receiver and a GitHub API played by MockWebServers.
 */
class ReleaseActionsTest {

    private static final String HOOK_SECRET = "hook-canary-7c1e9a";
    private static final String GH_TOKEN = "gh-canary-52b7d0";
    private static final String REGISTRY_TOKEN = "tok-5678";
    private static final List<String> TAGS = List.of("c1-v0.1.0", "c2-v0.1.0");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHANGELOG = """
            # Changelog

            ## [Unreleased]

            ## [0.1.0] - 2026-12-01

            ### Added
            - first release
            """;

    @TempDir
    Path tmp;

    @StartStop
    private final MockWebServer hooks = new MockWebServer();
    @StartStop
    private final MockWebServer github = new MockWebServer();

    private EmbeddedRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void webhookAndGithubReleaseAreSentSignedAndRetried() throws Exception {
        Path ws = workspace(webhook() + githubRelease());
        hooks.enqueue(answer(503, "busy"));
        hooks.enqueue(answer(200, "ok"));
        for (String tag : TAGS) {
            github.enqueue(answer(201, "{\"html_url\":\"https://github.com/o/r/releases/tag/" + tag + "\",\"id\":1}"));
        }
        RecordingReporter log = new RecordingReporter();
        ReleaseGoal.Result r = ReleaseFixtures.release(env(true), log, ReleaseFixtures.options(ws).build());

        assertEquals(2, r.publishedNow(), log.text());
        String head = ReleaseFixtures.git(ws, "rev-parse", "HEAD");
        RecordedRequest first = take(hooks);
        RecordedRequest retry = take(hooks);
        assertEquals(2, hooks.getRequestCount(), "one 503, then the delivery");
        String body = first.getBody().utf8();
        assertEquals(body, retry.getBody().utf8(), "the retry sends the same document");
        String delivery = first.getHeaders().get("X-Crates-Delivery");
        assertNotNull(delivery);
        assertEquals(delivery, retry.getHeaders().get("X-Crates-Delivery"));
        assertEquals("release", first.getHeaders().get("X-Crates-Event"));
        assertEquals("sha256=" + hmac(HOOK_SECRET, retry.getBody().toByteArray()),
                retry.getHeaders().get("X-Crates-Signature-256"));
        assertNotice(JSON.readTree(body), head);
        for (RecordedRequest req : List.of(first, retry)) {
            assertFalse(req.getBody().utf8().contains(HOOK_SECRET), "the secret is never sent");
            req.getHeaders().forEach(h -> assertFalse(h.getSecond().contains(HOOK_SECRET), h.getFirst()));
        }

        for (String tag : TAGS) {
            RecordedRequest req = take(github);
            assertEquals("POST", req.getMethod());
            assertEquals("/repos/o/r/releases", req.getTarget());
            assertEquals("Bearer " + GH_TOKEN, req.getHeaders().get("Authorization"));
            JsonNode release = JSON.readTree(req.getBody().utf8());
            assertEquals(tag, release.path("tag_name").asString());
            assertTrue(release.path("body").asString().contains("### Added\n- first release"),
                    release.path("body").asString());
            assertFalse(release.path("prerelease").asBoolean(true));
        }
        assertEquals(2, github.getRequestCount());

        assertEquals(TAGS, remoteTags(tmp.resolve("origin.git"), head));
        assertTrue(r.pushed(), log.text());
        assertTrue(log.text().contains("[post-publish release/0-webhook] ok: POST " + hookUrl()
                + " answered 200 (attempt 2)"), log.text());
        assertTrue(log.text().contains("[post-publish release/1-github-release] ok: c1-v0.1.0 created "
                + "https://github.com/o/r/releases/tag/c1-v0.1.0, c2-v0.1.0 created "
                + "https://github.com/o/r/releases/tag/c2-v0.1.0"), log.text());
        assertTrue(log.text().contains("post-publish: 2 done, 0 failed"), log.text());
        String journal = Files.readString(ws.resolve("target/crates/release-journal.json"));
        assertTrue(journal.contains("\"post-publish/release/0-webhook\"")
                && journal.contains("\"post-publish/release/1-github-release\""), journal);
        assertNoCanary("the log", log.text());
        assertNoCanary("the journal", journal);
        assertNoCanary("the report", Files.readString(ws.resolve("target/crates/publish-report.json")));
    }

    @Test
    void aRejectedWebhookFailsTheReleaseAtTheEndAndARerunRetriesOnlyIt() throws Exception {
        Path ran = tmp.resolve("ran.txt");
        Path ws = workspace(webhook() + "  - run: [\"sh\", \"-c\", \"echo ran >> '" + ran + "'\"]\n");
        hooks.enqueue(answer(400, "bad payload: signature by " + HOOK_SECRET + " rejected\nsecond line"));
        Map<String, String> env = env(true);
        RecordingReporter log = new RecordingReporter();
        ReleaseException e = assertThrows(ReleaseException.class,
                () -> ReleaseFixtures.release(env, log, ReleaseFixtures.options(ws).build()));

        String msg = e.fullMessage();
        assertTrue(msg.contains("1 post-publish action(s) failed: release/0-webhook: "), msg);
        assertTrue(msg.contains("HTTP 400: bad payload"), msg);
        assertTrue(msg.contains("The crates are published and tagged; nothing is undone"), msg);
        assertNoCanary("the exception", msg + e);
        assertEquals(List.of("ran"), Files.readAllLines(ran), "the run action still ran: " + log.text());
        assertTrue(log.text().contains("[post-publish release/1-run] ok"), log.text());
        assertEquals(2, registry.published().size(), log.text());
        assertEquals(TAGS, ReleaseFixtures.tagsAtHead(ws));
        String journal = Files.readString(ws.resolve("target/crates/release-journal.json"));
        assertTrue(journal.contains("\"post-publish/release/1-run\""), journal);
        assertFalse(journal.contains("\"post-publish/release/0-webhook\""), journal);
        assertNoCanary("the log", log.text());
        assertNoCanary("the journal", journal);
        String delivery = take(hooks).getHeaders().get("X-Crates-Delivery");

        hooks.enqueue(answer(200, "ok"));
        int uploads = registry.publishRequests();
        RecordingReporter again = new RecordingReporter();
        ReleaseFixtures.release(env, again, ReleaseFixtures.options(ws).build());

        assertEquals(2, hooks.getRequestCount(), "the webhook is sent once more: " + again.text());
        assertEquals(delivery, take(hooks).getHeaders().get("X-Crates-Delivery"), "the same delivery on a re-run");
        assertTrue(again.text().contains("[post-publish release/0-webhook] ok: POST " + hookUrl() + " answered 200"),
                again.text());
        assertTrue(again.text().contains("[post-publish release/1-run] done by the interrupted run; not repeated"),
                again.text());
        assertEquals(List.of("ran"), Files.readAllLines(ran), "the run action is not repeated");
        assertEquals(uploads, registry.publishRequests(), "nothing uploaded again");
        assertEquals(2, registry.published().size());
        String after = Files.readString(ws.resolve("target/crates/release-journal.json"));
        assertTrue(after.contains("\"post-publish/release/0-webhook\"") && after.contains("\"finished\" : true"),
                after);
        assertNoCanary("the second log", again.text());
    }

    @Test
    void aRehearsalOnlyPrintsWhatWebhookAndGithubWouldSend() throws Exception {
        Path ws = workspace(webhook() + githubRelease());
        RecordingReporter log = new RecordingReporter();
        ReleaseFixtures.release(env(true), log, ReleaseFixtures.options(ws).rehearse(true).build());

        assertEquals(0, hooks.getRequestCount(), log.text());
        assertEquals(0, github.getRequestCount(), log.text());
        assertEquals(0, registry.publishRequests(), "the rehearsal uses a registry of its own");
        assertTrue(log.text().contains("[post-publish release/0-webhook] would POST to " + hookUrl()
                + " (signed with $HOOK_SECRET) (rehearsal): {\"event\":\"release\""), log.text());
        assertTrue(log.text().contains("\"rehearsal\":true"), log.text());
        assertTrue(log.text().contains("[post-publish release/1-github-release] would create 2 GitHub release(s) in "
                + "o/r (rehearsal): c1-v0.1.0 (### Added), c2-v0.1.0 (### Added)"), log.text());
        assertEquals(List.of(), ReleaseFixtures.tagsAtHead(ws), "the user's repository gets no tags");
        assertEquals(List.of(), remoteTags(tmp.resolve("origin.git"), null), "nor its remote");
        assertNoCanary("the log", log.text());
    }

    @Test
    void aDryRunNeedsNoSecretsAndSendsNothing() throws Exception {
        Path ws = workspace(webhook() + githubRelease());
        RecordingReporter log = new RecordingReporter();
        ReleaseFixtures.release(env(false), log, ReleaseFixtures.options(ws).dryRun(true).build());

        assertEquals(0, hooks.getRequestCount(), log.text());
        assertEquals(0, github.getRequestCount(), log.text());
        assertEquals(0, registry.publishRequests());
        assertTrue(log.text().contains("[post-publish release/0-webhook] would POST to " + hookUrl()
                + " (signed with $HOOK_SECRET) (dry run): {\"event\":\"release\""), log.text());
        assertTrue(log.text().contains("\"dryRun\":true"), log.text());
        assertTrue(log.text().contains("{\"name\":\"c1\",\"version\":\"0.1.0\""), log.text());
        assertTrue(log.text().contains("[post-publish release/1-github-release] would create 2 GitHub release(s) in "
                + "o/r (dry run): c1-v0.1.0 (### Added), c2-v0.1.0 (### Added)"), log.text());
        assertTrue(log.text().contains("Would push 2 tag(s) to origin"), log.text());
        assertEquals(List.of(), ReleaseFixtures.tagsAtHead(ws));
        assertEquals(List.of(), remoteTags(tmp.resolve("origin.git"), null));
        assertFalse(Files.exists(ws.resolve("target/crates/release-journal.json")));
        assertEquals("", ReleaseFixtures.git(ws, "status", "--porcelain"));
    }

    /**
     * A chain of two crates (c1 ← c2) with a changelog, tags pushed to a bare {@code origin}, the given post-publish
     * actions, committed; starts the registry.
     */
    private Path workspace(String actions) throws Exception {
        registry = PublishFixtures.start(tmp.resolve("reg"), 0, REGISTRY_TOKEN);
        Path ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
        Files.writeString(ws.resolve("CHANGELOG.md"), CHANGELOG);
        Files.writeString(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none")
                + "changelog:\n  path: CHANGELOG.md\ntags:\n  push: origin\npost-publish:\n" + actions);
        ReleaseFixtures.commit(ws, "initial");
        Path bare = tmp.resolve("origin.git");
        ReleaseFixtures.git(tmp, "init", "-q", "--bare", bare.toString());
        ReleaseFixtures.git(ws, "remote", "add", "origin", bare.toString());
        return ws;
    }

    private String hookUrl() {
        return hooks.url("/hooks/release").toString();
    }

    private String webhook() {
        return "  - webhook: { url: \"" + hookUrl() + "\", secret: { env: HOOK_SECRET } }\n";
    }

    private String githubRelease() {
        return "  - github-release: { repo: o/r, token: { env: GH_TOKEN }, api-url: \"" + github.url("/") + "\" }\n";
    }

    /** The environment of a release: with the registry token and both secrets, or with none of them. */
    private Map<String, String> env(boolean secrets) {
        Map<String, String> env = ReleaseFixtures.env(tmp, registry, secrets ? REGISTRY_TOKEN : null);
        if (secrets) {
            env.put("HOOK_SECRET", HOOK_SECRET);
            env.put("GH_TOKEN", GH_TOKEN);
        }
        return env;
    }

    /** The webhook document names the project, the commit, both crates with their registry and tag, the tags. */
    private static void assertNotice(JsonNode n, String head) {
        assertEquals("release", n.path("event").asString());
        assertEquals("ws", n.path("project").asString());
        assertEquals(head, n.path("commit").asString());
        assertFalse(n.path("dryRun").asBoolean(true));
        assertFalse(n.path("rehearsal").asBoolean(true));
        assertEquals(2, n.path("crates").size(), n.toString());
        for (int i = 0; i < 2; i++) {
            JsonNode c = n.path("crates").get(i);
            assertEquals("c" + (i + 1), c.path("name").asString(), n.toString());
            assertEquals("0.1.0", c.path("version").asString());
            assertTrue(c.path("previousVersion").isNull(), "a first release: " + c);
            assertEquals("embedded", c.path("registry").asString());
            assertEquals(TAGS.get(i), c.path("tag").asString());
        }
        List<String> tags = new java.util.ArrayList<>();
        n.path("tags").forEach(t -> tags.add(t.asString()));
        assertEquals(TAGS, tags.stream().sorted().toList());
    }

    /** The tags of a bare repository, sorted; each must point (peeled) at {@code commit} when it is given. */
    private List<String> remoteTags(Path bare, String commit) {
        String out = ReleaseFixtures.git(tmp, "ls-remote", "--tags", bare.toString());
        List<String> peeled = out.lines().filter(l -> l.endsWith("^{}")).toList();
        if (commit != null) {
            peeled.forEach(l -> assertTrue(l.startsWith(commit + "\t"), "the tag points at HEAD: " + l));
        }
        return peeled.stream().map(l -> l.substring(l.indexOf("refs/tags/") + 10, l.length() - 3)).sorted().toList();
    }

    private static void assertNoCanary(String where, String text) {
        assertFalse(text.contains(HOOK_SECRET), "the webhook secret is in " + where + ":\n" + text);
        assertFalse(text.contains(GH_TOKEN), "the GitHub token is in " + where + ":\n" + text);
    }

    private static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(r, "no request reached the server");
        return r;
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
