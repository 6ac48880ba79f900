package io.github.cratesrelease.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Member globs walk no deeper than the pattern reaches, and find what a walk of the whole tree finds. */
class MemberGlobsTest {

    @TempDir
    Path root;

    private void crate(String dir) throws IOException {
        Path d = Files.createDirectories(root.resolve(dir));
        Files.writeString(d.resolve("Cargo.toml"), "[package]\nname = \"x\"\nversion = \"0.1.0\"\n");
        Files.createDirectories(d.resolve("src"));
        Files.writeString(d.resolve("src/lib.rs"), "");
    }

    private List<Path> paths(String... rel) {
        return java.util.Arrays.stream(rel).map(r -> root.resolve(r)).sorted().toList();
    }

    @Test
    void theDepthOfAPattern() {
        assertEquals(1, MemberGlobs.depth("*"));
        assertEquals(2, MemberGlobs.depth("crates/*"));
        assertEquals(2, MemberGlobs.depth("./crates/*/"));
        assertEquals(3, MemberGlobs.depth("crates/*/lib-?"));
        assertEquals(Integer.MAX_VALUE, MemberGlobs.depth("crates/**"));
        assertEquals(Integer.MAX_VALUE, MemberGlobs.depth("crates/../other/*"));
    }

    @Test
    void theSameMembersAsAWalkOfTheWholeTree() throws IOException {
        crate("crates/a");
        crate("crates/b");
        crate("crates/a/nested");           // deeper than crates/*
        crate("crates/group/x");
        crate("crates/group/y/deep");
        crate("crates/target");             // never a member, as before
        crate("tools/t1");
        crate("target/package/built");      // cargo's output
        Files.createDirectories(root.resolve("crates/no-manifest/src"));
        for (String pattern : List.of("*", "crates/*", "crates/*/*", "crates/[ab]", "crates/?", "crates/**",
                "**/deep", "*/*", "crates/group/*", "./crates/*")) {
            assertEquals(MemberGlobs.expand(root, pattern, Integer.MAX_VALUE), MemberGlobs.expand(root, pattern),
                    pattern);
        }
        assertEquals(paths("crates/a", "crates/b"), MemberGlobs.expand(root, "crates/*"));
        assertEquals(paths("crates/a/nested", "crates/group/x"), MemberGlobs.expand(root, "crates/*/*"));
        assertEquals(paths("crates/a/nested", "crates/group/x", "crates/group/y/deep", "crates/a", "crates/b"),
                MemberGlobs.expand(root, "crates/**"));
    }
}
