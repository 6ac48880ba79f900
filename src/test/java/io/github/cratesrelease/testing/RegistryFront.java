package io.github.cratesrelease.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A front of an embedded registry on 127.0.0.1 (a CDN, a proxy): passes every request on (index, config.json with
 * its {@code api} pointing at the front, web API with uploads), and can break what the plugin gets: a broken index
 * file for one crate, an index file held back, the first web API lookups of a crate failing.
 * Cargo (its User-Agent differs) always gets the real index.
 */
public final class RegistryFront implements AutoCloseable {

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
    private final String upstream;
    private volatile String corrupt;
    private final java.util.Map<String, AtomicInteger> hidden = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, AtomicInteger> failLookups = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, java.util.List<Long>> indexReads = new java.util.concurrent.ConcurrentHashMap<>();

    private RegistryFront(HttpServer server, String upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    /** A front of the registry whose API base URL is {@code registryBase}. */
    public static RegistryFront start(String registryBase) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RegistryFront f = new RegistryFront(s, registryBase);
        s.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                boolean ours = String.valueOf(ex.getRequestHeaders().getFirst("User-Agent"))
                        .startsWith("crates-maven-plugin");
                if (ours && path.startsWith("/index/") && !path.endsWith("/config.json")) {
                    f.indexReads.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1),
                            k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                            .add(System.nanoTime() / 1_000_000);
                }
                String bad = f.corrupt;
                if (ours && bad != null && path.startsWith("/index/") && path.endsWith("/" + bad)) {
                    send(ex, 200, ("{\"name\":\"" + bad + "\",oops}\n").getBytes(StandardCharsets.UTF_8));
                    return;
                }
                AtomicInteger hide = path.startsWith("/index/") ? f.hidden.get(path.substring(path.lastIndexOf('/') + 1))
                        : null;
                if (ours && hide != null && hide.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    send(ex, 404, "not found".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                AtomicInteger fails = path.matches("/api/v1/crates/[^/]+/[^/]+") && ex.getRequestMethod().equals("GET")
                        ? f.failLookups.get(path.split("/")[4]) : null;
                if (fails != null && fails.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    send(ex, 500, "{\"errors\":[{\"detail\":\"lookup failed (injected by the front)\"}]}"
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                HttpURLConnection c = (HttpURLConnection) URI.create(f.upstream + path).toURL().openConnection();
                c.setRequestMethod(ex.getRequestMethod());
                for (String h : new String[] {"Authorization", "Content-Type", "Accept"}) {
                    String v = ex.getRequestHeaders().getFirst(h);
                    if (v != null) {
                        c.setRequestProperty(h, v);
                    }
                }
                if (ex.getRequestMethod().equals("PUT")) {
                    c.setDoOutput(true);
                    try (InputStream in = ex.getRequestBody(); OutputStream out = c.getOutputStream()) {
                        in.transferTo(out);
                    }
                }
                int code = c.getResponseCode();
                byte[] body;
                try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                    body = in == null ? new byte[0] : in.readAllBytes();
                }
                if (path.equals("/index/config.json")) {
                    body = new String(body, StandardCharsets.UTF_8).replace(f.upstream, f.base())
                            .getBytes(StandardCharsets.UTF_8);
                }
                send(ex, code, body);
            }
        });
        s.setExecutor(f.handlers);  // requests in parallel, as a CDN answers them
        s.start();
        return f;
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int code, byte[] body) throws IOException {
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The index URL (without {@code sparse+}). */
    public String url() {
        return base() + "/index/";
    }

    /** Serves the plugin a broken index file for {@code crate} (null: none). */
    public void corrupt(String crate) {
        corrupt = crate;
    }

    /** The next {@code n} times, serves the plugin no index file for {@code crate}, as a lagging index would. */
    public void hide(String crate, int n) {
        hidden.put(crate, new AtomicInteger(n));
    }

    /** The next {@code n} web API lookups of a version of {@code crate} fail with HTTP 500. */
    public void failLookups(String crate, int n) {
        failLookups.put(crate, new AtomicInteger(n));
    }

    /** When (milliseconds of {@link System#nanoTime}) the plugin asked for each crate's index file, in order. */
    public java.util.Map<String, java.util.List<Long>> indexReads() {
        return java.util.Map.copyOf(indexReads);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
