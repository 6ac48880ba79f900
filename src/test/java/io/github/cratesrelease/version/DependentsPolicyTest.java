package io.github.cratesrelease.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code =0.3.0} requirement on a bumped crate under each versioning.dependents policy. */
class DependentsPolicyTest {

    @TempDir
    Path tmp;

    private TestWorkspace pinned(String policy, String requirement) {
        TestWorkspace w = new TestWorkspace(tmp.resolve("ws")).workspace("")
                .crate("a", "0.3.0", "")
                .crate("b", "0.3.0", "\n[dependencies]\na = { path = \"../a\", version = \"" + requirement + "\" }\n")
                .spec("version: 1\nversioning:\n  dependents: " + policy + "\n");
        Processes.ok(w.root(), "cargo", "generate-lockfile", "--offline");
        return w;
    }

    private BumpEngine.BumpResult bumpA(TestWorkspace w, RecordingReporter out) {
        return new BumpEngine(BumpGoldenTest.env(), out).bump(new BumpRequest(w.root().resolve("release.yaml"),
                VersionBump.Level.PATCH, null, List.of("a"), false, false, BumpGoldenTest.DAY));
    }

    private String manifestOfB(TestWorkspace w) throws IOException {
        return Files.readString(w.root().resolve("crates/b/Cargo.toml"));
    }

    @Test
    void upgradeRewritesTheExactRequirement() throws IOException {
        TestWorkspace w = pinned("upgrade", "=0.3.0");
        RecordingReporter out = new RecordingReporter();
        bumpA(w, out);
        assertTrue(manifestOfB(w).contains("a = { path = \"../a\", version = \"=0.3.1\" }"), manifestOfB(w));
        assertTrue(out.text().contains("Note: requirements of b changed, but it is not bumped"), out.text());
        Processes.ok(w.root(), "cargo", "metadata", "--format-version", "1", "--locked", "--offline");
        assertTrue(w.findings().stream().noneMatch(f -> f.startsWith("error")), w.findings().toString());
    }

    @Test
    void fixRewritesOnlyWhatNoLongerMatches() throws IOException {
        TestWorkspace w = pinned("fix", "=0.3.0");
        bumpA(w, new RecordingReporter());
        assertTrue(manifestOfB(w).contains("version = \"=0.3.1\""), manifestOfB(w));
        Processes.ok(w.root(), "cargo", "metadata", "--format-version", "1", "--locked", "--offline");

        TestWorkspace loose = new TestWorkspace(tmp.resolve("loose")).workspace("")
                .crate("a", "0.3.0", "")
                .crate("b", "0.3.0", "\n[dependencies]\na = { path = \"../a\", version = \"0.3.0\" }\n")
                .spec("version: 1\nversioning:\n  dependents: fix\n");
        bumpA(loose, new RecordingReporter());
        assertTrue(Files.readString(loose.root().resolve("crates/b/Cargo.toml"))
                .contains("version = \"0.3.0\""), "a requirement that still matches stays under fix");
    }

    @Test
    void errorStopsAtTheRequirementAndWritesNothing() throws IOException {
        TestWorkspace w = pinned("error", "=0.3.0");
        String a = Files.readString(w.root().resolve("crates/a/Cargo.toml"));
        String b = manifestOfB(w);
        String lock = Files.readString(w.root().resolve("Cargo.lock"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> bumpA(w, new RecordingReporter()));
        String msg = e.fullMessage().replace(w.root() + "/", "");
        // a's entry is line 9 of b's manifest, its version key at column 22
        assertTrue(msg.contains("crates/b/Cargo.toml:9:22: [dependencies] a requires '=0.3.0', which a 0.3.1 does "
                + "not satisfy: versioning.dependents is 'error'"), msg);
        assertTrue(msg.contains("nothing was changed"), msg);
        assertEquals(a, Files.readString(w.root().resolve("crates/a/Cargo.toml")));
        assertEquals(b, manifestOfB(w));
        assertEquals(lock, Files.readString(w.root().resolve("Cargo.lock")));
    }

    @Test
    void ignoreLeavesItAndValidateReportsTheMismatch() throws IOException {
        TestWorkspace w = pinned("ignore", "=0.3.0");
        RecordingReporter out = new RecordingReporter();
        bumpA(w, out);
        assertTrue(manifestOfB(w).contains("version = \"=0.3.0\""), manifestOfB(w));
        assertTrue(Files.readString(w.root().resolve("crates/a/Cargo.toml")).contains("version = \"0.3.1\""));
        assertTrue(out.text().contains("[WARN] ") && out.text().contains("left as it is (versioning.dependents: "
                + "ignore)"), out.text());
        assertTrue(w.findings().contains("error: crates/b/Cargo.toml:9:1: dependency 'a' of 'b' requires a '=0.3.0', "
                + "which its current version 0.3.1 does not satisfy (set version = \"0.3.1\", or bump with "
                + "crates:bump)"), w.findings().toString());
    }

    @Test
    void aRangeThatNoLongerMatchesCannotBeUpgradedAndSaysSo() {
        TestWorkspace w = pinned("upgrade", ">=0.3.0, <0.3.1");
        ReleaseException e = assertThrows(ReleaseException.class, () -> bumpA(w, new RecordingReporter()));
        assertTrue(e.fullMessage().contains("it is not a single '^', '~', '=', '>=' or wildcard requirement, which a "
                + "bump cannot rewrite"), e.fullMessage());
    }

    @Test
    void aMultiLineStringIsReportedNotMangled() throws IOException {
        TestWorkspace w = pinned("upgrade", "=0.3.0");
        w.file("crates/b/Cargo.toml", manifestOfB(w).replace("version = \"=0.3.0\"", "version = '''=0.3.0'''"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> bumpA(w, new RecordingReporter()));
        String msg = e.fullMessage().replace(w.root() + "/", "");
        assertTrue(msg.contains("crates/b/Cargo.toml: cannot edit the versions: the value of 'version' at line 9 is "
                + "not a single-line string literal (write versions and requirements as single-line strings"), msg);
        assertTrue(Files.readString(w.root().resolve("crates/a/Cargo.toml")).contains("version = \"0.3.0\""));
    }

    @Test
    void requirementsKeepTheirStyle() {
        Version v040 = Version.parse("0.4.0");
        assertEquals("0.4", RequirementUpdate.upgrade("0.3", v040));
        assertEquals("^0.4.0", RequirementUpdate.upgrade("^0.3.0", v040));
        assertEquals("=0.4.0", RequirementUpdate.upgrade("=0.3.0", v040));
        assertEquals("~0.4", RequirementUpdate.upgrade("~0.3", v040));
        assertEquals("0.4.*", RequirementUpdate.upgrade("0.3.*", v040));
        assertEquals(">= 0.4.0", RequirementUpdate.upgrade(">= 0.3.0", v040));
        assertEquals(" ^ 0.4 ", RequirementUpdate.upgrade(" ^ 0.3 ", v040));
        assertEquals("1", RequirementUpdate.upgrade("0", Version.parse("1.0.0")));
        // a pre-release is matched only when all three numbers and the pre-release are written
        assertEquals("^0.4.0-rc.1", RequirementUpdate.upgrade("^0.3", Version.parse("0.4.0-rc.1")));
        assertEquals(null, RequirementUpdate.upgrade("<0.4", v040));
        assertEquals(null, RequirementUpdate.upgrade(">=0.3, <0.5", v040));
        assertEquals(null, RequirementUpdate.upgrade("*", v040));
        // upgrade keeps a requirement that already covers the version in its precision
        var same = RequirementUpdate.apply(RequirementUpdate.Policy.UPGRADE, "0.3", Version.parse("0.3.1"));
        assertEquals("0.3", same.requirement());
        assertEquals(false, same.changed());
        var raised = RequirementUpdate.apply(RequirementUpdate.Policy.UPGRADE, "0.3.0", Version.parse("0.3.1"));
        assertEquals("0.3.1", raised.requirement());
        var kept = RequirementUpdate.apply(RequirementUpdate.Policy.FIX, "0.3.0", Version.parse("0.3.1"));
        assertEquals("0.3.0", kept.requirement());
    }

    @Test
    void anUnpublishedDependentIsNotSaidToKeepAPublishedVersion() throws IOException {
        // hyperlight-shaped: a fuzz crate with publish = false pins the library it fuzzes
        TestWorkspace w = new TestWorkspace(tmp.resolve("ws")).workspace("")
                .crate("a", "0.3.0", "")
                .crate("a-fuzz", "0.0.0", "publish = false\n\n[dependencies]\na = { path = \"../a\", version = \"=0.3.0\" }\n")
                .crate("b", "0.3.0", "\n[dependencies]\na = { path = \"../a\", version = \"=0.3.0\" }\n")
                .spec("version: 1\ncrates:\n  a: {}\n  b: {}\n  a-fuzz: { publish: false }\n");
        RecordingReporter out = new RecordingReporter();
        bumpA(w, out);
        assertTrue(Files.readString(w.root().resolve("crates/a-fuzz/Cargo.toml")).contains("version = \"=0.3.1\""));
        String note = out.text().lines().filter(l -> l.contains("Note:")).findFirst().orElse("");
        assertEquals("[INFO] Note: requirements of b changed, but it is not bumped: the published version keeps the old "
                + "requirements until released again", note);
    }
}
