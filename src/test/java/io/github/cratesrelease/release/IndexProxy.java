package io.github.cratesrelease.release;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A front of a registry's sparse index on 127.0.0.1 (as a CDN): passes every index request on, and can serve a
 * broken index file for one crate to the plugin (cargo, whose User-Agent differs, still gets the real one).
 */
final class IndexProxy implements AutoCloseable {

    private final HttpServer server;
    private final String upstream;
    private volatile String corrupt;

    private IndexProxy(HttpServer server, String upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    static IndexProxy start(String registryBase) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        IndexProxy p = new IndexProxy(s, registryBase);
        s.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                String agent = String.valueOf(ex.getRequestHeaders().getFirst("User-Agent"));
                String bad = p.corrupt;
                if (bad != null && path.endsWith("/" + bad) && agent.startsWith("crates-maven-plugin")) {
                    byte[] body = ("{\"name\":\"" + bad + "\",oops}\n").getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    return;
                }
                HttpURLConnection c = (HttpURLConnection) URI.create(p.upstream + path).toURL().openConnection();
                String auth = ex.getRequestHeaders().getFirst("Authorization");
                if (auth != null) {
                    c.setRequestProperty("Authorization", auth);
                }
                int code = c.getResponseCode();
                byte[] body;
                try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                    body = in == null ? new byte[0] : in.readAllBytes();
                }
                ex.getResponseHeaders().add("Content-Type", String.valueOf(c.getContentType()));
                ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    ex.getResponseBody().write(body);
                }
            }
        });
        s.start();
        return p;
    }

    /** The index URL (without {@code sparse+}). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/index/";
    }

    /** Serves a broken index file for {@code crate} to the plugin (null: none). */
    void corrupt(String crate) {
        corrupt = crate;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
