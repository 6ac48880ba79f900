package io.github.cratesrelease.registry.embedded;

import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.io.JsonValue;
import io.github.cratesrelease.testing.Jackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** A test client that sends cargo's publish request (u32 LE length-prefixed JSON and .crate) with the JDK client. */
final class HttpPublish {

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
    }

    static byte[] body(byte[] json, byte[] crate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(json.length).array());
        out.writeBytes(json);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(crate.length).array());
        out.writeBytes(crate);
        return out.toByteArray();
    }

    /** Publishes {@code meta} as Jackson writes it. */
    static Response put(EmbeddedRegistry r, String token, JsonNode meta, byte[] crate) {
        return put(r, token, Jackson.mapper().writeValueAsBytes(meta), crate);
    }

    /** Publishes {@code meta} (as {@link EmbeddedRegistry#receivedMetadata} gives it) in compact JSON. */
    static Response put(EmbeddedRegistry r, String token, JsonValue meta, byte[] crate) {
        return put(r, token, JsonText.compact(meta.raw()).getBytes(StandardCharsets.UTF_8), crate);
    }

    /** Publishes this metadata JSON, byte for byte. */
    static Response put(EmbeddedRegistry r, String token, byte[] json, byte[] crate) {
        return send(HttpRequest.newBuilder(URI.create(r.apiUrl() + "/api/v1/crates/new"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body(json, crate))), token);
    }

    static Response get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)), token);
    }

    private static Response send(HttpRequest.Builder b, String token) {
        b.timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", token);
        }
        try {
            HttpResponse<String> res = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(res.statusCode(), res.body(), res.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
