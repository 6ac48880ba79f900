package io.github.cratesrelease.registry.embedded;

import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.io.JsonMapping;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's data on disk: index files in cargo's sparse layout, .crate files, and the metadata JSON of each
 * publish as received. Publishing applies crates.io's upload rules. Thread-safe: mutations are serialized.
 */
public final class RegistryStore {

    private static final ObjectMapper JSON = JsonMapping.mapper();
    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,63}$");

    /** One version as the index holds it. */
    public record Entry(String name, String version, ObjectNode line) {
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
                    ObjectNode o = (ObjectNode) JSON.readTree(line);
                    String name = o.get("name").asString();
                    crates.computeIfAbsent(canonical(name), k -> new ArrayList<>())
                            .add(new Entry(name, o.get("vers").asString(), o));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry index in " + index, e);
        }
    }

    /** Publishes a crate: validates like crates.io, stores it, and returns the index line written. */
    public synchronized ObjectNode publish(JsonNode meta, byte[] crate) {
        return publish(meta, JSON.writeValueAsBytes(meta), crate);
    }

    /** Stores a publish; {@code rawMetadata} is kept byte for byte as the client sent it. */
    public synchronized ObjectNode publish(JsonNode meta, byte[] rawMetadata, byte[] crate) {
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
        ArrayNode deps = JSON.createArrayNode();
        JsonNode metaDeps = meta.get("deps");
        for (int i = 0; metaDeps != null && i < metaDeps.size(); i++) {
            JsonNode d = metaDeps.get(i);
            String depName = text(d, "name");
            String req = text(d, "version_req");
            JsonNode registry = d.get("registry");
            boolean sameRegistry = registry == null || registry.isNull();
            if ("*".equals(req == null ? null : req.trim())) {
                throw new RegistryError(400, "wildcard (`*`) dependency constraints are not allowed on crates.io. "
                        + "Crate with this problem: `" + depName + "`");
            }
            if (sameRegistry && !crates.containsKey(canonical(depName))) {
                throw new RegistryError(400, "no known crate named `" + depName + "`");
            }
            ObjectNode line = deps.addObject();
            String explicit = text(d, "explicit_name_in_toml");
            line.put("name", explicit != null ? explicit : depName);
            line.put("req", req);
            line.set("features", d.has("features") ? d.get("features") : JSON.createArrayNode());
            line.put("optional", d.has("optional") && d.get("optional").asBoolean());
            line.put("default_features", !d.has("default_features") || d.get("default_features").asBoolean());
            line.set("target", d.get("target") == null ? JSON.nullNode() : d.get("target"));
            line.put("kind", d.has("kind") && !d.get("kind").isNull() ? d.get("kind").asString() : "normal");
            if (!sameRegistry) {
                line.set("registry", registry);
            }
            if (explicit != null) {
                line.put("package", depName);
            }
        }
        String cksum = sha256(crate);
        ObjectNode line = JSON.createObjectNode();
        line.put("name", name);
        line.put("vers", vers);
        line.set("deps", deps);
        line.put("cksum", cksum);
        ObjectNode features = JSON.createObjectNode();
        ObjectNode features2 = JSON.createObjectNode();
        JsonNode metaFeatures = meta.get("features");
        if (metaFeatures != null) {
            for (String f : metaFeatures.propertyNames()) {
                JsonNode values = metaFeatures.get(f);
                boolean v2 = false;
                for (JsonNode v : values) {
                    v2 |= v.asString().startsWith("dep:") || v.asString().contains("?/");
                }
                (v2 ? features2 : features).set(f, values);
            }
        }
        line.set("features", features);
        line.put("yanked", false);
        line.set("links", meta.get("links") == null ? JSON.nullNode() : meta.get("links"));
        if (!features2.isEmpty()) {
            line.set("features2", features2);
            line.put("v", 2);
        } else {
            line.put("v", 1);
        }
        if (meta.get("rust_version") != null && !meta.get("rust_version").isNull()) {
            line.set("rust_version", meta.get("rust_version"));
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
        return line;
    }

    /** Sets the yanked flag (the only field of an index line that may change). */
    public synchronized void setYanked(String name, String vers, boolean yanked) {
        Entry e = entry(name, vers);
        if (e == null) {
            throw new RegistryError(404, "crate `" + name + "` does not have a version `" + vers + "`");
        }
        e.line().put("yanked", yanked);
        try {
            writeIndex(e.name());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeIndex(String name) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Entry e : crates.get(canonical(name))) {
            sb.append(JSON.writeValueAsString(e.line())).append('\n');
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
                sb.append(JSON.writeValueAsString(e.line())).append('\n');
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

    /** The metadata JSON of a publish, as the client sent it. */
    public JsonNode metadata(String name, String vers) {
        byte[] raw = rawMetadata(name, vers);
        return raw == null ? null : JSON.readTree(raw);
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

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
