package io.github.cratesrelease.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.bench.SyntheticWorkspace.Shape;
import io.github.cratesrelease.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The benchmark's generated workspaces are what cargo reads them as: levels, fan-in, features, a clean git tree. */
class SyntheticWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void cargoSeesTheLevelsTheFanInAndTheFeaturesAndGitIsClean() throws Exception {
        Path ws = SyntheticWorkspace.generate(dir.resolve("ws"), new Shape(30, 4, 3), "bench");
        Processes.Result meta = Processes.run(ws, Map.of("CARGO_REGISTRIES_BENCH_INDEX",
                "sparse+http://127.0.0.1:9/index/"), List.of("cargo", "metadata", "--no-deps", "--offline",
                "--format-version", "1"));
        assertEquals(0, meta.exit(), meta.stderr());
        JsonNode packages = new ObjectMapper().readTree(meta.stdout()).get("packages");
        assertEquals(30, packages.size());
        Map<String, Integer> level = new HashMap<>();
        packages.forEach(p -> level.put(p.get("name").asString(), levelOf(p.get("name").asString())));
        int optional = 0;
        int featured = 0;
        for (JsonNode p : packages) {
            int own = level.get(p.get("name").asString());
            boolean belowOne = own == 0;
            for (JsonNode d : p.get("dependencies")) {
                int l = level.get(d.get("name").asString());
                assertTrue(l < own, p.get("name") + " depends on " + d.get("name") + " of a level not below");
                assertTrue(d.get("registry").asString().contains("127.0.0.1:9"), d.toString());
                belowOne |= l == own - 1;
                optional += d.get("optional").asBoolean() ? 1 : 0;
            }
            assertTrue(belowOne, p.get("name") + " has no dependency on the level just below");
            assertTrue(p.get("dependencies").size() <= 4, p.get("name") + ": fan-in 3 plus an optional one");
            featured += p.get("features").size() > 0 ? 1 : 0;
        }
        assertTrue(optional > 0 && featured > 0, "optional " + optional + ", featured " + featured);
        assertEquals("", Processes.ok(ws, "git", "status", "--porcelain"));
        assertTrue(Files.readString(ws.resolve("release.yaml")).contains("registry: bench"));
    }

    private static int levelOf(String name) {
        return Integer.parseInt(name.substring("bench-l".length(), name.indexOf("-c")));
    }
}
