package io.github.cratesrelease.registry.embedded;

import io.github.cratesrelease.registry.RegistryNames;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.io.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real cargo registry on 127.0.0.1: sparse index (config.json, ETag/304, 404 for unknown crates) and the web API
 * cargo uses (publish, download, yank/unyank, owners, version lookup), with crates.io's upload rules, an optional
 * token or {@code auth-required} mode, an index lag, and fault injection for publishes. Used for rehearsals, tests
 * and benchmarks; serves the real {@code cargo} binary.
 */
public final class EmbeddedRegistry implements AutoCloseable {

    /** The JDK HttpServer's switch for TCP_NODELAY on accepted connections (read once, at its first use). */
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final RegistryOptions options;
    private final RegistryStore store;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger publishRequests = new AtomicInteger();
    private final AtomicInteger indexRequests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final Consumer<String> log;
    private final RegistryAuth auth;
    private final RegistryApi api;
    private HttpServer server;
    private ExecutorService executor;

    private EmbeddedRegistry(RegistryOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log == null ? s -> { } : log;
        this.store = new RegistryStore(options.directory(), options.indexLag(), options.maxCrateBytes(),
                Clock.systemUTC());
        faults.addAll(options.faults());
        this.auth = new RegistryAuth(options, this::apiUrl);
        this.api = new RegistryApi(store, options, auth, faults, publishRequests, this.log);
    }

    /** Starts a registry; stop it with {@link #close()}. */
    public static EmbeddedRegistry start(RegistryOptions options, Consumer<String> log) {
        EmbeddedRegistry r = new EmbeddedRegistry(options, log);
        r.startServer();
        return r;
    }

    public static EmbeddedRegistry start(RegistryOptions options) {
        return start(options, null);
    }

    private void startServer() {
        try {
            // answer at once: without TCP_NODELAY every response waits for the client's delayed ACK (~40 ms)
            if (System.getProperty(NODELAY) == null) {
                System.setProperty(NODELAY, "true");
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "embedded-registry-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.accept("Embedded registry serving " + indexUrl() + " (storage " + options.directory() + ")");
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL of the web API, as config.json's {@code api}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The index URL cargo takes: {@code sparse+http://127.0.0.1:PORT/index/}. */
    public String indexUrl() {
        return "sparse+" + apiUrl() + "/index/";
    }

    public RegistryOptions options() {
        return options;
    }

    /** What was published: every version with its index line. */
    public List<RegistryStore.Entry> published() {
        return store.all();
    }

    /** The index lines of a crate (lagging versions included), as the index serves them, or an empty list. */
    public List<String> indexLines(String name) {
        return store.versions(name).stream().map(e -> JsonText.compact(e.line())).toList();
    }

    /** The metadata JSON a client sent for a publish, as received, or null. */
    public JsonValue receivedMetadata(String name, String version) {
        return store.metadata(name, version);
    }

    /** The metadata JSON of a publish, byte for byte as the client sent it, or null. */
    public byte[] receivedMetadataBytes(String name, String version) {
        return store.rawMetadata(name, version);
    }

    public byte[] crateFile(String name, String version) {
        return store.crateBytes(name, version);
    }

    /** Answers the next publishes with these faults, in order (after any still queued). */
    public void injectFaults(Fault... next) {
        faults.addAll(List.of(next));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Publish requests received (faulted ones included). */
    public int publishRequests() {
        return publishRequests.get();
    }

    /** Index requests received (config.json included), for the benchmark's count of polls. */
    public int indexRequests() {
        return indexRequests.get();
    }

    /** Index requests answered 304 Not Modified (a conditional request whose ETag still matched). */
    public int notModified() {
        return notModified.get();
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!options.latency().isZero()) {
                Thread.sleep(options.latency().toMillis());  // a registry across the internet
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.startsWith("/index/")) {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    HttpResponses.error(ex, 405, "method not allowed");
                } else if (auth.authorizedRead(ex)) {
                    serveIndex(ex, path.substring("/index/".length()));
                }
            } else if (path.startsWith("/api/v1/crates")) {
                api.handle(ex, method, path.substring("/api/v1/crates".length()));
            } else {
                HttpResponses.error(ex, 404, "not found: " + path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RegistryApi.ResetConnection e) {
            log.accept("Closed a publish connection without an answer (injected reset)");
        } catch (RegistryError e) {
            HttpResponses.error(ex, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            HttpResponses.error(ex, 500, "internal error: " + e.getMessage());
        } finally {
            ex.close();
        }
    }

    private void serveIndex(HttpExchange ex, String rel) throws IOException {
        indexRequests.incrementAndGet();
        if (rel.equals("config.json")) {
            Map<String, Object> cfg = HttpResponses.object("dl", apiUrl() + "/api/v1/crates", "api", apiUrl(),
                    "auth-required", options.authRequired());
            HttpResponses.send(ex, 200, "application/json", JsonText.compact(cfg).getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (name.isEmpty() || !RegistryStore.indexPath(name).equals(rel)) {
            HttpResponses.error(ex, 404, "not found");
            return;
        }
        String body = store.indexBody(name);
        if (body == null) {
            HttpResponses.error(ex, 404, "crate `" + name + "` not found");
            return;
        }
        String etag = "\"" + RegistryStore.sha256(body.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
        ex.getResponseHeaders().add("ETag", etag);
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            ex.sendResponseHeaders(304, -1);
            return;
        }
        HttpResponses.send(ex, 200, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code .cargo/config.toml} lines that make cargo use this registry under {@code name}. */
    public String cargoConfigSnippet(String name) {
        return "[registries." + name + "]\nindex = \"" + indexUrl() + "\"\n"
                + (options.token() != null ? "credential-provider = \"cargo:token\"\n" : "");
    }

    /** The environment variable cargo reads the token of registry {@code name} from. */
    public static String tokenVariable(String name) {
        return RegistryNames.variable(name, "TOKEN");
    }
}
