package io.github.cratesrelease.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A requirement is matched against a sibling's version once for each pair (thousands of dependencies ask a handful):
 * the same requirement text against two versions gets two answers, the same pair asked again the same one, and an
 * unparsable requirement is reported at every dependency that writes it.
 */
class RequirementPairsTest {

    @TempDir
    Path temp;

    @Test
    void eachDependencyGetsTheAnswerOfItsOwnPair() {
        List<String> findings = new TestWorkspace(temp)
                .workspace("")
                .crate("one", "1.4.0", "")
                .crate("two", "2.0.0", "")
                .crate("both", "0.1.0", "[dependencies]\none = { path = \"../one\", version = \"1\" }\n"
                        + "two = { path = \"../two\", version = \"1\" }\n")
                .crate("only-one", "0.1.0", "[dependencies]\none = { path = \"../one\", version = \"1\" }\n")
                .crate("only-two", "0.1.0", "[dependencies]\ntwo = { path = \"../two\", version = \"1\" }\n")
                .crate("bad-a", "0.1.0", "[dependencies]\none = { path = \"../one\", version = \"one\" }\n")
                .crate("bad-b", "0.1.0", "[dependencies]\none = { path = \"../one\", version = \"one\" }\n")
                .spec("""
                        version: 1
                        crates:
                          one: {}
                          two: {}
                          both: {}
                          only-one: {}
                          only-two: {}
                          bad-a: {}
                          bad-b: {}
                        """)
                .findings().stream().filter(f -> f.contains("dependency '")).toList();
        assertEquals(List.of(
                "error: crates/bad-a/Cargo.toml:8:1: dependency 'one' of 'bad-a' has an invalid version requirement",
                "error: crates/bad-b/Cargo.toml:8:1: dependency 'one' of 'bad-b' has an invalid version requirement",
                "error: crates/both/Cargo.toml:9:1: dependency 'two' of 'both' requires two '1', which its current "
                        + "version 2.0.0 does not satisfy",
                "error: crates/only-two/Cargo.toml:8:1: dependency 'two' of 'only-two' requires two '1', which its "
                        + "current version 2.0.0 does not satisfy"),
                findings.stream().map(f -> f.replaceAll("(requirement|satisfy).*", "$1")).toList());
    }
}
