package io.github.cratesrelease.registry.embedded;

import static io.github.cratesrelease.registry.embedded.HttpResponses.error;
import static io.github.cratesrelease.registry.embedded.HttpResponses.object;
import static io.github.cratesrelease.registry.embedded.HttpResponses.send;
import static io.github.cratesrelease.registry.embedded.HttpResponses.sendJson;

import com.sun.net.httpserver.HttpExchange;
import io.github.cratesrelease.io.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The web API cargo uses under {@code /api/v1/crates}: publish (with crates.io's rules and the injected faults),
 * download, yank/unyank, owners, version and crate lookups.
 */
final class RegistryApi {

    private final RegistryStore store;
    private final RegistryOptions options;
    private final RegistryAuth auth;
    private final Queue<Fault> faults;
    private final AtomicInteger publishRequests;
    private final Consumer<String> log;

    RegistryApi(RegistryStore store, RegistryOptions options, RegistryAuth auth, Queue<Fault> faults,
            AtomicInteger publishRequests, Consumer<String> log) {
        this.store = store;
        this.options = options;
        this.auth = auth;
        this.faults = faults;
        this.publishRequests = publishRequests;
        this.log = log;
    }

    void handle(HttpExchange ex, String method, String rest) throws IOException {
        if (rest.equals("/new") && method.equals("PUT")) {
            publish(ex);
            return;
        }
        String[] parts = rest.startsWith("/") ? rest.substring(1).split("/") : new String[0];
        if (parts.length == 3 && parts[2].equals("download") && method.equals("GET")) {
            if (!auth.authorizedRead(ex)) {
                return;
            }
            byte[] crate = store.entry(parts[0], parts[1]) == null ? null : store.crateBytes(parts[0], parts[1]);
            if (crate == null) {
                throw new RegistryError(404, "crate `" + parts[0] + "` does not have a version `" + parts[1] + "`");
            }
            send(ex, 200, "application/x-tar", crate);
        } else if (parts.length == 3 && (parts[2].equals("yank") && method.equals("DELETE")
                || parts[2].equals("unyank") && method.equals("PUT"))) {
            auth.requireWriteToken(ex);
            boolean yank = parts[2].equals("yank");
            store.setYanked(parts[0], parts[1], yank);
            log.accept((yank ? "Yanked " : "Unyanked ") + parts[0] + " " + parts[1]);
            sendJson(ex, 200, object("ok", true));
        } else if (parts.length == 2 && parts[1].equals("owners")) {
            if (store.versions(parts[0]).isEmpty()) {
                throw new RegistryError(404, "crate `" + parts[0] + "` does not exist");
            }
            if (method.equals("GET")) {
                sendJson(ex, 200, object("users",
                        List.of(object("id", 1, "login", "embedded", "name", "embedded registry"))));
            } else {
                auth.requireWriteToken(ex);
                sendJson(ex, 200, object("ok", true, "msg", "owners are not managed here"));
            }
        } else if (parts.length == 2 && method.equals("GET")) {
            RegistryStore.Entry e = store.entry(parts[0], parts[1]);
            if (e == null) {
                throw new RegistryError(404, "crate `" + parts[0] + "` does not have a version `" + parts[1] + "`");
            }
            sendJson(ex, 200, object("version", versionJson(e)));
        } else if (parts.length == 1 && method.equals("GET")) {
            List<RegistryStore.Entry> versions = store.versions(parts[0]);
            if (versions.isEmpty()) {
                throw new RegistryError(404, "crate `" + parts[0] + "` does not exist");
            }
            List<Object> arr = new ArrayList<>();
            versions.forEach(v -> arr.add(versionJson(v)));
            sendJson(ex, 200, object("crate", object("id", versions.get(0).name(), "name", versions.get(0).name(),
                    "max_version", versions.get(versions.size() - 1).version()), "versions", arr));
        } else {
            throw new RegistryError(404, "not found: " + method + " /api/v1/crates" + rest);
        }
    }

    private Map<String, Object> versionJson(RegistryStore.Entry e) {
        JsonValue line = JsonValue.of(e.line());
        return object("crate", e.name(), "num", e.version(), "yanked", line.path("yanked").bool(false),
                "checksum", line.path("cksum").string(),
                "dl_path", "/api/v1/crates/" + e.name() + "/" + e.version() + "/download");
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
        auth.requireWriteToken(ex);
        byte[] body = readBody(ex.getRequestBody(), options.maxCrateBytes() + (8L << 20));
        ByteBuffer buf = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        JsonValue meta;
        byte[] crate;
        byte[] rawJson;
        try {
            int jsonLen = buf.getInt();
            byte[] json = new byte[jsonLen];
            buf.get(json);
            int crateLen = buf.getInt();
            crate = new byte[crateLen];
            buf.get(crate);
            meta = JsonValue.parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString());
            rawJson = json;
        } catch (RuntimeException | CharacterCodingException | JsonValue.Malformed e) {
            throw new RegistryError(400, "malformed publish request: expected u32 LE JSON length, JSON, u32 LE crate "
                    + "length, crate bytes");
        }
        Map<String, Object> line = store.publish(meta, rawJson, crate);
        log.accept("Published " + line.get("name") + " " + line.get("vers")
                + (options.indexLag().isZero() ? "" : " (visible in the index after " + options.indexLag() + ")"));
        sendJson(ex, 200, object("warnings",
                object("invalid_categories", List.of(), "invalid_badges", List.of(), "other", List.of())));
    }

    private void applyFault(HttpExchange ex, Fault fault) throws IOException {
        log.accept("Fault injected on a publish: " + fault.kind());
        switch (fault.kind()) {
            case TOO_MANY_REQUESTS -> {
                String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plus(fault.duration()).withNano(0));
                ex.getResponseHeaders().add("Retry-After", when);
                error(ex, 429, "You have published too many crates in a short period of time. Please try again after "
                        + when + " or email help@crates.io to have your limit increased.");
            }
            case SERVER_ERROR -> error(ex, 500, "internal server error (injected)");
            case UNAVAILABLE -> error(ex, 503, "the registry is in read-only mode for maintenance (injected)");
            case FORBIDDEN -> error(ex, 403, "this crate exists but you don't seem to be an owner. If you believe this "
                    + "is a mistake, perhaps you need to accept an invitation to be an owner before publishing. "
                    + "(injected)");
            case RESET -> {
                // drain nothing, answer nothing: the connection is closed under the client
                throw new ResetConnection();
            }
            default -> throw new IllegalStateException(fault.toString());
        }
    }

    /** Unwinds to close the exchange without a response. */
    static final class ResetConnection extends RuntimeException {
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

}
