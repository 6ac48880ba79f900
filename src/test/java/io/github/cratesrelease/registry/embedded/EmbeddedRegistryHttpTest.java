package io.github.cratesrelease.registry.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.Jackson;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Protocol details and fault switches, observed with the JDK HTTP client. */
class EmbeddedRegistryHttpTest {

    private static final ObjectMapper JSON = Jackson.mapper();

    @TempDir
    Path temp;

    @RegisterExtension
    final Registries registries = new Registries();


    private EmbeddedRegistry start() {
        return registries.start(RegistryOptions.defaults(temp.resolve("reg")));
    }

    static ObjectNode meta(String name, String vers) {
        ObjectNode m = JSON.createObjectNode();
        m.put("name", name);
        m.put("vers", vers);
        m.putArray("deps");
        m.putObject("features");
        m.put("description", "d");
        m.put("license", "MIT");
        return m;
    }

    private static byte[] crate(String seed) {
        return ("crate bytes of " + seed).getBytes();
    }

    @Test
    void configJsonAndIndexLayoutWithEtags() {
        EmbeddedRegistry r = start();
        JsonNode cfg = JSON.readTree(HttpPublish.get(r.apiUrl() + "/index/config.json", null).body());
        assertEquals(r.apiUrl() + "/api/v1/crates", cfg.get("dl").asString());
        assertEquals(r.apiUrl(), cfg.get("api").asString());
        assertEquals(false, cfg.get("auth-required").asBoolean());
        for (String name : List.of("a", "ab", "abc", "Abcd_E")) {
            assertEquals(200, HttpPublish.put(r, null, meta(name, "1.0.0"), crate(name)).status());
        }
        assertEquals(200, HttpPublish.get(r.apiUrl() + "/index/1/a", null).status());
        assertEquals(200, HttpPublish.get(r.apiUrl() + "/index/2/ab", null).status());
        assertEquals(200, HttpPublish.get(r.apiUrl() + "/index/3/a/abc", null).status());
        HttpPublish.Response full = HttpPublish.get(r.apiUrl() + "/index/ab/cd/abcd_e", null);
        assertEquals(200, full.status());
        assertEquals(404, HttpPublish.get(r.apiUrl() + "/index/un/kn/unknown", null).status());
        String etag = full.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, conditional(r.apiUrl() + "/index/ab/cd/abcd_e", etag));
        assertEquals(200, HttpPublish.put(r, null, meta("Abcd_E", "1.1.0"), crate("x")).status());
        assertEquals(200, conditional(r.apiUrl() + "/index/ab/cd/abcd_e", etag), "a new version changes the ETag");
        assertEquals(8, r.indexRequests(), "config.json, 4 index files, one 404, two conditional requests");
        assertEquals(1, r.notModified());
    }

    private static int conditional(String url, String etag) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build();
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cratesIoUploadRules() {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")).withMaxCrateBytes(1000));
        assertEquals(200, HttpPublish.put(r, null, meta("my-crate", "1.0.0+build.1"), crate("1")).status());
        HttpPublish.Response dup = HttpPublish.put(r, null, meta("my-crate", "1.0.0+build.2"), crate("2"));
        assertEquals(400, dup.status());
        assertTrue(dup.body().contains("crate version `1.0.0+build.1` is already uploaded"), dup.body());
        HttpPublish.Response renamed = HttpPublish.put(r, null, meta("My_Crate", "2.0.0"), crate("3"));
        assertEquals(400, renamed.status());
        assertTrue(renamed.body().contains("crate was previously named `my-crate`"), renamed.body());
        ObjectNode noMeta = meta("bare", "1.0.0");
        noMeta.remove("description");
        noMeta.remove("license");
        HttpPublish.Response missing = HttpPublish.put(r, null, noMeta, crate("4"));
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("missing or empty metadata fields: description, license"), missing.body());
        HttpPublish.Response big = HttpPublish.put(r, null, meta("big", "1.0.0"), new byte[1001]);
        assertEquals(413, big.status());
        assertTrue(big.body().contains("max upload size is: 1000"), big.body());
        ObjectNode withDeps = meta("user", "1.0.0");
        withDeps.withArray("deps").addObject().put("name", "my-crate").put("version_req", "^1").put("kind", "normal")
                .put("explicit_name_in_toml", "mine");
        withDeps.withArray("deps").addObject().put("name", "serde").put("version_req", "^1").put("kind", "normal")
                .put("registry", "https://github.com/rust-lang/crates.io-index");
        assertEquals(200, HttpPublish.put(r, null, withDeps, crate("5")).status());
        JsonNode line = JSON.readTree(r.indexLines("user").get(0));
        assertEquals("mine", line.get("deps").get(0).get("name").asString());
        assertEquals("my-crate", line.get("deps").get(0).get("package").asString());
        assertEquals("https://github.com/rust-lang/crates.io-index", line.get("deps").get(1).get("registry").asString());
        ObjectNode unknownDep = meta("user2", "1.0.0");
        unknownDep.withArray("deps").addObject().put("name", "nope").put("version_req", "^1");
        HttpPublish.Response refused = HttpPublish.put(r, null, unknownDep, crate("6"));
        assertTrue(refused.body().contains("no known crate named `nope`"), refused.body());
    }

    @Test
    void malformedMetadataIsRefusedWithA400() {
        EmbeddedRegistry r = start();
        for (byte[] json : List.of("{\"name\":".getBytes(StandardCharsets.UTF_8), new byte[] {'"', (byte) 0xC3, '"'})) {
            HttpPublish.Response bad = HttpPublish.put(r, null, json, crate("bad"));
            assertEquals(400, bad.status());
            assertTrue(bad.body().startsWith("{\"errors\":[{\"detail\":\"malformed publish request: "), bad.body());
        }
        assertTrue(r.published().isEmpty());
    }

    @Test
    void anIndexFileWrittenWithJacksonIsServedAsItWasAndAHugeNumberStaysJson() throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", "old");
        line.put("vers", "1.0.0");
        line.put("deps", List.of());
        line.put("cksum", RegistryStore.sha256(crate("old")));
        line.put("features", Map.of("std", List.of()));
        line.put("yanked", true);
        line.put("links", null);
        line.put("v", 1);
        line.put("pubtime", "2024-01-02T03:04:05Z");
        String written = JSON.writeValueAsString(line) + "\n";
        Files.createDirectories(temp.resolve("reg/index/3/o"));
        Files.writeString(temp.resolve("reg/index/3/o/old"), written);
        EmbeddedRegistry r = start();
        assertEquals(written, HttpPublish.get(r.apiUrl() + "/index/3/o/old", null).body());
        JsonNode v = JSON.readTree(HttpPublish.get(r.apiUrl() + "/api/v1/crates/old/1.0.0", null).body());
        assertTrue(v.get("version").get("yanked").asBoolean());
        String meta = JSON.writeValueAsString(meta("huge", "1.0.0")).replace("\"features\":{}",
                "\"features\":{},\"links\":1e400");
        assertEquals(200, HttpPublish.put(r, null, meta.getBytes(StandardCharsets.UTF_8), crate("huge")).status());
        assertEquals("Infinity", JSON.readTree(r.indexLines("huge").get(0)).get("links").asString());
    }

    @Test
    void versionLookupOwnersAndDownloadChecksum() {
        EmbeddedRegistry r = start();
        HttpPublish.put(r, null, meta("look", "0.3.0"), crate("look"));
        JsonNode v = JSON.readTree(HttpPublish.get(r.apiUrl() + "/api/v1/crates/look/0.3.0", null).body()).get("version");
        assertEquals("0.3.0", v.get("num").asString());
        assertEquals(RegistryStore.sha256(crate("look")), v.get("checksum").asString());
        assertEquals(404, HttpPublish.get(r.apiUrl() + "/api/v1/crates/look/9.9.9", null).status());
        assertTrue(HttpPublish.get(r.apiUrl() + "/api/v1/crates/look/owners", null).body().contains("\"users\""));
        assertArrayEquals(crate("look"), r.crateFile("look", "0.3.0"));
    }

    @Test
    void authRequiredGuardsTheIndexAndRejectsWrongTokens() {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")).withToken("tok", true));
        HttpPublish.Response anonymous = HttpPublish.get(r.apiUrl() + "/index/config.json", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Cargo login_url="));
        assertEquals(403, HttpPublish.get(r.apiUrl() + "/index/config.json", "wrong").status());
        assertEquals(200, HttpPublish.get(r.apiUrl() + "/index/config.json", "tok").status());
        HttpPublish.Response wrong = HttpPublish.put(r, "wrong", meta("z", "1.0.0"), crate("z"));
        assertEquals(403, wrong.status());
        assertTrue(wrong.body().contains("the token sent is not valid for this registry"));
        assertTrue(!wrong.body().contains("tok\""), "the expected token is never echoed");
    }

    @Test
    void faultSwitches() {
        EmbeddedRegistry r = start();
        r.injectFaults(Fault.tooManyRequests(Duration.ofSeconds(90)), Fault.unavailable(), Fault.serverError(),
                Fault.reset(), Fault.slow(Duration.ofMillis(1500)));
        HttpPublish.Response tooMany = HttpPublish.put(r, null, meta("f", "1.0.0"), crate("f"));
        assertEquals(429, tooMany.status());
        ZonedDateTime retry = ZonedDateTime.parse(tooMany.headers().firstValue("Retry-After").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(retry.isAfter(ZonedDateTime.now().plusSeconds(80)), retry.toString());
        assertTrue(tooMany.body().contains("Please try again after"), tooMany.body());
        assertEquals(503, HttpPublish.put(r, null, meta("f", "1.0.0"), crate("f")).status());
        assertEquals(500, HttpPublish.put(r, null, meta("f", "1.0.0"), crate("f")).status());
        assertThrows(UncheckedIOException.class, () -> HttpPublish.put(r, null, meta("f", "1.0.0"), crate("f")),
                "a reset closes the connection without an answer");
        assertTrue(r.published().isEmpty(), "no faulted publish is stored");
        long start = System.nanoTime();
        assertEquals(200, HttpPublish.put(r, null, meta("f", "1.0.0"), crate("f")).status());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 1500, "slow answers after the delay");
        assertEquals(1, r.published().size());
        assertEquals(5, r.publishRequests(), "429, 503, 500, reset, then the slow success");
    }

    @Test
    void faultsFromConfiguration() {
        List<Fault> f = Fault.parseList("429:5s*2, 503, reset, slow:3s*1, 500");
        assertEquals(List.of(Fault.tooManyRequests(Duration.ofSeconds(5)), Fault.tooManyRequests(Duration.ofSeconds(5)),
                Fault.unavailable(), Fault.reset(), Fault.slow(Duration.ofSeconds(3)), Fault.serverError()), f);
        assertThrows(IllegalArgumentException.class, () -> Fault.parseList("418"));
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")).withFaults(Fault.parseList("503*2")));
        assertEquals(503, HttpPublish.put(r, null, meta("g", "1.0.0"), crate("g")).status());
        assertEquals(503, HttpPublish.put(r, null, meta("g", "1.0.0"), crate("g")).status());
        assertEquals(200, HttpPublish.put(r, null, meta("g", "1.0.0"), crate("g")).status());
    }

    @Test
    void indexLagHidesANewVersionForAWhile() throws Exception {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")).withIndexLag(Duration.ofMillis(800)));
        HttpPublish.put(r, null, meta("lag", "1.0.0"), crate("lag"));
        assertEquals(404, HttpPublish.get(r.apiUrl() + "/index/3/l/lag", null).status());
        Thread.sleep(900);
        assertEquals(200, HttpPublish.get(r.apiUrl() + "/index/3/l/lag", null).status());
    }

    @Test
    void restartOnTheSameDirectoryServesEverything() {
        EmbeddedRegistry first = start();
        HttpPublish.put(first, null, meta("keep", "1.0.0"), crate("keep"));
        HttpPublish.put(first, null, meta("keep", "1.1.0"), crate("keep2"));
        String before = HttpPublish.get(first.apiUrl() + "/index/ke/ep/keep", null).body();
        first.close();
        EmbeddedRegistry second = start();
        assertEquals(before, HttpPublish.get(second.apiUrl() + "/index/ke/ep/keep", null).body());
        assertArrayEquals(crate("keep2"), second.crateFile("keep", "1.1.0"));
        HttpPublish.Response dl = HttpPublish.get(second.apiUrl() + "/api/v1/crates/keep/1.1.0/download", null);
        assertEquals(200, dl.status());
        assertEquals(400, HttpPublish.put(second, null, meta("keep", "1.1.0"), crate("again")).status(),
                "versions published before the restart are still known");
    }
}
