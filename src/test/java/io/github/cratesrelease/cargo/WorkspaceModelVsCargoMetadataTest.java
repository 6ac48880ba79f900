package io.github.cratesrelease.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.semver.VersionReq;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace model must agree with real {@code cargo metadata --no-deps --offline}: names, versions, publish,
 * and every dependency edge with its kind, target, requirement, rename, optionality, path and registry.
 */
class WorkspaceModelVsCargoMetadataTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"full", "implicit", "single", "example"})
    void modelAgreesWithCargoMetadata(String fixture) {
        Path ws = fixture.equals("example") ? Fixtures.example(temp) : Fixtures.workspace(fixture, temp);
        JsonNode meta = JsonMapper.builder().build().readTree(Processes.cargoMetadata(ws));
        CargoWorkspace model = new WorkspaceLoader().load(ws);
        CargoConfig config = CargoConfig.load(ws, Map.of("HOME", temp.toString()));

        Map<String, String> expected = new TreeMap<>();
        for (JsonNode p : meta.get("packages")) {
            expected.put(p.get("name").asString(), describe(p));
        }
        Map<String, String> actual = new TreeMap<>();
        for (CargoPackage p : model.members()) {
            actual.put(p.name(), describe(p, config));
        }
        assertEquals(expected, actual, "model vs cargo metadata for fixture " + fixture);
        assertFalse(actual.isEmpty());
    }

    private static String describe(JsonNode p) {
        List<String> deps = new ArrayList<>();
        for (JsonNode d : p.get("dependencies")) {
            deps.add(String.join("|", d.get("name").asString(), text(d.get("rename")), text(d.get("kind")),
                    text(d.get("target")), d.get("req").asString(), String.valueOf(d.get("optional").asBoolean()),
                    String.valueOf(d.has("path")), text(d.get("registry"))));
        }
        JsonNode pub = p.get("publish");
        String publish = pub == null || pub.isNull() ? "any" : pub.isEmpty() ? "none" : pub.toString();
        return p.get("version").asString() + " publish=" + publish + " deps=" + new TreeSet<>(deps);
    }

    private static String describe(CargoPackage p, CargoConfig config) {
        List<String> deps = new ArrayList<>();
        for (CargoDependency d : p.dependencies()) {
            String registry = d.registry() == null ? "null" : config.registry(d.registry()).index();
            deps.add(String.join("|", d.packageName(), d.isRenamed() ? d.key() : "null",
                    String.valueOf(d.kind().metadataName()), String.valueOf(d.target()),
                    d.req() == null ? "*" : VersionReq.parse(d.req()).toCargoString(), String.valueOf(d.optional()),
                    String.valueOf(d.path() != null), registry));
        }
        String publish = p.publishTo() == null ? "any" : p.publishTo().isEmpty() ? "none"
                : "[" + String.join(",", p.publishTo().stream().map(s -> "\"" + s + "\"").toList()) + "]";
        return p.version() + " publish=" + publish + " deps=" + new TreeSet<>(deps);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.asString();
    }

    @org.junit.jupiter.api.Test
    void fullFixtureHasTheShapesTheModelMustHandle() {
        Path ws = Fixtures.workspace("full", temp);
        CargoWorkspace model = new WorkspaceLoader().load(ws);
        assertEquals(List.of("a", "ab", "abc", "internal-tool"),
                model.members().stream().map(CargoPackage::name).sorted().toList());
        assertTrue(model.member("excluded").isEmpty(), "exclude must win over the crates/* glob");
        CargoPackage a = model.member("a").orElseThrow();
        assertEquals("1.2.3", a.version(), "version inherited from [workspace.package]");
        CargoDependency renamed = a.dependencies().stream().filter(CargoDependency::isRenamed).findFirst().orElseThrow();
        assertEquals("abc2", renamed.key());
        assertEquals("abc", renamed.packageName());
        CargoDependency inherited = a.dependencies().stream().filter(d -> d.key().equals("ab") && d.kind() == DependencyKind.NORMAL)
                .findFirst().orElseThrow();
        assertTrue(inherited.inherited());
        assertEquals(ws.resolve("crates/ab").toAbsolutePath().normalize(), inherited.path(),
                "an inherited path is relative to the workspace root");
        assertEquals(List.of("extra"), inherited.features());
        assertEquals(9, inherited.location().line(), "located at the member's own line");
        assertEquals(1, inherited.location().column());
        assertEquals(List.of(ws.resolve("crates/a").toAbsolutePath().normalize()), model.defaultMembers());
        assertTrue(model.member("internal-tool").orElseThrow().publishTo().isEmpty());
    }
}
