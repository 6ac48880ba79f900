package io.github.cratesrelease.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.review.ReviewReport.Finding;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.testing.Processes;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crates:review on a repository made by the test: a base commit and a head commit with every kind of problem. */
class ReviewGoalTest {

    @TempDir
    Path tmp;

    private static final String LOG = "# Changelog\n\n## [Unreleased]\n\n";

    private static String section(String version) {
        return "## [" + version + "] - 2026-11-01\n\n### Changed\n- release " + version + "\n\n";
    }

    /** Base: a, b, c, d (on registry extra), e; per-crate changelogs; order auto. */
    private TestWorkspace base() {
        TestWorkspace ws = new TestWorkspace(tmp.resolve("ws")).workspace("")
                .crate("a", "1.0.0", "\n[features]\ndefault = [\"x\"]\nx = []\n")
                .crate("b", "1.0.0", "\n[dependencies]\na = { path = \"../a\", version = \"1.0\" }\n")
                .crate("c", "0.3.0", "")
                .crate("d", "2.0.0", "")
                .crate("e", "1.0.0", "\n[dependencies]\na = { path = \"../a\", version = \"1.0\" }\n")
                .file(".gitignore", "target/\n")
                .spec("""
                        version: 1
                        registries:
                          extra:
                            index: sparse+https://example.com/index/
                        crates:
                          a: {}
                          b: {}
                          c: {}
                          d: { registry: extra }
                          e: {}
                        order: auto
                        changelog:
                          path: "{crate_dir}/CHANGELOG.md"
                        """);
        for (String c : List.of("a:1.0.0", "b:1.0.0", "c:0.3.0", "d:2.0.0", "e:1.0.0")) {
            String[] nv = c.split(":");
            ws.file("crates/" + nv[0] + "/CHANGELOG.md", LOG + section(nv[1]));
        }
        return ws;
    }

    private void git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
        cmd.addAll(List.of(args));
        Processes.Result r = Processes.run(tmp.resolve("ws"), Map.of(), cmd);
        assertEquals(0, r.exit(), cmd + ": " + r.stderr());
    }

    private void commit(String message) {
        if (!Files.isDirectory(tmp.resolve("ws/.git"))) {
            git("init", "-q", "-b", "main");
        }
        git("add", "-A");
        git("commit", "-qm", message);
    }

    private ReviewReport review(RecordingReporter log, String base, List<String> console) {
        Path spec = tmp.resolve("ws/release.yaml");
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "PATH", System.getenv("PATH"),
                "GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString());
        try (RunContext ctx = RunContext.builder(env, log).spec(spec).build()) {
            return ReviewGoal.review(ctx, new ReviewOptions(base, "never", console::add));
        }
    }

    @Test
    void everyKindOfProblemIsListedAtItsLineAndTheTreeIsUntouched() throws Exception {
        TestWorkspace ws = base();
        commit("base");
        // head: a 2.0.0 drops feature x (a fitting major bump) but its changelog has no 2.0.0 section; b 1.0.1 moves
        // to a 2.0 (too small); c goes backwards; f is new; registry extra is removed while d still uses it; the
        // explicit order puts b before a; e still requires a 1.0
        ws.crate("a", "2.0.0", "\n[features]\ndefault = []\n")
                .crate("b", "1.0.1", "\n[dependencies]\na = { path = \"../a\", version = \"2.0\" }\n")
                .crate("c", "0.2.0", "")
                .crate("f", "0.1.0", "")
                .file("crates/b/CHANGELOG.md", LOG + section("1.0.1") + section("1.0.0"))
                .file("crates/c/CHANGELOG.md", LOG + section("0.2.0") + section("0.3.0"))
                .file("crates/f/CHANGELOG.md", LOG + section("0.1.0"))
                .spec("""
                        version: 1
                        crates:
                          a: {}
                          b: {}
                          c: {}
                          d: { registry: extra }
                          e: {}
                          f: {}
                        order: [b, a, c, d, e, f]
                        changelog:
                          path: "{crate_dir}/CHANGELOG.md"
                        """);
        commit("head");
        String before = fingerprint(tmp.resolve("ws"));
        RecordingReporter log = new RecordingReporter();
        List<String> console = new ArrayList<>();
        ReviewReport r = review(log, "main~1", console);
        String all = r.findings().stream().map(Finding::toString).reduce("", (x, y) -> x + "\n" + y);

        assertEquals(before, fingerprint(tmp.resolve("ws")), "working tree and index byte-identical");
        ReviewReport.VersionChange a = version(r, "a");
        assertEquals("major", a.bump());
        assertTrue(a.fits(), a.toString());
        assertTrue(a.reasons().contains("feature x removed"), a.toString());
        ReviewReport.VersionChange b = version(r, "b");
        assertEquals("patch", b.bump());
        assertEquals("major", b.required());
        assertTrue(b.reasons().get(0).contains("requirement on a moved from 1.0 to 2.0"), b.toString());
        assertEquals("backwards", version(r, "c").bump());
        assertFinding(r, "version", "crates/b/Cargo.toml", 3, "b 1.0.0 → 1.0.1 is a patch bump, but", all);
        assertFinding(r, "version", "crates/c/Cargo.toml", 3, "c goes backwards from 0.3.0 to 0.2.0", all);
        assertFinding(r, "new-crate", "crates/f/Cargo.toml", 1, "f 0.1.0 is a new crate", all);
        assertEquals(List.of("f"), r.newCrates().stream().map(ReviewReport.NewCrate::crate).toList());
        assertTrue(r.specChanges().stream().anyMatch(c -> c.change().equals("removed")
                && c.section().equals("registries") && c.subject().equals("extra")), r.specChanges().toString());
        assertFinding(r, "validation", "release.yaml", 6, "extra", all);  // d: { registry: extra }, now undefined
        assertFinding(r, "validation", "release.yaml", 9, "b", all);      // the explicit order: b before a
        assertFinding(r, "validation", "crates/e/Cargo.toml", 9, "a", all);  // e still requires a 1.0
        assertFinding(r, "changelog", "crates/a/CHANGELOG.md", 0, "2.0.0", all);
        assertEquals(null, r.plan(), "no plan while the order contradicts the graph");

        String md = Files.readString(tmp.resolve("ws/target/crates/review.md"));
        assertTrue(md.contains("(crates/c/Cargo.toml#L3)"), md);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                Files.readString(tmp.resolve("ws/target/crates/review.json")));
        assertEquals(List.of(), ReviewRenderTest.messages(ReviewRenderTest.schema().validate(json)),
                "the review.json written for this repository validates against schema/review-report.schema.json");
        assertTrue(console.stream().anyMatch(l -> l.startsWith("::error file=crates/c/Cargo.toml,line=3,col=")),
                console.toString());
        assertTrue(Files.readString(tmp.resolve("summary.md")).contains("(crates/c/Cargo.toml#L3)"));
    }

    @Test
    void anUnchangedRepositoryIsOneLineAndPasses() throws Exception {
        base();
        commit("base");
        RecordingReporter log = new RecordingReporter();
        ReviewReport r = review(log, "HEAD", new ArrayList<>());
        assertFalse(r.relevant(), r.toString());
        assertTrue(log.text().contains("No release-relevant change between HEAD ("), log.text());
        assertEquals(1, Files.readString(tmp.resolve("ws/target/crates/review.md")).strip().lines().count());
    }

    @Test
    void anUnknownBaseIsALocatedUserError() throws Exception {
        base();
        commit("base");
        ReleaseException e = assertThrows(ReleaseException.class, () -> review(new RecordingReporter(), "nope",
                new ArrayList<>()));
        assertTrue(e.fullMessage().contains("-Dcrates.base=nope names no commit of this repository"),
                e.fullMessage());
    }

    @Test
    void aSpecInASubdirectoryIsComparedWithTheBaseOfTheWholeRepository() throws Exception {
        Path repo = tmp.resolve("repo");
        TestWorkspace ws = new TestWorkspace(repo.resolve("rust")).workspace("").crate("a", "1.0.0", "")
                .spec("version: 1\ncrates:\n  a: {}\n");
        for (List<String> cmd : List.of(List.of("init", "-q", "-b", "main"), List.of("add", "-A"),
                List.of("commit", "-qm", "base"))) {
            gitIn(repo, cmd);
        }
        ws.crate("a", "1.1.0", "");
        gitIn(repo, List.of("commit", "-qam", "bump"));
        Path spec = repo.resolve("rust/release.yaml");
        RecordingReporter log = new RecordingReporter();
        ReviewReport r;
        try (RunContext ctx = RunContext.builder(Map.of("HOME", tmp.resolve("home").toString(), "PATH",
                System.getenv("PATH")), log).spec(spec).build()) {
            r = ReviewGoal.review(ctx, new ReviewOptions("main~1", "never", l -> { }));
        }
        assertEquals(List.of(), r.newCrates(), "a was released at base too: " + log.text());
        assertEquals(List.of(), r.specChanges());
        ReviewReport.VersionChange a = version(r, "a");
        assertEquals("minor", a.bump());
        assertEquals("rust/crates/a/Cargo.toml", a.file());
        assertEquals("rust/release.yaml", r.specFile());
    }

    private void gitIn(Path dir, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
        cmd.addAll(args);
        Processes.Result res = Processes.run(dir, Map.of(), cmd);
        assertEquals(0, res.exit(), cmd + ": " + res.stderr());
    }

    private static ReviewReport.VersionChange version(ReviewReport r, String crate) {
        return r.versions().stream().filter(v -> v.crate().equals(crate)).findFirst()
                .orElseThrow(() -> new AssertionError("no version change of " + crate + ": " + r.versions()));
    }

    private static void assertFinding(ReviewReport r, String category, String file, int line, String text,
            String all) {
        assertTrue(r.findings().stream().anyMatch(f -> f.category().equals(category) && file.equals(f.file())
                && (line == 0 || f.line() == line) && f.message().contains(text)),
                category + " at " + file + ":" + line + " containing '" + text + "' in:" + all);
    }

    /** SHA-256 over every file of the work tree (target/ aside) and git's index. */
    private static String fingerprint(Path root) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("target") || rel.startsWith(".git/") && !rel.equals(".git/index")
                        || !Files.isRegularFile(p)) {
                    continue;
                }
                md.update(rel.getBytes());
                md.update(Files.readAllBytes(p));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
