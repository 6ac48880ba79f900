package io.github.cratesrelease.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseRulesTest {

    @TempDir
    Path tmp;

    private TestWorkspace two(String sections) {
        return new TestWorkspace(tmp).workspace("").crate("a", "0.1.0", "").crate("b", "0.1.0", "")
                .spec("version: 1\ncrates:\n  a: {}\n  b: {}\n" + sections);
    }

    @Test
    void perCrateTagsThatNameNoCrateCollide() {
        List<String> f = two("tags:\n  name: \"v{version}\"\n").findings();
        assertTrue(f.stream().anyMatch(l -> l.startsWith("error: release.yaml:5:1: tags.name \"v{version}\" makes one tag "
                + "per crate (scope: crate) but names no crate: the 2 crates would collide on one tag")), f.toString());
        assertEquals(List.of(), two("tags:\n  name: \"v{version}\"\n  scope: workspace\n").findings().stream()
                .filter(l -> l.contains("tags.name")).toList());
    }

    @Test
    void aTagNameWithoutVersionAndACargoInstallOfAnUnknownCrateAreErrors() {
        List<String> f = two("tags:\n  name: \"{crate}\"\npost-publish:\n  - cargo-install: { crate: c }\n")
                .findings();
        assertTrue(f.stream().anyMatch(l -> l.contains("tags.name \"{crate}\" has no {version}")), f.toString());
        assertTrue(f.stream().anyMatch(l -> l.startsWith("error: release.yaml:8:5: cargo-install names c, which is not a "
                + "crate of this release (name one of: a, b)")), f.toString());
    }
}
