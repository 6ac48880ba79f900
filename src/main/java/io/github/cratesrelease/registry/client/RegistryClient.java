package io.github.cratesrelease.registry.client;

import io.github.cratesrelease.io.JsonValue;
import io.github.cratesrelease.registry.SparseIndex;
import io.github.cratesrelease.credentials.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import io.github.cratesrelease.io.Http;
import io.github.cratesrelease.io.HttpClients;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A client for a cargo registry: the sparse index (config.json, index files with ETag caching) and the web API
 * (publish, version lookup). Tokens go only into the Authorization header.
 */
public final class RegistryClient implements AutoCloseable {

    /** What {@code config.json} says. */
    public record IndexConfig(String dl, String api, boolean authRequired) {
    }

    /** One published version as the index lists it. */
    public record IndexEntry(String name, String version, String cksum, boolean yanked) {
    }

    /** The largest index file read (crates.io's largest are a few hundred KiB). */
    public static final long MAX_INDEX_BYTES = 10L * 1024 * 1024;
    /** The largest API answer or config.json read (errors, version lookups, publish answers). */
    public static final long MAX_API_BYTES = 4L * 1024 * 1024;
    /** The largest .crate downloaded (crates.io accepts 10 MiB; other registries may allow more). */
    public static final long MAX_CRATE_BYTES = 64L * 1024 * 1024;
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");

    private final Http http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong indexReads = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    private record Cached(String etag, String body) {
    }

    public RegistryClient(Duration timeout) {
        this.http = HttpClients.withTimeout(timeout);
    }

    /** The sparse index root, without the {@code sparse+} prefix and with a trailing slash. */
    public static String httpIndex(String indexUrl) {
        String u = indexUrl.startsWith("sparse+") ? indexUrl.substring(7) : indexUrl;
        return u.endsWith("/") ? u : u + "/";
    }

    /**
     * What is wrong with an index URL as cargo would take it, or null: a URL that parses ({@code sparse+} aside), with
     * a scheme cargo reads an index over, a host (but for {@code file:}) and a port within 1..65535.
     */
    public static String indexUrlProblem(String indexUrl) {
        String u = indexUrl.startsWith("sparse+") ? indexUrl.substring(7) : indexUrl;
        java.net.URI uri;
        try {
            uri = new java.net.URI(u);
        } catch (java.net.URISyntaxException e) {
            return "'" + indexUrl + "' is not a valid URL: " + e.getReason() + (e.getIndex() >= 0 ? " at character "
                    + (e.getIndex() + 1 + (u.length() < indexUrl.length() ? 7 : 0)) : "");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (isSparse(indexUrl) && !scheme.equals("http") && !scheme.equals("https")) {
            return "'" + indexUrl + "': a sparse index is read over http or https, not '" + scheme + "'";
        }
        if (scheme.equals("file")) {
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // the authority may still parse as a registry-based one (a port out of range, an odd character)
            // (a host with '_', which cargo takes), so only the port is checked then
            String auth = uri.getRawAuthority();
            if (auth == null || auth.isEmpty()) {
                return "'" + indexUrl + "' has no host name";
            }
            int colon = auth.lastIndexOf(':');
            return colon >= 0 && colon + 1 < auth.length() && auth.substring(colon + 1).chars()
                    .allMatch(Character::isDigit) ? portProblem(indexUrl, auth.substring(colon + 1)) : null;
        }
        return uri.getPort() == -1 ? null : portProblem(indexUrl, Integer.toString(uri.getPort()));
    }

    private static String portProblem(String indexUrl, String port) {
        long p = port.length() > 6 ? Long.MAX_VALUE : Long.parseLong(port);
        return p >= 1 && p <= 65535 ? null : "'" + indexUrl + "' has port " + port + ", outside 1..65535";
    }

    public static boolean isSparse(String indexUrl) {
        return indexUrl.startsWith("sparse+");
    }

    public IndexConfig config(String indexUrl, Secret token) throws IOException, RegistryHttpException {
        String url = httpIndex(indexUrl) + "config.json";
        try (Response r = http.execute(get(url, null))) {
            if (r.code() == 401 && token != null) {
                r.close();
                try (Response again = http.execute(get(url, token))) {
                    return parseConfig(url, again);
                }
            }
            return parseConfig(url, r);
        }
    }

    private IndexConfig parseConfig(String url, Response r) throws IOException, RegistryHttpException {
        String body = Bodies.text(r, MAX_API_BYTES, "config.json at " + url);
        if (!r.isSuccessful()) {
            throw error(r.code(), body, r.header("Retry-After"));
        }
        JsonValue n = Bodies.json(body, "config.json at " + url + " is not valid JSON");
        String api = n.path("api").string();
        if (api != null && api.endsWith("/")) {
            api = api.substring(0, api.length() - 1);
        }
        return new IndexConfig(n.path("dl").text(null), api, n.path("auth-required").bool(false));
    }

    /** The index lines of a crate; empty when the registry does not know it (404, 410, 451). */
    public List<IndexEntry> index(String indexUrl, String crate, Secret token) throws IOException,
            RegistryHttpException {
        String url = httpIndex(indexUrl) + indexPath(crate);
        Cached c = cache.get(url);
        Request.Builder b = get(url, token).newBuilder();
        if (c != null) {
            b.header("If-None-Match", c.etag());
        }
        String body;
        indexReads.incrementAndGet();
        try (Response r = http.execute(b.build())) {
            if (r.code() == 304 && c != null) {
                notModified.incrementAndGet();
                body = c.body();
            } else if (r.code() == 404 || r.code() == 410 || r.code() == 451) {
                return List.of();
            } else if (!r.isSuccessful()) {
                throw error(r.code(), Bodies.text(r, MAX_API_BYTES, "the index answer for `" + crate + "`"),
                        r.header("Retry-After"));
            } else {
                body = Bodies.text(r, MAX_INDEX_BYTES, "the index file of `" + crate + "` at " + url);
                String etag = r.header("ETag");
                if (etag != null) {
                    cache.put(url, new Cached(etag, body));
                }
            }
        }
        List<IndexEntry> out = new ArrayList<>();
        String[] lines = body.split("\n");
        for (int no = 1; no <= lines.length; no++) {
            String line = lines[no - 1];
            if (line.isBlank()) {
                continue;
            }
            JsonValue n = Bodies.json(line, "the index entry of `" + crate + "` (line " + no + " of " + url
                    + ") is not valid JSON");
            if (!n.isObject() || !n.path("vers").isString()) {
                throw new RegistryDataException("the index entry of `" + crate + "` (line " + no + " of " + url
                        + ") is not an index entry: it has no \"vers\" string");
            }
            out.add(new IndexEntry(n.path("name").text(""), n.path("vers").string(), n.path("cksum").text(""),
                    n.path("yanked").bool(false)));
        }
        return out;
    }

    /** Index file requests sent so far, and how many of them the registry answered 304 (unchanged). */
    public String indexStats() {
        return indexReads.get() + " index read(s), " + notModified.get() + " unchanged (304)";
    }

    /** The index entry of a version (build metadata ignored), or null. */
    public IndexEntry find(String indexUrl, String crate, String version, Secret token) throws IOException,
            RegistryHttpException {
        for (IndexEntry e : index(indexUrl, crate, token)) {
            if (stripBuild(e.version()).equals(stripBuild(version))) {
                return e;
            }
        }
        return null;
    }

    /** The checksum the web API reports for a version ({@code GET /api/v1/crates/{name}/{version}}), or null. */
    public String apiChecksum(String api, String crate, String version, Secret token) throws IOException,
            RegistryHttpException {
        String url = api + "/api/v1/crates/" + crate + "/" + version;
        try (Response r = http.execute(get(url, token))) {
            String body = Bodies.text(r, MAX_API_BYTES, "the API answer at " + url);
            if (r.code() == 404) {
                return null;
            }
            if (!r.isSuccessful()) {
                throw error(r.code(), body, r.header("Retry-After"));
            }
            JsonValue v = Bodies.json(body, "the API answer at " + url + " is not valid JSON").path("version");
            return v.path("checksum").string("");
        }
    }

    /** Downloads a published {@code .crate} as config.json's {@code dl} says. */
    public byte[] download(String indexUrl, String crate, String version, String cksum, Secret token)
            throws IOException, RegistryHttpException {
        IndexConfig c = config(indexUrl, token);
        String dl = c.dl();
        String lower = crate.toLowerCase(Locale.ROOT);
        String prefix = indexPath(lower);
        prefix = prefix.substring(0, prefix.lastIndexOf('/'));
        String url;
        if (dl.contains("{crate}") || dl.contains("{version}") || dl.contains("{prefix}")
                || dl.contains("{lowerprefix}") || dl.contains("{sha256-checksum}")) {
            url = dl.replace("{crate}", crate).replace("{version}", version).replace("{prefix}", prefix)
                    .replace("{lowerprefix}", prefix).replace("{sha256-checksum}", cksum == null ? "" : cksum);
        } else {
            url = dl + "/" + crate + "/" + version + "/download";
        }
        try (Response r = http.execute(get(url, c.authRequired() ? token : null))) {
            if (!r.isSuccessful()) {
                throw error(r.code(), Bodies.text(r, MAX_API_BYTES, "the answer at " + url), r.header("Retry-After"));
            }
            return Bodies.bytes(r, MAX_CRATE_BYTES, "the crate file at " + url);
        }
    }

    /** {@code PUT /api/v1/crates/new}; returns the registry's warnings (may be empty). */
    public List<String> publish(String api, Secret token, byte[] metadataJson, byte[] crate) throws IOException,
            RegistryHttpException {
        ByteBuffer body = ByteBuffer.allocate(8 + metadataJson.length + crate.length).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(metadataJson.length).put(metadataJson).putInt(crate.length).put(crate);
        Request.Builder b = new Request.Builder().url(api + "/api/v1/crates/new")
                .put(RequestBody.create(body.array(), OCTETS))
                .header("Accept", "application/json")
                .header("User-Agent", "crates-maven-plugin");
        if (token != null) {
            b.header("Authorization", token.reveal());
        }
        try (Response r = http.execute(b.build())) {
            String text = Bodies.text(r, MAX_API_BYTES, "the publish answer of " + api);
            if (!r.isSuccessful()) {
                throw error(r.code(), text, r.header("Retry-After"));
            }
            JsonValue n = Bodies.json(text, "the publish answer of " + api + " is not valid JSON");
            if (!n.path("errors").isMissing()) { // present, even as null
                throw error(r.code(), text, null);
            }
            List<String> warnings = new ArrayList<>();
            JsonValue w = n.path("warnings");
            for (String k : List.of("invalid_categories", "invalid_badges", "other")) {
                for (JsonValue x : w.path(k)) {
                    String t = x.text("");
                    warnings.add(k.equals("other") ? t : k.replace('_', ' ') + ": " + t);
                }
            }
            return warnings;
        }
    }

    /** Sets TLS up now, before the first request to a registry over https (see {@link Http#prepareTls}). */
    public void prepareTls() {
        http.prepareTls();
    }

    @Override
    public void close() {
        http.close();
    }

    private static Request get(String url, Secret token) {
        Request.Builder b = new Request.Builder().url(url).header("User-Agent", "crates-maven-plugin");
        if (token != null) {
            b.header("Authorization", token.reveal());
        }
        return b.build();
    }

    private static RegistryHttpException error(int status, String body, String retryAfter) {
        String detail = body == null ? "" : body.strip();
        try {
            JsonValue n = JsonValue.parse(detail);
            List<String> details = new ArrayList<>();
            for (JsonValue e : n.path("errors")) {
                details.add(e.path("detail").text(""));
            }
            if (!details.isEmpty()) {
                detail = String.join("; ", details);
            }
        } catch (JsonValue.Malformed notJson) {
            if (detail.length() > 300) {
                detail = detail.substring(0, 300) + "...";
            }
        }
        return new RegistryHttpException(status, detail, parseRetryAfter(retryAfter, Instant.now()));
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    public static Instant parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return now.plusSeconds(Long.parseLong(v));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    public static String indexPath(String crate) {
        return SparseIndex.path(crate);
    }

    private static String stripBuild(String v) {
        int plus = v.indexOf('+');
        return plus < 0 ? v : v.substring(0, plus);
    }
}
