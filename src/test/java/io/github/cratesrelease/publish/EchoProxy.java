package io.github.cratesrelease.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry front that passes index and API requests through to a registry behind it, except uploads: those get a
 * 503 whose body echoes the request's Authorization header back (as a broken gateway might).
 */
final class EchoProxy implements AutoCloseable {

    private final HttpServer server;
    private final String behind;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The Authorization headers of the uploads refused. */
    final List<String> echoed = new CopyOnWriteArrayList<>();

    EchoProxy(String behind) throws IOException {
        this.behind = behind;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String indexUrl() {
        return "sparse+" + apiUrl() + "/index/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (ex.getRequestMethod().equals("PUT") && ex.getRequestURI().getPath().endsWith("/crates/new")) {
                ex.getRequestBody().readAllBytes();
                echoed.add(String.valueOf(auth));
                send(ex, 503, "{\"errors\":[{\"detail\":\"upstream unavailable; your request had Authorization: "
                        + auth + "\"}]}");
                return;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(behind + ex.getRequestURI()));
            for (String h : List.of("Authorization", "If-None-Match", "Content-Type", "User-Agent")) {
                String v = ex.getRequestHeaders().getFirst(h);
                if (v != null) {
                    b.header(h, v);
                }
            }
            byte[] in = ex.getRequestBody().readAllBytes();
            b.method(ex.getRequestMethod(), in.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(in));
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String h : List.of("Content-Type", "ETag", "WWW-Authenticate", "Retry-After")) {
                r.headers().firstValue(h).ifPresent(v -> ex.getResponseHeaders().add(h, v));
            }
            byte[] body = r.body();
            if (ex.getRequestURI().getPath().endsWith("/config.json") && r.statusCode() == 200) {
                body = new String(body, StandardCharsets.UTF_8).replace(behind, apiUrl())
                        .getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
