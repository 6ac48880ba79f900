package io.github.cratesrelease.registry.embedded;

import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.io.JsonValue;
import io.github.cratesrelease.registry.SparseIndex;
import io.github.cratesrelease.semver.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The registry's data on disk: index files in cargo's sparse layout, .crate files, and the metadata JSON of each
 * publish as received. Publishing applies crates.io's upload rules. Thread-safe: mutations are serialized. JSON is
 * read with {@link JsonValue} and written with {@link JsonText#compact} (an index line as cargo's registries write
 * it), without Jackson; an index line is a plain map in its fields' order.
 */
public final class RegistryStore {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,63}$");

    /** One version as the index holds it; {@code line} is the index line's fields (read-only, in their order). */
    public record Entry(String name, String version, Map<String, Object> line) {

        @Override
        public Map<String, Object> line() {
            return Collections.unmodifiableMap(line);
        }
    }

    private final Path dir;
    private final Clock clock;
    private final Duration lag;
    private final long maxCrateBytes;
    /** canonical name (lower-case, '_' as '-') → versions in publish order */
    private final Map<String, List<Entry>> crates = new LinkedHashMap<>();
    private final Map<String, Instant> visibleAt = new HashMap<>();

    public RegistryStore(Path dir, Duration lag, long maxCrateBytes, Clock clock) {
        this.dir = dir;
        this.lag = lag;
        this.maxCrateBytes = maxCrateBytes;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the registry storage " + dir + ": " + e.getMessage(), e);
        }
        load();
    }

    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** cargo's index path for a crate: 1/n, 2/n, 3/f/n, ab/cd/name (lower-cased). */
    public static String indexPath(String name) {
        return SparseIndex.path(name);
    }

    private void load() {
        Path index = dir.resolve("index");
        if (!Files.isDirectory(index)) {
            return;
        }
        try (Stream<Path> files = Files.walk(index)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))  // an interrupted write's temp file
                    .sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonValue o = parseLine(f, line);
                    String name = o.path("name").text(null);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) o.raw());
                    crates.computeIfAbsent(canonical(name), k -> new ArrayList<>())
                            .add(new Entry(name, o.path("vers").text(null), fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry index in " + index, e);
        }
    }

    private static JsonValue parseLine(Path file, String line) throws IOException {
        try {
            JsonValue o = JsonValue.parse(line);
            if (o.isObject()) {
                return o;
            }
            throw new IOException(file + ": an index line that is not a JSON object: " + line);
        } catch (JsonValue.Malformed e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Publishes a crate: validates like crates.io, stores it (its metadata as {@link JsonText#compact} writes
     * {@code meta}), and returns the index line written (read-only).
     */
    public synchronized Map<String, Object> publish(JsonValue meta, byte[] crate) {
        return publish(meta, JsonText.compact(meta.raw()).getBytes(StandardCharsets.UTF_8), crate);
    }

    /**
     * Stores a publish; {@code rawMetadata} is kept byte for byte as the client sent it. Returns the index line
     * written (read-only).
     */
    public synchronized Map<String, Object> publish(JsonValue meta, byte[] rawMetadata, byte[] crate) {
        String name = text(meta, "name");
        String vers = text(meta, "vers");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RegistryError(400, "invalid crate name `" + name + "`");
        }
        Version version;
        try {
            version = Version.parse(vers);
        } catch (IllegalArgumentException e) {
            throw new RegistryError(400, "invalid version `" + vers + "`: " + e.getMessage());
        }
        if (crate.length > maxCrateBytes) {
            throw new RegistryError(413, "max upload size is: " + maxCrateBytes);
        }
        List<String> missing = new ArrayList<>();
        if (isBlank(text(meta, "description"))) {
            missing.add("description");
        }
        if (isBlank(text(meta, "license")) && isBlank(text(meta, "license_file"))) {
            missing.add("license");
        }
        if (!missing.isEmpty()) {
            throw new RegistryError(400, "missing or empty metadata fields: " + String.join(", ", missing)
                    + ". Please see https://doc.rust-lang.org/cargo/reference/manifest.html for more information on "
                    + "configuring these fields");
        }
        List<Entry> existing = crates.get(canonical(name));
        if (existing != null && !existing.isEmpty()) {
            String known = existing.get(0).name();
            if (!known.equals(name)) {
                throw new RegistryError(400, "crate was previously named `" + known + "`");
            }
            for (Entry e : existing) {
                if (Version.parse(e.version()).samePrecedence(version)) {
                    throw new RegistryError(400, "crate version `" + e.version() + "` is already uploaded");
                }
            }
        }
        List<Object> deps = new ArrayList<>();
        JsonValue metaDeps = meta.path("deps");
        for (int i = 0; i < metaDeps.size(); i++) {
            JsonValue d = metaDeps.path(i);
            String depName = text(d, "name");
            String req = text(d, "version_req");
            JsonValue registry = d.path("registry");
            boolean sameRegistry = !d.has("registry");
            if ("*".equals(req == null ? null : req.trim())) {
                throw new RegistryError(400, "wildcard (`*`) dependency constraints are not allowed on crates.io. "
                        + "Crate with this problem: `" + depName + "`");
            }
            if (sameRegistry && !crates.containsKey(canonical(depName))) {
                throw new RegistryError(400, "no known crate named `" + depName + "`");
            }
            Map<String, Object> line = new LinkedHashMap<>();
            deps.add(line);
            String explicit = text(d, "explicit_name_in_toml");
            line.put("name", explicit != null ? explicit : depName);
            line.put("req", req);
            // a key present with null counts as present (as Jackson's has did): features null stays null
            line.put("features", d.path("features").isMissing() ? new ArrayList<>() : d.path("features").raw());
            line.put("optional", !d.path("optional").isMissing() && bool(d.path("optional")));
            line.put("default_features", d.path("default_features").isMissing() || bool(d.path("default_features")));
            line.put("target", d.path("target").raw());
            String kind = text(d, "kind");
            line.put("kind", kind != null ? kind : "normal");
            if (!sameRegistry) {
                line.put("registry", registry.raw());
            }
            if (explicit != null) {
                line.put("package", depName);
            }
        }
        String cksum = sha256(crate);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name);
        line.put("vers", vers);
        line.put("deps", deps);
        line.put("cksum", cksum);
        Map<String, Object> features = new LinkedHashMap<>();
        Map<String, Object> features2 = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> f : meta.path("features").members().entrySet()) {
            JsonValue values = f.getValue();
            boolean v2 = false;
            for (JsonValue v : values.isObject() ? values.members().values() : values.elements()) {
                String s = scalar(v);
                v2 |= s.startsWith("dep:") || s.contains("?/");
            }
            (v2 ? features2 : features).put(f.getKey(), values.raw());
        }
        line.put("features", features);
        line.put("yanked", false);
        line.put("links", meta.path("links").raw());
        if (!features2.isEmpty()) {
            line.put("features2", features2);
            line.put("v", 2);
        } else {
            line.put("v", 1);
        }
        if (meta.has("rust_version")) {
            line.put("rust_version", meta.path("rust_version").raw());
        }
        line.put("pubtime", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            Path crateFile = dir.resolve("crates").resolve(lower).resolve(vers + ".crate");
            AtomicFiles.writeOrThrow(crateFile, crate);
            AtomicFiles.writeOrThrow(dir.resolve("metadata").resolve(lower).resolve(vers + ".json"),
                    rawMetadata);
            crates.computeIfAbsent(canonical(name), k -> new ArrayList<>()).add(new Entry(name, vers, line));
            if (!lag.isZero()) {
                visibleAt.put(lower + "@" + vers, clock.instant().plus(lag));
            }
            writeIndex(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + name + " " + vers, e);
        }
        return Collections.unmodifiableMap(line);
    }

    /** Sets the yanked flag (the only field of an index line that may change). */
    public synchronized void setYanked(String name, String vers, boolean yanked) {
        Entry e = entry(name, vers);
        if (e == null) {
            throw new RegistryError(404, "crate `" + name + "` does not have a version `" + vers + "`");
        }
        e.line.put("yanked", yanked);
        try {
            writeIndex(e.name());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeIndex(String name) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Entry e : crates.get(canonical(name))) {
            sb.append(JsonText.compact(e.line)).append('\n');
        }
        AtomicFiles.writeOrThrow(dir.resolve("index").resolve(indexPath(name)), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The index file body for an exact lower-cased index name, with versions still lagging left out; null if none. */
    public synchronized String indexBody(String lowerName) {
        List<Entry> entries = crates.get(canonical(lowerName));
        if (entries == null || !entries.get(0).name().toLowerCase(Locale.ROOT).equals(lowerName)) {
            return null;
        }
        Instant now = clock.instant();
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            Instant at = visibleAt.get(lowerName + "@" + e.version());
            if (at == null || !now.isBefore(at)) {
                sb.append(JsonText.compact(e.line)).append('\n');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    public synchronized Entry entry(String name, String vers) {
        List<Entry> entries = crates.get(canonical(name));
        if (entries == null) {
            return null;
        }
        return entries.stream().filter(e -> e.version().equals(vers)).findFirst().orElse(null);
    }

    public synchronized List<Entry> versions(String name) {
        return List.copyOf(crates.getOrDefault(canonical(name), List.of()));
    }

    /** Every published version, in publish order per crate. */
    public synchronized List<Entry> all() {
        return crates.values().stream().flatMap(List::stream).toList();
    }

    public byte[] crateBytes(String name, String vers) {
        Path f = dir.resolve("crates").resolve(name.toLowerCase(Locale.ROOT)).resolve(vers + ".crate");
        try {
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metadata JSON of a publish, as the client sent it, or null. */
    public JsonValue metadata(String name, String vers) {
        byte[] raw = rawMetadata(name, vers);
        if (raw == null) {
            return null;
        }
        try {
            return JsonValue.parse(new String(raw, StandardCharsets.UTF_8));
        } catch (JsonValue.Malformed e) {
            throw new UncheckedIOException("the stored metadata of " + name + " " + vers + " is not JSON",
                    new IOException(e.getMessage(), e));
        }
    }

    /** The metadata JSON of a publish, byte for byte as the client sent it, or null. */
    public byte[] rawMetadata(String name, String vers) {
        Path f = dir.resolve("metadata").resolve(name.toLowerCase(Locale.ROOT)).resolve(vers + ".json");
        try {
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        return SparseIndex.sha256(bytes);
    }

    /** A member as text: null when absent or null, a number or boolean as written; refuses objects and arrays. */
    private static String text(JsonValue n, String field) {
        JsonValue v = n.path(field);
        return v.isMissing() || v.isNull() ? null : scalar(v);
    }

    /** A scalar as text (as Jackson's asString: null as ""); an object or array is refused (a 500, as before). */
    private static String scalar(JsonValue v) {
        String s = v.isNull() ? "" : v.text(null);
        if (s == null) {
            throw new IllegalArgumentException("a string, number or boolean expected, found " + v);
        }
        return s;
    }

    /** A flag as Jackson's asBoolean read it: booleans, integers (0 is false), "true"/"false", null as false. */
    private static boolean bool(JsonValue v) {
        if (v.isBoolean() || v.isNull()) {
            return v.bool(false);
        }
        if (v.bigInteger() != null) {
            return v.bigInteger().signum() != 0;
        }
        if ("true".equals(v.string()) || "false".equals(v.string())) {
            return Boolean.parseBoolean(v.string());
        }
        throw new IllegalArgumentException("a boolean expected, found " + v);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
