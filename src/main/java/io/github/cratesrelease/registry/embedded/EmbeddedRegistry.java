package io.github.cratesrelease.registry.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real cargo registry on 127.0.0.1: sparse index (config.json, ETag/304, 404 for unknown crates) and the web API
 * cargo uses (publish, download, yank/unyank, owners, version lookup), with crates.io's upload rules, an optional
 * token or {@code auth-required} mode, an index lag, and fault injection for publishes. Used for rehearsals, tests
 * and benchmarks; serves the real {@code cargo} binary.
 */
public final class EmbeddedRegistry implements AutoCloseable {

    /** The JDK HttpServer's switch for TCP_NODELAY on accepted connections (read once, at its first use). */
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final RegistryOptions options;
    private final RegistryStore store;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger publishRequests = new AtomicInteger();
    private final Consumer<String> log;
    private HttpServer server;
    private ExecutorService executor;

    private EmbeddedRegistry(RegistryOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log == null ? s -> { } : log;
        this.store = new RegistryStore(options.directory(), options.indexLag(), options.maxCrateBytes(),
                Clock.systemUTC());
        faults.addAll(options.faults());
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

    /** The index lines of a crate (lagging versions included), or an empty list. */
    public List<String> indexLines(String name) {
        return store.versions(name).stream().map(e -> JSON.writeValueAsString(e.line())).toList();
    }

    /** The metadata JSON a client sent for a publish, as received. */
    public JsonNode receivedMetadata(String name, String version) {
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

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.startsWith("/index/")) {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    error(ex, 405, "method not allowed");
                } else if (authorizedRead(ex)) {
                    serveIndex(ex, path.substring("/index/".length()));
                }
            } else if (path.startsWith("/api/v1/crates")) {
                api(ex, method, path.substring("/api/v1/crates".length()));
            } else {
                error(ex, 404, "not found: " + path);
            }
        } catch (ResetConnection e) {
            log.accept("Closed a publish connection without an answer (injected reset)");
        } catch (RegistryError e) {
            error(ex, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            error(ex, 500, "internal error: " + e.getMessage());
        } finally {
            ex.close();
        }
    }

    private boolean authorizedRead(HttpExchange ex) throws IOException {
        if (!options.authRequired()) {
            return true;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Cargo login_url=\"" + apiUrl() + "/me\"");
            error(ex, 401, "this registry requires authentication: configure a token for it");
            return false;
        }
        if (!tokenMatches(auth)) {
            error(ex, 403, "the token sent is not valid for this registry");
            return false;
        }
        return true;
    }

    private void requireWriteToken(HttpExchange ex) {
        if (options.token() == null) {
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            throw new RegistryError(403, "this action requires authentication: no token was sent");
        }
        if (!tokenMatches(auth)) {
            throw new RegistryError(403, "the token sent is not valid for this registry");
        }
    }

    private boolean tokenMatches(String header) {
        String expected = options.token();
        if (expected == null) {
            return true;
        }
        String sent = header.startsWith("Bearer ") ? header.substring(7) : header;
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private void serveIndex(HttpExchange ex, String rel) throws IOException {
        if (rel.equals("config.json")) {
            ObjectNode cfg = JSON.createObjectNode();
            cfg.put("dl", apiUrl() + "/api/v1/crates");
            cfg.put("api", apiUrl());
            cfg.put("auth-required", options.authRequired());
            send(ex, 200, "application/json", JSON.writeValueAsBytes(cfg));
            return;
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (name.isEmpty() || !RegistryStore.indexPath(name).equals(rel)) {
            error(ex, 404, "not found");
            return;
        }
        String body = store.indexBody(name);
        if (body == null) {
            error(ex, 404, "crate `" + name + "` not found");
            return;
        }
        String etag = "\"" + RegistryStore.sha256(body.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
        ex.getResponseHeaders().add("ETag", etag);
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        send(ex, 200, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    private void api(HttpExchange ex, String method, String rest) throws IOException {
        if (rest.equals("/new") && method.equals("PUT")) {
            publish(ex);
            return;
        }
        String[] parts = rest.startsWith("/") ? rest.substring(1).split("/") : new String[0];
        if (parts.length == 3 && parts[2].equals("download") && method.equals("GET")) {
            if (!authorizedRead(ex)) {
                return;
            }
            byte[] crate = store.entry(parts[0], parts[1]) == null ? null : store.crateBytes(parts[0], parts[1]);
            if (crate == null) {
                throw new RegistryError(404, "crate `" + parts[0] + "` does not have a version `" + parts[1] + "`");
            }
            send(ex, 200, "application/x-tar", crate);
        } else if (parts.length == 3 && (parts[2].equals("yank") && method.equals("DELETE")
                || parts[2].equals("unyank") && method.equals("PUT"))) {
            requireWriteToken(ex);
            boolean yank = parts[2].equals("yank");
            store.setYanked(parts[0], parts[1], yank);
            log.accept((yank ? "Yanked " : "Unyanked ") + parts[0] + " " + parts[1]);
            sendJson(ex, 200, JSON.createObjectNode().put("ok", true));
        } else if (parts.length == 2 && parts[1].equals("owners")) {
            if (store.versions(parts[0]).isEmpty()) {
                throw new RegistryError(404, "crate `" + parts[0] + "` does not exist");
            }
            if (method.equals("GET")) {
                ObjectNode body = JSON.createObjectNode();
                body.putArray("users").addObject().put("id", 1).put("login", "embedded").put("name", "embedded registry");
                sendJson(ex, 200, body);
            } else {
                requireWriteToken(ex);
                sendJson(ex, 200, JSON.createObjectNode().put("ok", true).put("msg", "owners are not managed here"));
            }
        } else if (parts.length == 2 && method.equals("GET")) {
            RegistryStore.Entry e = store.entry(parts[0], parts[1]);
            if (e == null) {
                throw new RegistryError(404, "crate `" + parts[0] + "` does not have a version `" + parts[1] + "`");
            }
            sendJson(ex, 200, JSON.createObjectNode().set("version", versionJson(e)));
        } else if (parts.length == 1 && method.equals("GET")) {
            List<RegistryStore.Entry> versions = store.versions(parts[0]);
            if (versions.isEmpty()) {
                throw new RegistryError(404, "crate `" + parts[0] + "` does not exist");
            }
            ObjectNode body = JSON.createObjectNode();
            body.putObject("crate").put("id", versions.get(0).name()).put("name", versions.get(0).name())
                    .put("max_version", versions.get(versions.size() - 1).version());
            ArrayNode arr = body.putArray("versions");
            versions.forEach(v -> arr.add(versionJson(v)));
            sendJson(ex, 200, body);
        } else {
            throw new RegistryError(404, "not found: " + method + " /api/v1/crates" + rest);
        }
    }

    private ObjectNode versionJson(RegistryStore.Entry e) {
        ObjectNode v = JSON.createObjectNode();
        v.put("crate", e.name());
        v.put("num", e.version());
        v.put("yanked", e.line().get("yanked").asBoolean());
        v.put("checksum", e.line().get("cksum").asString());
        v.put("dl_path", "/api/v1/crates/" + e.name() + "/" + e.version() + "/download");
        return v;
    }

    private void publish(HttpExchange ex) throws IOException {
        publishRequests.incrementAndGet();
        Fault fault = faults.poll();
        if (fault != null && fault.kind() != Fault.Kind.SLOW) {
            applyFault(ex, fault);
            return;
        }
        if (fault != null) {
            sleep(fault.duration());
        }
        requireWriteToken(ex);
        byte[] body = readBody(ex.getRequestBody(), options.maxCrateBytes() + (8L << 20));
        ByteBuffer buf = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        JsonNode meta;
        byte[] crate;
        byte[] rawJson;
        try {
            int jsonLen = buf.getInt();
            byte[] json = new byte[jsonLen];
            buf.get(json);
            int crateLen = buf.getInt();
            crate = new byte[crateLen];
            buf.get(crate);
            meta = JSON.readTree(json);
            rawJson = json;
        } catch (RuntimeException e) {
            throw new RegistryError(400, "malformed publish request: expected u32 LE JSON length, JSON, u32 LE crate "
                    + "length, crate bytes");
        }
        ObjectNode line = store.publish(meta, rawJson, crate);
        log.accept("Published " + line.get("name").asString() + " " + line.get("vers").asString()
                + (options.indexLag().isZero() ? "" : " (visible in the index after " + options.indexLag() + ")"));
        ObjectNode warnings = JSON.createObjectNode();
        ObjectNode w = warnings.putObject("warnings");
        w.putArray("invalid_categories");
        w.putArray("invalid_badges");
        w.putArray("other");
        sendJson(ex, 200, warnings);
    }

    private void applyFault(HttpExchange ex, Fault fault) throws IOException {
        log.accept("Fault injected on a publish: " + fault.kind());
        switch (fault.kind()) {
            case TOO_MANY_REQUESTS -> {
                String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.ZonedDateTime.now(ZoneOffset.UTC).plus(fault.duration()).withNano(0));
                ex.getResponseHeaders().add("Retry-After", when);
                error(ex, 429, "You have published too many crates in a short period of time. Please try again after "
                        + when + " or email help@crates.io to have your limit increased.");
            }
            case SERVER_ERROR -> error(ex, 500, "internal server error (injected)");
            case UNAVAILABLE -> error(ex, 503, "the registry is in read-only mode for maintenance (injected)");
            case RESET -> {
                // drain nothing, answer nothing: the connection is closed under the client
                throw new ResetConnection();
            }
            default -> throw new IllegalStateException(fault.toString());
        }
    }

    /** Unwinds to close the exchange without a response. */
    private static final class ResetConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResetConnection() {
            super("connection reset (injected)", null, false, false);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readBody(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(b)) > 0; ) {
            total += n;
            if (total > max) {
                throw new RegistryError(413, "max upload size is: " + max);
            }
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    private static void error(HttpExchange ex, int status, String detail) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("errors").addObject().put("detail", detail);
        sendJson(ex, status, body);
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    /** The {@code .cargo/config.toml} lines that make cargo use this registry under {@code name}. */
    public String cargoConfigSnippet(String name) {
        return "[registries." + name + "]\nindex = \"" + indexUrl() + "\"\n"
                + (options.token() != null ? "credential-provider = \"cargo:token\"\n" : "");
    }

    /** The environment variable cargo reads the token of registry {@code name} from. */
    public static String tokenVariable(String name) {
        return io.github.cratesrelease.cargo.CargoConfig.registryVariable(name, "TOKEN");
    }
}
