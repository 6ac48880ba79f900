package io.github.cratesrelease.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.io.Clock;
import io.github.cratesrelease.testing.ManualClock;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookTest {

    private static final String CANARY = "canary-9f8e7d6c5b4a";
    private static final Duration S1 = Duration.ofSeconds(1);
    private static final Duration S2 = Duration.ofSeconds(2);

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final ManualClock clock = new ManualClock();

    private Webhook webhook(int retries) {
        return new Webhook(Duration.ofSeconds(5), clock, retries, S1);
    }

    private String url() {
        return server.url("/hooks/release").toString();
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    private static ReleaseNotice notice() {
        return new ReleaseNotice("demo", "0123abcd", false, true,
                List.of(new ReleaseNotice.Crate("demo-core", "1.3.0", "1.2.0", "crates-io", "demo-core-v1.3.0"),
                        new ReleaseNotice.Crate("demo-cli", "0.1.0", null, "crates-io", null)),
                List.of("demo-core-v1.3.0"));
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(r, "no request reached the server");
        return r;
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void postsTheNoticeAsJsonWithTheReleaseHeaders() throws Exception {
        server.enqueue(answer(204, ""));

        Webhook.Result result = webhook(3).post(url(), null, "delivery-1", notice());

        assertEquals(new Webhook.Result(204, 1), result);
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/hooks/release", r.getTarget());
        assertEquals("application/json", r.getHeaders().get("Content-Type"));
        assertEquals("crates-maven-plugin", r.getHeaders().get("User-Agent"));
        assertEquals("release", r.getHeaders().get("X-Crates-Event"));
        assertEquals("delivery-1", r.getHeaders().get("X-Crates-Delivery"));
        String body = r.getBody().utf8();
        assertEquals("{\"event\":\"release\",\"project\":\"demo\",\"commit\":\"0123abcd\",\"dryRun\":false,"
                + "\"rehearsal\":true,\"crates\":[{\"name\":\"demo-core\",\"version\":\"1.3.0\","
                + "\"previousVersion\":\"1.2.0\",\"registry\":\"crates-io\",\"tag\":\"demo-core-v1.3.0\"},"
                + "{\"name\":\"demo-cli\",\"version\":\"0.1.0\",\"previousVersion\":null,\"registry\":\"crates-io\","
                + "\"tag\":null}],\"tags\":[\"demo-core-v1.3.0\"]}", body);
        JsonNode n = JsonMapper.builder().build().readTree(body);
        assertEquals("release", n.path("event").asString());
        assertTrue(n.path("crates").get(1).path("previousVersion").isNull());
        assertEquals(notice().toJson(), body, "the document is stable");
    }

    @Test
    void signsTheExactBodyWithHmacSha256() throws Exception {
        server.enqueue(answer(200, "ok"));

        webhook(0).post(url(), "s3cret-key", "delivery-2", notice());

        RecordedRequest r = take();
        byte[] body = r.getBody().toByteArray();
        String header = r.getHeaders().get("X-Crates-Signature-256");
        assertNotNull(header);
        assertTrue(header.matches("sha256=[0-9a-f]{64}"), header);
        assertEquals("sha256=" + hmac("s3cret-key", body), header);
        assertFalse(header.equals("sha256=" + hmac("other-key", body)));
    }

    @Test
    void sendsNoSignatureWithoutASecret() throws Exception {
        server.enqueue(answer(200, "ok"));

        webhook(0).post(url(), null, "delivery-3", notice());

        assertNull(take().getHeaders().get("X-Crates-Signature-256"));
    }

    @Test
    void retriesServerErrorsWithADoublingBackoffAndTheSameDeliveryId() throws Exception {
        server.enqueue(answer(503, "busy"));
        server.enqueue(answer(503, "busy"));
        server.enqueue(answer(200, "ok"));

        Webhook.Result result = webhook(3).post(url(), "key-1234", "delivery-4", notice());

        assertEquals(new Webhook.Result(200, 3), result);
        assertEquals(List.of(S1, S2), clock.sleeps());
        RecordedRequest first = take();
        for (int i = 0; i < 2; i++) {
            RecordedRequest again = take();
            assertEquals("delivery-4", again.getHeaders().get("X-Crates-Delivery"));
            assertEquals(first.getHeaders().get("X-Crates-Signature-256"),
                    again.getHeaders().get("X-Crates-Signature-256"));
            assertEquals(first.getBody(), again.getBody());
        }
    }

    @Test
    void honoursRetryAfterOn429() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(answer(200, "ok"));

        assertEquals(2, webhook(3).post(url(), null, "delivery-5", notice()).attempts());
        assertEquals(List.of(Duration.ofSeconds(7)), clock.sleeps());
    }

    @Test
    void capsRetryAfterAtTenMinutesAndTheBackoffAtSixtySeconds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "86400").build());
        for (int i = 0; i < 5; i++) {
            server.enqueue(answer(500, "oops"));
        }
        server.enqueue(answer(200, "ok"));

        Webhook w = new Webhook(Duration.ofSeconds(5), clock, 6, Duration.ofSeconds(10));
        assertEquals(7, w.post(url(), null, "delivery-6", notice()).attempts());
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)), clock.sleeps());
    }

    @Test
    void aClientErrorIsReportedAtOnceWithTheFirstBodyLine() {
        server.enqueue(answer(400, "\n  missing field: project  \nsecond line\n"));

        String hookUrl = server.url("/services/T000/B000/XXXXsecretpath").toString();
        NotifyException e = assertThrows(NotifyException.class,
                () -> webhook(3).post(hookUrl, null, "delivery-7", notice()));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("HTTP 400: missing field: project"), e.getMessage());
        assertFalse(e.getMessage().contains("second line"), e.getMessage());
        assertFalse(e.getMessage().contains("XXXXsecretpath"), "the url path may be a credential: " + e.getMessage());
        assertTrue(e.getMessage().contains("1 attempt"), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    void theBodyLineInAMessageIsAtMost200Characters() {
        server.enqueue(answer(422, "x".repeat(1000)));

        NotifyException e = assertThrows(NotifyException.class,
                () -> webhook(0).post(url(), null, "delivery-8", notice()));

        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("x".repeat(197) + "..."), e.getMessage());
        assertFalse(e.getMessage().contains("x".repeat(201)), e.getMessage());
    }

    @Test
    void givesUpAfterTheRetriesNamingTheLastStatusAndTheAttempts() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(answer(502, "bad gateway"));
        }

        NotifyException e = assertThrows(NotifyException.class,
                () -> webhook(2).post(url(), null, "delivery-9", notice()));

        assertEquals(502, e.status());
        assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 502 (bad gateway)"), e.getMessage());
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(S1, S2), clock.sleeps());
    }

    @Test
    void retriesARefusedConnectionThenReportsIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        NotifyException e = assertThrows(NotifyException.class,
                () -> webhook(2).post("http://127.0.0.1:" + port + "/hook", null, "delivery-10", notice()));

        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("Exception"), "names the cause: " + e.getMessage());
        assertNotNull(e.getCause());
        assertEquals(List.of(S1, S2), clock.sleeps());
    }

    @Test
    void retriesAConnectionDroppedBeforeTheAnswer() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(answer(200, "ok"));

        assertEquals(new Webhook.Result(200, 2), webhook(2).post(url(), null, "delivery-11", notice()));
        assertEquals(List.of(S1), clock.sleeps());
    }

    @Test
    void anInterruptedBackoffRestoresTheFlag() {
        server.enqueue(answer(503, "busy"));
        Clock interrupting = new Clock() {
            @Override
            public Instant now() {
                return Instant.EPOCH;
            }

            @Override
            public long millis() {
                return 0;
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                throw new InterruptedException();
            }
        };
        Webhook w = new Webhook(Duration.ofSeconds(5), interrupting, 3, S1);

        NotifyException e = assertThrows(NotifyException.class, () -> w.post(url(), null, "delivery-12", notice()));

        assertTrue(Thread.interrupted(), "the interrupt flag is set again");
        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void theSecretIsNeverSentNorPrinted() throws Exception {
        server.enqueue(answer(200, "ok"));
        server.enqueue(answer(401, "bad signature for key " + CANARY));
        server.enqueue(answer(503, "cannot verify with " + CANARY));

        Webhook.Result ok = webhook(0).post(url(), CANARY, "delivery-13", notice());
        NotifyException refused = assertThrows(NotifyException.class,
                () -> webhook(0).post(url(), CANARY, "delivery-13", notice()));
        NotifyException exhausted = assertThrows(NotifyException.class,
                () -> webhook(0).post(url(), CANARY, "delivery-13", notice()));

        RecordedRequest r = take();
        assertFalse(r.getBody().utf8().contains(CANARY));
        r.getHeaders().forEach(h -> assertFalse(h.getSecond().contains(CANARY), h.getFirst()));
        assertEquals("sha256=" + hmac(CANARY, r.getBody().toByteArray()),
                r.getHeaders().get("X-Crates-Signature-256"));
        assertFalse(ok.toString().contains(CANARY));
        assertEquals(401, refused.status());
        assertEquals(503, exhausted.status());
        for (NotifyException e : List.of(refused, exhausted)) {
            assertFalse(e.getMessage().contains(CANARY), e.getMessage());
            assertFalse(e.toString().contains(CANARY), e.toString());
            assertTrue(e.getMessage().contains("******"), "the echoed secret is masked: " + e.getMessage());
        }
    }

    @Test
    void rejectsABadUrlAndABlankDeliveryId() {
        Webhook w = webhook(0);
        assertThrows(IllegalArgumentException.class, () -> w.post("ftp://example.com/x", null, "d", notice()));
        assertThrows(IllegalArgumentException.class, () -> w.post(url(), null, " ", notice()));
        assertEquals(0, server.getRequestCount());
    }
}
