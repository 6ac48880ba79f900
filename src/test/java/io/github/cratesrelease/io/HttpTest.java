package io.github.cratesrelease.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's TLS is set up by the first https request only, and a redirect from http to https still works. */
class HttpTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();
    /** Answers every connection in plain HTTP: a TLS handshake with it fails, which shows the TLS client called. */
    private final PlainAnswer plain = new PlainAnswer();

    private final Http http = HttpClients.withTimeout(Duration.ofSeconds(5));

    private static Request get(String url) {
        return new Request.Builder().url(url).header("Authorization", "token-1234").build();
    }

    @Test
    void anHttpRequestDoesNotSetUpTls() throws IOException {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"dl\":\"x\"}").build());
        try (Response r = http.execute(get(server.url("/index/config.json").toString()))) {
            assertEquals(200, r.code());
            assertEquals("{\"dl\":\"x\"}", r.body().string());
        }
        assertFalse(http.tlsReady());
    }

    @Test
    void aRedirectWithinHttpIsFollowedWithoutTls() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/moved/config.json").build());
        server.enqueue(new MockResponse.Builder().code(200).body("here").build());
        try (Response r = http.execute(get(server.url("/index/config.json").toString()))) {
            assertEquals(200, r.code());
            assertEquals("here", r.body().string());
        }
        assertEquals("/index/config.json", take(server).getUrl().encodedPath());
        assertEquals("/moved/config.json", take(server).getUrl().encodedPath());
        assertFalse(http.tlsReady());
    }

    @Test
    void aRedirectToHttpsIsSentAgainByTheTlsClient() throws Exception {
        String https = "https://127.0.0.1:" + plain.getPort() + "/index/config.json";
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", https).build());
        }
        // not the 301 handed back, nor an IllegalStateException of a cleartext-only client: the TLS client followed
        // the redirect and its handshake with the plain server failed
        assertThrows(SSLException.class, () -> http.execute(get(server.url("/index/config.json").toString())).close());
        assertTrue(http.tlsReady());
        assertEquals("token-1234", take(server).getHeaders().get("Authorization"));
        assertEquals("token-1234", take(server).getHeaders().get("Authorization"), "sent again, by the TLS client");
    }

    @Test
    void anHttpsRequestSetsUpTls() {
        assertThrows(SSLException.class, () -> http.execute(
                get("https://127.0.0.1:" + plain.getPort() + "/index/config.json")).close());
        assertTrue(http.tlsReady());
    }

    @AfterEach
    void stop() throws IOException {
        plain.close();
    }

    private static final class PlainAnswer implements AutoCloseable {
        private final ServerSocket socket;

        PlainAnswer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closed) {
                        // the test is over, or the client went away
                    }
                }
            }, "plain-answer");
            t.setDaemon(true);
            t.start();
        }

        int getPort() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static RecordedRequest take(MockWebServer s) throws InterruptedException {
        RecordedRequest r = s.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }
}
