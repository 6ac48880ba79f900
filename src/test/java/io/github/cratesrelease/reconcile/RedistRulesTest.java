package io.github.cratesrelease.reconcile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crates:validate on redist sources. */
class RedistRulesTest {

    @TempDir
    Path tmp;

    @Test
    void redistSourcesAreCheckedAgainstTheSpecAndTheWorkspace() {
        List<String> f = new TestWorkspace(tmp).workspace("").crate("a", "0.1.0", "").spec("""
                version: 1
                crates:
                  a: {}
                redist:
                  - name: up
                    git: https://example.com/up.git
                    rev: main
                    crates: [a, b]
                    registry: feed
                    patches:
                      c: { package: { description: "x" } }
                """).findings();
        String all = String.join("\n", f);
        assertTrue(all.contains("redist source up targets registry `feed`, which is not defined"), all);
        assertTrue(all.contains("a is both released (crates:) and redistributed (redist up)"), all);
        assertTrue(all.contains("release.yaml:7:10: rev main of redist source up is not a full commit hash"), all);
        assertTrue(all.contains("a patch for c, which redist source up does not republish"), all);
    }

    @Test
    void aRedistOnlySpecNeedsNoWorkspace() {
        List<String> f = new TestWorkspace(tmp).spec("""
                version: 1
                defaults:
                  registry: feed
                registries:
                  feed:
                    index: sparse+https://feed.example.com/index/
                redist:
                  - name: up
                    git: ../up
                    rev: 0123456789abcdef0123456789abcdef01234567
                    crates: [b]
                """).findings();
        assertTrue(f.stream().noneMatch(l -> l.startsWith("error")), String.join("\n", f));
    }
}
