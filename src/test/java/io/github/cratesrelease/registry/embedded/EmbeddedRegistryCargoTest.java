package io.github.cratesrelease.registry.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.CargoSandbox;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Jackson;
import io.github.cratesrelease.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The embedded registry driven by the real cargo binary with an isolated CARGO_HOME. */
class EmbeddedRegistryCargoTest {

    @TempDir
    Path temp;

    @RegisterExtension
    final Registries registries = new Registries();


    /** A workspace a <- b <- c, path dependencies carrying registry = "embedded". */
    static Path chain(Path root) {
        Fixtures.write(root.resolve("Cargo.toml"), """
                [workspace]
                resolver = "2"
                members = ["a", "b", "c"]

                [workspace.dependencies]
                a = { path = "a", version = "0.1.0", registry = "embedded" }
                b = { path = "b", version = "0.1.0", registry = "embedded" }
                """);
        crate(root, "a", "", "pub fn a() -> u32 { 1 }");
        crate(root, "b", "a.workspace = true", "pub fn b() -> u32 { a::a() + 1 }");
        crate(root, "c", "b.workspace = true", "pub fn c() -> u32 { b::b() + 1 }");
        return root;
    }

    static void crate(Path root, String name, String deps, String code) {
        Fixtures.write(root.resolve(name).resolve("Cargo.toml"), """
                [package]
                name = "%s"
                version = "0.1.0"
                edition = "2021"
                description = "test crate %s"
                license = "MIT"
                publish = ["embedded"]

                [dependencies]
                %s
                """.formatted(name, name, deps));
        Fixtures.write(root.resolve(name).resolve("src/lib.rs"), code + "\n");
    }

    private static Path consumer(Path dir) {
        Fixtures.write(dir.resolve("Cargo.toml"), """
                [package]
                name = "consumer"
                version = "0.1.0"
                edition = "2021"
                publish = false

                [dependencies]
                c = { version = "0.1", registry = "embedded" }
                """);
        Fixtures.write(dir.resolve("src/main.rs"), "fn main() { assert_eq!(c::c(), 3); }\n");
        return dir;
    }

    @Test
    void cargoPublishesAChainInOrderAndAConsumerBuildsFromIt() throws Exception {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")).withToken("t0ken-abc", false));
        CargoSandbox cargo = new CargoSandbox(temp.resolve("cargo-home"), r, "t0ken-abc");
        Path ws = chain(temp.resolve("ws"));
        for (String c : List.of("a", "b", "c")) {
            Processes.Result res = cargo.ok(ws, "publish", "-p", c, "--registry", "embedded");
            assertTrue(res.stderr().contains("Published " + c + " v0.1.0 at registry `embedded`"), res.stderr());
        }
        assertEquals(List.of("a", "b", "c"), r.published().stream().map(RegistryStore.Entry::name).toList());
        JsonNode bLine = Jackson.mapper().readTree(r.indexLines("b").get(0));
        assertEquals("a", bLine.get("deps").get(0).get("name").asString());
        assertEquals("^0.1.0", bLine.get("deps").get(0).get("req").asString());
        assertTrue(bLine.get("deps").get(0).get("registry") == null, "a same-registry dependency has no registry field");
        assertEquals(RegistryStore.sha256(r.crateFile("b", "0.1.0")), bLine.get("cksum").asString());

        Path app = consumer(temp.resolve("app"));
        Processes.Result build = cargo.ok(app, "run");
        assertTrue(build.stderr().contains("Downloaded"), build.stderr());
        String lock = Files.readString(app.resolve("Cargo.lock"));
        for (String c : List.of("a", "b", "c")) {
            String cksum = RegistryStore.sha256(r.crateFile(c, "0.1.0"));
            assertTrue(lock.contains("checksum = \"" + cksum + "\""), "Cargo.lock pins the checksum of " + c);
        }
    }

    @Test
    void publishingBeforeTheDependencyIsRefused() {
        EmbeddedRegistry first = registries.start(RegistryOptions.defaults(temp.resolve("reg1")));
        CargoSandbox cargo = new CargoSandbox(temp.resolve("home1"), first, "x");
        Path ws = chain(temp.resolve("ws"));
        // cargo itself resolves b's dependency against the index first and stops before uploading
        Processes.Result early = cargo.cargo(ws, "publish", "-p", "b", "--registry", "embedded", "--no-verify");
        assertNotEquals(0, early.exit());
        assertTrue(early.stderr().contains("no matching package named `a` found"), early.stderr());
        assertEquals(0, first.publishRequests());
        // the server's own rule, with the exact request cargo sends: replay b's real publish into a fresh registry
        cargo.ok(ws, "publish", "-p", "a", "--registry", "embedded", "--no-verify");
        cargo.ok(ws, "publish", "-p", "b", "--registry", "embedded", "--no-verify");
        EmbeddedRegistry fresh = registries.start(RegistryOptions.defaults(temp.resolve("reg2")));
        HttpPublish.Response refused = HttpPublish.put(fresh, null, first.receivedMetadata("b", "0.1.0"),
                first.crateFile("b", "0.1.0"));
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("no known crate named `a`"), refused.body());
        assertTrue(fresh.published().isEmpty());
    }

    @Test
    void yankAndUndo() throws Exception {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")).withToken("tok", false));
        CargoSandbox cargo = new CargoSandbox(temp.resolve("home"), r, "tok");
        Path ws = chain(temp.resolve("ws"));
        cargo.ok(ws, "publish", "-p", "a", "--registry", "embedded", "--no-verify");
        cargo.ok(ws, "yank", "a@0.1.0", "--registry", "embedded");
        JsonNode line = Jackson.mapper().readTree(r.indexLines("a").get(0));
        assertTrue(line.get("yanked").asBoolean(), "a yanked version stays in the index with yanked: true");
        cargo.ok(ws, "yank", "a@0.1.0", "--undo", "--registry", "embedded");
        line = Jackson.mapper().readTree(r.indexLines("a").get(0));
        assertFalse(line.get("yanked").asBoolean());
    }

    @Test
    void authRequiredWorksWithTheTokenAndFailsClearlyWithoutIt() {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")).withToken("s3cret-token", true));
        Path ws = chain(temp.resolve("ws"));
        CargoSandbox good = new CargoSandbox(temp.resolve("good"), r, "s3cret-token");
        good.ok(ws, "publish", "-p", "a", "--registry", "embedded");
        good.ok(ws, "publish", "-p", "b", "--registry", "embedded"); // verify downloads a with the token
        good.ok(ws, "publish", "-p", "c", "--registry", "embedded");
        good.ok(consumer(temp.resolve("app")), "build");

        Processes.Result wrong = new CargoSandbox(temp.resolve("wrong"), r, "not-the-token")
                .cargo(consumer(temp.resolve("app2")), "build");
        assertNotEquals(0, wrong.exit());
        assertTrue(wrong.stderr().contains("403"), wrong.stderr());
        assertTrue(wrong.stderr().contains("the token sent is not valid for this registry"), wrong.stderr());

        Processes.Result none = new CargoSandbox(temp.resolve("none"), r, null).cargo(consumer(temp.resolve("app3")), "build");
        assertNotEquals(0, none.exit());
        assertTrue(none.stderr().contains("no token found for `embedded`"), none.stderr());
    }

    @Test
    void cargoWaitsThroughAnIndexLagAndSucceeds() {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")).withIndexLag(Duration.ofSeconds(2)));
        CargoSandbox cargo = new CargoSandbox(temp.resolve("home"), r, "x");
        Path ws = chain(temp.resolve("ws"));
        long start = System.nanoTime();
        Processes.Result res = cargo.ok(ws, "publish", "-p", "a", "--registry", "embedded", "--no-verify");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(res.stderr().contains("note: waiting for a v0.1.0 to be available at registry `embedded`"),
                res.stderr());
        assertTrue(res.stderr().contains("Published a v0.1.0 at registry `embedded`"), res.stderr());
        assertTrue(ms >= 2000, "publish returned after " + ms + " ms, before the lag ended");
    }

    @Test
    void cargoSeesA429WithItsDetail() {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")));
        CargoSandbox cargo = new CargoSandbox(temp.resolve("home"), r, "x");
        Path ws = chain(temp.resolve("ws"));
        r.injectFaults(Fault.tooManyRequests(Duration.ofSeconds(30)));
        Processes.Result res = cargo.cargo(ws, "publish", "-p", "a", "--registry", "embedded", "--no-verify");
        assertNotEquals(0, res.exit());
        assertTrue(res.stderr().contains("429"), res.stderr());
        assertTrue(res.stderr().contains("You have published too many crates in a short period of time"), res.stderr());
        assertTrue(r.published().isEmpty());
        cargo.ok(ws, "publish", "-p", "a", "--registry", "embedded", "--no-verify");
        assertEquals(1, r.published().size());
    }

    @Test
    void eightParallelPublishesAllLandAndTheIndexStaysWellFormed() throws Exception {
        EmbeddedRegistry r = registries.start(RegistryOptions.defaults(temp.resolve("reg")));
        CargoSandbox cargo = new CargoSandbox(temp.resolve("home"), r, "x");
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path d = temp.resolve("p" + i);
            crate(d.getParent(), "p" + i, "", "pub fn f() {}");
            dirs.add(d);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Processes.Result>> results = new ArrayList<>();
            for (Path d : dirs) {
                results.add(pool.submit(() -> cargo.cargo(d, "publish", "--registry", "embedded", "--no-verify",
                        "--allow-dirty")));
            }
            for (Future<Processes.Result> f : results) {
                Processes.Result res = f.get();
                assertEquals(0, res.exit(), res.stderr());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8, r.published().size());
        try (var files = Files.walk(temp.resolve("reg/index"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode n = Jackson.mapper().readTree(line);
                    assertEquals(64, n.get("cksum").asString().length(), f.toString());
                }
            }
        }
    }
}
