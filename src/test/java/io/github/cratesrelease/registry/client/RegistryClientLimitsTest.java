package io.github.cratesrelease.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a registry sends is read within bounds, and a broken index line is named by crate, line and URL. */
class RegistryClientLimitsTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final RegistryClient client = new RegistryClient(Duration.ofSeconds(20));

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        client.close();
    }

    /** A registry front serving these index files (path → body), streamed without a length when {@code chunked}. */
    private String serve(Map<String, byte[]> files, boolean chunked) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                byte[] b = files.get(ex.getRequestURI().getPath());
                if (b == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.sendResponseHeaders(200, chunked ? 0 : b.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(b);
                }
            }
        });
        server.start();
        return "sparse+http://127.0.0.1:" + server.getAddress().getPort() + "/index/";
    }

    @Test
    void aBrokenIndexLineNamesTheCrateTheLineAndTheUrl() throws Exception {
        try (EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg")))) {
            String good = "{\"name\":\"base\",\"vers\":\"0.1.0\",\"deps\":[],\"cksum\":\"00\",\"features\":{},"
                    + "\"yanked\":false}\n";
            String index = serve(Map.of("/index/" + RegistryClient.indexPath("base"), (good + good.replace("0.1.0", "0.2.0") + "oops\n")
                    .getBytes(StandardCharsets.UTF_8)), false);
            RegistryDataException e = assertThrows(RegistryDataException.class, () -> client.index(index, "base",
                    null));
            String url = RegistryClient.httpIndex(index) + RegistryClient.indexPath("base");
            assertTrue(e.getMessage().startsWith("the index entry of `base` (line 3 of " + url + ") is not valid JSON: "),
                    e.getMessage());
            assertFalse(e.getMessage().contains("Source"), e.getMessage());
            // and the real registry's index of a crate it does not know: no entry, no error
            assertEquals(0, client.index(r.indexUrl(), "base", null).size());
        }
    }

    @Test
    void anIndexFileOver10MiBIsRefusedWithItsSizeWhetherItsLengthIsKnownOrNot() throws Exception {
        byte[] huge = new byte[(int) RegistryClient.MAX_INDEX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        for (boolean chunked : new boolean[] {false, true}) {
            String index = serve(Map.of("/index/3/b/big", huge), chunked);
            long t0 = System.nanoTime();
            RegistryDataException e = assertThrows(RegistryDataException.class, () -> client.index(index, "big", null));
            assertTrue(e.getMessage().startsWith("the index file of `big` at " + RegistryClient.httpIndex(index)
                    + "3/b/big is larger than 10 MiB"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "refused quickly");
            server.stop(0);
        }
        server = null;
    }

    @Test
    void indexUrlsAreCheckedAsCargoWouldTakeThem() {
        assertNull(RegistryClient.indexUrlProblem("sparse+https://index.crates.io/"));
        assertNull(RegistryClient.indexUrlProblem("sparse+http://127.0.0.1:8080/index/"));
        assertNull(RegistryClient.indexUrlProblem("sparse+http://my_registry:8080/index/"));
        assertNull(RegistryClient.indexUrlProblem("ssh://git@github.com/org/index.git"));
        assertNull(RegistryClient.indexUrlProblem("file:///srv/index"));
        assertEquals("'sparse+https://host:99999/index/' has port 99999, outside 1..65535",
                RegistryClient.indexUrlProblem("sparse+https://host:99999/index/"));
        assertEquals("'sparse+https://host:0/' has port 0, outside 1..65535",
                RegistryClient.indexUrlProblem("sparse+https://host:0/"));
        assertTrue(RegistryClient.indexUrlProblem("sparse+https://ho st/").contains("is not a valid URL"));
        assertEquals("'sparse+https:///index/' has no host name", RegistryClient.indexUrlProblem("sparse+https:///index/"));
        assertEquals("'sparse+ssh://host/x': a sparse index is read over http or https, not 'ssh'",
                RegistryClient.indexUrlProblem("sparse+ssh://host/x"));
    }
}
