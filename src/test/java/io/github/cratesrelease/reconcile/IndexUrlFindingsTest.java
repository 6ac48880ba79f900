package io.github.cratesrelease.reconcile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec registry's index URL is checked fully by validate, not 20 s later inside cargo. */
class IndexUrlFindingsTest {

    @TempDir
    Path temp;

    private List<String> findings(String index) {
        return new TestWorkspace(temp).workspace("").crate("base", "0.1.0", "publish = [\"feed\"]\n")
                .spec("""
                        version: 1
                        workspace: .
                        defaults:
                          registry: feed
                        registries:
                          feed:
                            index: "%s"
                        """.formatted(index)).findings();
    }

    @Test
    void aPortOutOfRangeIsALocatedError() {
        List<String> f = findings("sparse+https://feed.example.com:99999/index/");
        assertTrue(f.contains("error: release.yaml:6:3: registry 'feed': index 'sparse+https://feed.example.com:99999/"
                + "index/' has port 99999, outside 1..65535 (give cargo's index URL, such as 'sparse+https://host/path/'"
                + " (a port within 1..65535))"), String.join("\n", f));
    }

    @Test
    void aUrlThatDoesNotParseIsALocatedError() {
        List<String> f = findings("sparse+https://feed example/index/");
        assertTrue(f.stream().anyMatch(l -> l.startsWith("error: release.yaml:6:3: registry 'feed': index "
                + "'sparse+https://feed example/index/' is not a valid URL: Illegal character in authority")),
                String.join("\n", f));
    }

    @Test
    void aGoodUrlHasNoFinding() {
        List<String> f = findings("sparse+https://feed.example.com:8443/index/");
        assertTrue(f.stream().noneMatch(l -> l.contains("index '")), String.join("\n", f));
    }
}
