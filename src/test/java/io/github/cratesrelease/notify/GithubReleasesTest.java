package io.github.cratesrelease.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.ManualClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class GithubReleasesTest {

    private static final String TOKEN = "ghp_test-token-0001";
    private static final String CANARY = "canary-9f8e7d6c5b4a";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String CREATED = "{\"id\":7,\"html_url\":\"https://github.com/o/r/releases/tag/v1.2.0\"}";
    private static final String EXISTS = "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Release\","
            + "\"code\":\"already_exists\",\"field\":\"tag_name\"}],"
            + "\"documentation_url\":\"https://docs.github.com/rest/releases/releases#create-a-release\"}";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final ManualClock clock = new ManualClock();

    private GithubReleases github(String token, int retries) {
        return new GithubReleases(server.url("/").toString(), token, Duration.ofSeconds(5), clock, retries,
                Duration.ofSeconds(1));
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
                .build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(r, "no request reached the server");
        return r;
    }

    private static void assertGithubHeaders(RecordedRequest r, String token) {
        assertEquals("Bearer " + token, r.getHeaders().get("Authorization"));
        assertEquals("application/vnd.github+json", r.getHeaders().get("Accept"));
        assertEquals("2022-11-28", r.getHeaders().get("X-GitHub-Api-Version"));
        assertEquals("crates-maven-plugin", r.getHeaders().get("User-Agent"));
    }

    @Test
    void createsTheRelease() throws Exception {
        server.enqueue(answer(201, CREATED));

        GithubReleases.Result result = github(TOKEN, 3).publish("o/r", "v1.2.0", "demo 1.2.0", "## Changes\n- x",
                true);

        assertEquals(new GithubReleases.Result("https://github.com/o/r/releases/tag/v1.2.0", true, 1), result);
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/repos/o/r/releases", r.getTarget());
        assertGithubHeaders(r, TOKEN);
        assertEquals("application/json", r.getHeaders().get("Content-Type"));
        JsonNode body = JSON.readTree(r.getBody().utf8());
        assertEquals("v1.2.0", body.path("tag_name").asString());
        assertEquals("demo 1.2.0", body.path("name").asString());
        assertEquals("## Changes\n- x", body.path("body").asString());
        assertTrue(body.path("draft").isBoolean());
        assertFalse(body.path("draft").asBoolean());
        assertTrue(body.path("prerelease").asBoolean());
    }

    @Test
    void updatesTheReleaseWhenItAlreadyExists() throws Exception {
        server.enqueue(answer(422, EXISTS));
        server.enqueue(answer(200, "{\"id\":42,\"tag_name\":\"v1.2.0\"}"));
        server.enqueue(answer(200, "{\"id\":42,\"html_url\":\"https://github.com/o/r/releases/tag/v1.2.0\"}"));

        GithubReleases.Result result = github(TOKEN, 3).publish("o/r", "v1.2.0", "demo 1.2.0", "notes", false);

        assertEquals(new GithubReleases.Result("https://github.com/o/r/releases/tag/v1.2.0", false, 3), result);
        RecordedRequest create = take();
        assertEquals("POST", create.getMethod());
        assertEquals("/repos/o/r/releases", create.getTarget());
        RecordedRequest lookup = take();
        assertEquals("GET", lookup.getMethod());
        assertEquals("/repos/o/r/releases/tags/v1.2.0", lookup.getTarget());
        assertGithubHeaders(lookup, TOKEN);
        RecordedRequest update = take();
        assertEquals("PATCH", update.getMethod());
        assertEquals("/repos/o/r/releases/42", update.getTarget());
        assertGithubHeaders(update, TOKEN);
        JsonNode body = JSON.readTree(update.getBody().utf8());
        assertEquals("demo 1.2.0", body.path("name").asString());
        assertEquals("notes", body.path("body").asString());
        assertFalse(body.path("prerelease").asBoolean(true));
        assertFalse(body.has("tag_name"), "the tag of the release stays");
    }

    @Test
    void anotherValidationErrorIsReportedWithoutALookup() {
        server.enqueue(answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Release\","
                + "\"code\":\"invalid\",\"field\":\"target_commitish\"}]}"));

        NotifyException e = assertThrows(NotifyException.class,
                () -> github(TOKEN, 3).publish("o/r", "v1", null, null, false));

        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("Validation Failed (target_commitish invalid)"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aReleaseThatExistsButCannotBeFoundByTagIsExplained() {
        server.enqueue(answer(422, EXISTS));
        server.enqueue(answer(404, "{\"message\":\"Not Found\"}"));

        NotifyException e = assertThrows(NotifyException.class,
                () -> github(TOKEN, 3).publish("o/r", "v1", null, null, false));

        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("draft"), e.getMessage());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void badCredentialsAreReportedWithGithubsMessage() {
        server.enqueue(answer(401, "{\"message\":\"Bad credentials\","
                + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}"));

        NotifyException e = assertThrows(NotifyException.class,
                () -> github(TOKEN, 3).publish("o/r", "v1", null, null, false));

        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("HTTP 401 Bad credentials"), e.getMessage());
        assertTrue(e.getMessage().contains("https://docs.github.com/rest"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a 401 is not retried");
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    void notFoundSaysTheRepositoryOrTheTokensAccessIsWrong() {
        server.enqueue(answer(404, "{\"message\":\"Not Found\"}"));

        NotifyException e = assertThrows(NotifyException.class,
                () -> github(TOKEN, 3).publish("octo/missing", "v1", null, null, false));

        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("Not Found"), e.getMessage());
        assertTrue(e.getMessage().contains("octo/missing may be wrong, or the token lacks access"), e.getMessage());
    }

    @Test
    void serverErrorsAreRetried() {
        server.enqueue(answer(502, "{\"message\":\"Server Error\"}"));
        server.enqueue(answer(500, ""));
        server.enqueue(answer(201, CREATED));

        GithubReleases.Result result = github(TOKEN, 3).publish("o/r", "v1.2.0", null, null, false);

        assertEquals(3, result.attempts());
        assertTrue(result.created());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), clock.sleeps());
    }

    @Test
    void anEnterpriseApiUrlKeepsItsPathPrefix() throws Exception {
        for (String api : List.of(server.url("/api/v3").toString(), server.url("/api/v3/").toString())) {
            server.enqueue(answer(201, CREATED));
            GithubReleases ghe = new GithubReleases(api, TOKEN, Duration.ofSeconds(5), clock, 0, Duration.ZERO);

            assertTrue(ghe.publish("o/r", "v1.2.0", null, null, false).created());

            assertEquals("/api/v3/repos/o/r/releases", take().getTarget(), api);
        }
    }

    @Test
    void aRepositoryMustBeOwnerSlashName() {
        GithubReleases g = github(TOKEN, 0);
        for (String bad : new String[] {null, "", "o", "o/", "/r", "o/r/x", "o r/x", "o/r?x", "o/..", "-o/r"}) {
            assertThrows(IllegalArgumentException.class, () -> g.publish(bad, "v1", null, null, false),
                    String.valueOf(bad));
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theTokenGoesOnlyIntoTheAuthorizationHeader() throws Exception {
        server.enqueue(answer(201, CREATED));
        server.enqueue(answer(401, "{\"message\":\"Bad credentials: " + CANARY + "\"}"));
        server.enqueue(answer(503, "token " + CANARY + " rate limited"));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        GithubReleases.Result ok = github(CANARY, 0).publish("o/r", "v1.2.0", "n", "b", false);
        List<NotifyException> failures = List.of(
                assertThrows(NotifyException.class, () -> github(CANARY, 0).publish("o/r", "v1", null, null, false)),
                assertThrows(NotifyException.class, () -> github(CANARY, 0).publish("o/r", "v1", null, null, false)),
                assertThrows(NotifyException.class,
                        () -> new GithubReleases("http://127.0.0.1:" + closed, CANARY, Duration.ofSeconds(5), clock,
                                1, Duration.ofSeconds(1)).publish("o/r", "v1", null, null, false)));

        RecordedRequest r = take();
        assertEquals("Bearer " + CANARY, r.getHeaders().get("Authorization"));
        assertFalse(r.getBody().utf8().contains(CANARY));
        assertFalse(r.getTarget().contains(CANARY));
        assertFalse(ok.toString().contains(CANARY));
        assertEquals(List.of(401, 503, -1), failures.stream().map(NotifyException::status).toList());
        for (NotifyException e : failures) {
            assertFalse(e.getMessage().contains(CANARY), e.getMessage());
            assertFalse(e.toString().contains(CANARY), e.toString());
        }
        assertTrue(failures.get(0).getMessage().contains("Bad credentials: ******"), failures.get(0).getMessage());
    }
}
