package io.github.cratesrelease.registry.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test client that sends cargo's publish request (u32 LE length-prefixed JSON and .crate) with the JDK client. */
final class HttpPublish {

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
    }

    static byte[] body(JsonNode meta, byte[] crate) {
        byte[] json = JsonMapper.builder().build().writeValueAsBytes(meta);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(json.length).array());
        out.writeBytes(json);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(crate.length).array());
        out.writeBytes(crate);
        return out.toByteArray();
    }

    static Response put(EmbeddedRegistry r, String token, JsonNode meta, byte[] crate) {
        return send(HttpRequest.newBuilder(URI.create(r.apiUrl() + "/api/v1/crates/new"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body(meta, crate))), token);
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
