package io.github.cratesrelease.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.testing.TestWorkspace;
import io.github.cratesrelease.run.Analysis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionPlannerTest {

    @TempDir
    Path tmp;

    private TestWorkspace ws(String versioning) {
        return new TestWorkspace(tmp.resolve("ws")).workspace("\n[workspace.package]\nversion = \"2.0.0\"\n")
                .crate("a", "0.3.0", "")
                .crate("b", "0.5.1", "")
                .crate("c", "1.0.0-rc.1", "")
                .file("crates/d/src/lib.rs", "")
                .file("crates/d/Cargo.toml", "[package]\nname = \"d\"\nversion.workspace = true\nedition = \"2021\"\n"
                        + "license = \"MIT\"\ndescription = \"d\"\n")
                .file("crates/e/src/lib.rs", "")
                .file("crates/e/Cargo.toml", "[package]\nname = \"e\"\nversion.workspace = true\nedition = \"2021\"\n"
                        + "license = \"MIT\"\ndescription = \"e\"\n")
                .spec("version: 1\n" + versioning);
    }

    private Map<String, String> plan(TestWorkspace w, VersionBump.Level level, Version exact, List<String> sel,
            Diagnostics diags) {
        Analysis a = w.analyze();
        Map<String, String> out = new TreeMap<>();
        new VersionPlanner().plan(a.spec(), a.releaseSet(), new VersionPlanner.Target(level, exact, sel), diags)
                .forEach(c -> out.put(c.name(), c.from() + " -> " + c.to() + " (" + c.reason() + ")"));
        return out;
    }

    @Test
    void independentCratesMoveAloneButInheritorsMoveTogether() {
        Diagnostics d = new Diagnostics();
        Map<String, String> p = plan(ws(""), VersionBump.Level.PATCH, null, List.of("a", "d"), d);
        assertEquals(Map.of("a", "0.3.0 -> 0.3.1 (selected)", "d", "2.0.0 -> 2.0.1 (selected)",
                "e", "2.0.0 -> 2.0.1 (inherits [workspace.package] version)"), p);
        assertTrue(d.isEmpty());
    }

    @Test
    void aGroupMovesToTheBumpOfItsHighestVersion() {
        Diagnostics d = new Diagnostics();
        Map<String, String> p = plan(ws("versioning:\n  groups:\n    io: [a, b]\n"), VersionBump.Level.MINOR, null,
                List.of("a"), d);
        assertEquals(Map.of("a", "0.3.0 -> 0.6.0 (selected)", "b", "0.5.1 -> 0.6.0 (versioning group 'io')"), p);
    }

    @Test
    void sharedModeMovesEveryReleasedCrateToOneVersion() {
        Diagnostics d = new Diagnostics();
        Map<String, String> p = plan(ws("versioning:\n  mode: shared\n"), VersionBump.Level.MAJOR, null,
                List.of("b"), d);
        assertEquals(5, p.size(), p.toString());
        assertTrue(p.values().stream().allMatch(v -> v.contains("-> 3.0.0")), p.toString());
        assertEquals("0.5.1 -> 3.0.0 (selected)", p.get("b"));
        assertEquals("0.3.0 -> 3.0.0 (versioning mode: shared)", p.get("a"));
    }

    @Test
    void preReleasesMoveForwardAndRelease() {
        Diagnostics d = new Diagnostics();
        assertEquals(Map.of("c", "1.0.0-rc.1 -> 1.0.0-rc.2 (selected)"),
                plan(ws(""), VersionBump.Level.RC, null, List.of("c"), d));
        assertEquals(Map.of("c", "1.0.0-rc.1 -> 1.0.0 (selected)"),
                plan(ws(""), VersionBump.Level.RELEASE, null, List.of("c"), d));
        plan(ws(""), VersionBump.Level.RELEASE, null, List.of("a"), d);
        assertTrue(d.errors().get(0).format().contains("crates/a/Cargo.toml:3:1: a: 0.3.0 is not a pre-release"),
                d.errors().get(0).format());
    }

    @Test
    void anExplicitVersionMustBeNewerAndNamesMustExist() {
        Diagnostics d = new Diagnostics();
        plan(ws(""), null, Version.parse("0.4.0"), List.of("b"), d);
        assertTrue(d.errors().get(0).message().contains("-Dcrates.version=0.4.0 is not newer than b 0.5.1"),
                d.errors().toString());
        Diagnostics unknown = new Diagnostics();
        plan(ws(""), VersionBump.Level.PATCH, null, List.of("bb"), unknown);
        assertEquals("-Dcrates.crates names 'bb', which is not a member of the workspace",
                unknown.errors().get(0).message());
        assertEquals("did you mean 'b'?", unknown.errors().get(0).hint());
        Diagnostics ok = new Diagnostics();
        assertEquals(Map.of("b", "0.5.1 -> 0.6.0-alpha.1 (selected)"),
                plan(ws(""), null, Version.parse("0.6.0-alpha.1"), List.of("b"), ok));
    }

    @Test
    void validateChecksGroups() {
        TestWorkspace w = ws("versioning:\n  groups:\n    one: [a, bb]\n    two: [a]\n");
        List<String> f = w.findings();
        assertTrue(f.contains("error: release.yaml:4:14: versioning group 'one' names 'bb', which is not a member of "
                + "the workspace (did you mean 'b'?)"), f.toString());
        assertTrue(f.contains("error: release.yaml:5:11: crate 'a' is in versioning groups 'one' and 'two' (a crate "
                + "moves with one group only: remove it from one of them)"), f.toString());
    }

    /** wgpu-shaped: many crates of their own at 0.20.0-dev, asked for a beta. */
    private TestWorkspace devWorkspace(int crates) {
        TestWorkspace w = new TestWorkspace(tmp.resolve("dev")).workspace("");
        for (int i = 1; i <= crates; i++) {
            w.crate("naga-" + i, "0.20.0-dev", "");
        }
        return w.spec("version: 1\n");
    }

    @Test
    void aLevelThatSortsBeforeTheCurrentPreReleaseIsOneErrorSayingWhy() {
        TestWorkspace w = devWorkspace(12);
        Diagnostics d = new Diagnostics();
        new VersionPlanner().plan(w.analyze().spec(), w.analyze().releaseSet(),
                new VersionPlanner.Target(VersionBump.Level.BETA, null, List.of()), d);
        assertEquals(1, d.errors().size(), d.errors().toString());
        String e = d.errors().get(0).format().replace(w.root() + "/", "");
        assertEquals("crates/naga-1/Cargo.toml:3:1: 12 crates (naga-1, naga-10, naga-11 and 9 more): cannot go from "
                + "0.20.0-dev to beta: 0.20.0-beta.1 sorts before 0.20.0-dev (SemVer compares pre-release identifiers "
                + "in ASCII order: 'beta' < 'dev'), so it would be a step backwards (use "
                + "-Dcrates.bump=major|minor|patch|release|rc, or give the version with -Dcrates.version=X.Y.Z)", e);
    }

    @Test
    void aLevelThatSortsAfterAnotherPreReleaseStartsIt() {
        TestWorkspace w = devWorkspace(2);
        Diagnostics d = new Diagnostics();
        assertEquals(Map.of("naga-1", "0.20.0-dev -> 0.20.0-rc.1 (released)", "naga-2",
                "0.20.0-dev -> 0.20.0-rc.1 (released)"), plan(w, VersionBump.Level.RC, null, List.of(), d));
        assertTrue(d.errors().isEmpty(), d.errors().toString());
    }
}
