package io.github.cratesrelease.publish;

import io.github.cratesrelease.testing.RecordingReporter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same workspace published once with {@code cargo publish} (upload mode cargo) and once with the direct
 * upload, each into a fresh registry on the same port: the metadata JSON each registry received is byte-identical,
 * and so are the index lines (but for pubtime).
 */
class MetadataParityTest {

    @TempDir
    Path tmp;

    static final String TOKEN = "parity-token-123";

    static Path workspace(Path root) {
        Fixtures.write(root.resolve("Cargo.toml"), """
                [workspace]
                resolver = "2"
                members = ["base", "feat", "app"]

                [workspace.dependencies]
                base = { path = "base", version = "0.2.0", registry = "embedded" }
                """);
        Fixtures.write(root.resolve("base/Cargo.toml"), """
                [package]
                name = "base"
                version = "0.2.0"
                edition = "2021"
                description = "base: \\"quoted\\" text, tabs\\tand unicode é"
                license = "MIT OR Apache-2.0"
                authors = ["A <a@example.com>", "B"]
                keywords = ["parity", "test"]
                categories = ["development-tools"]
                repository = "https://example.com/repo"
                homepage = "https://example.com"
                documentation = "https://docs.example.com/base"
                rust-version = "1.70"
                readme = "README.md"

                [features]
                default = ["std"]
                std = []
                extra = []
                """);
        Fixtures.write(root.resolve("base/README.md"), "# base\n\nA readme with \"quotes\" and a tab\there.\n");
        Fixtures.write(root.resolve("base/src/lib.rs"), "pub fn base() -> u32 { 1 }\n");
        Fixtures.write(root.resolve("feat/Cargo.toml"), """
                [package]
                name = "feat"
                version = "0.2.0"
                edition = "2021"
                description = "features, optional, renamed, target, build and dev deps"
                license = "MIT"
                links = "feat"
                build = "build.rs"

                [dependencies]
                base = { workspace = true, default-features = false, features = ["extra", "std"] }
                opt_base = { package = "base", path = "../base", version = "0.2", registry = "embedded", optional = true }
                ext = { version = "1.0", registry = "other" }

                [target.'cfg(any(unix,windows))'.dependencies]
                plat_base = { package = "base", path = "../base", version = "~0.2.0", registry = "embedded" }

                [build-dependencies]
                base = { workspace = true }

                [dev-dependencies]
                base = { path = "../base", version = ">=0.2, <0.3", registry = "embedded" }

                [features]
                full = ["dep:opt_base", "base/std"]
                """);
        Fixtures.write(root.resolve("feat/build.rs"), "fn main() {}\n");
        Fixtures.write(root.resolve("feat/src/lib.rs"), "pub fn feat() -> u32 { base::base() + ext::one() }\n");
        Fixtures.write(root.resolve("app/Cargo.toml"), """
                [package]
                name = "app"
                version = "0.2.0"
                edition = "2021"
                description = "an exact requirement"
                license = "MIT"
                readme = false

                [dependencies]
                feat = { path = "../feat", version = "=0.2.0", registry = "embedded", features = ["full"] }
                """);
        Fixtures.write(root.resolve("app/src/lib.rs"), "pub fn app() -> u32 { feat::feat() }\n");
        Fixtures.write(root.resolve("release.yaml"), PublishFixtures.spec("strategy: index\ntimeout: 1m\ninterval: 200ms"));
        Fixtures.write(root.resolve(".gitignore"), "target/\n");
        PublishFixtures.gitCommit(root);
        return root;
    }

    /** The crate {@code ext} 1.0.0 on registry {@code other}. */
    static void publishExt(Path dir, Map<String, String> env) {
        Fixtures.write(dir.resolve("Cargo.toml"), """
                [package]
                name = "ext"
                version = "1.0.0"
                edition = "2021"
                description = "on another registry"
                license = "MIT"
                """);
        Fixtures.write(dir.resolve("src/lib.rs"), "pub fn one() -> u32 { 1 }\n");
        Processes.Result r = Processes.run(dir, env, List.of("cargo", "publish", "--registry", "other", "--no-verify",
                "--allow-dirty"));
        assertEquals(0, r.exit(), r.stderr());
    }

    @Test
    void directUploadSendsExactlyWhatCargoSends() throws Exception {
        int port = PublishFixtures.freePort();
        Path ws = workspace(tmp.resolve("ws"));
        try (EmbeddedRegistry other = PublishFixtures.start(tmp.resolve("other"), 0, TOKEN)) {
            EmbeddedRegistry viaCargo = PublishFixtures.start(tmp.resolve("reg-cargo"), port, TOKEN);
            Map<String, String> env = PublishFixtures.env(tmp.resolve("home"),
                    Map.of("embedded", viaCargo, "other", other), Map.of("embedded", TOKEN, "other", TOKEN));
            publishExt(tmp.resolve("ext"), env);
            Map<String, byte[]> cargoMeta = new java.util.HashMap<>();
            Map<String, List<String>> cargoLines = new java.util.HashMap<>();
            try (viaCargo) {
                RecordingReporter log = new RecordingReporter();
                PublishResult r = new PublishEngine(env, log).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                        .mode(PublishOptions.Mode.CARGO).verify(false)
                        .outputDirectory(tmp.resolve("out-cargo")).build());
                assertEquals(3, r.count(Status.PUBLISHED), log.text());
                for (String c : List.of("base", "feat", "app")) {
                    cargoMeta.put(c, viaCargo.receivedMetadataBytes(c, "0.2.0"));
                    cargoLines.put(c, withoutPubtime(viaCargo.indexLines(c)));
                }
            }
            try (EmbeddedRegistry direct = PublishFixtures.start(tmp.resolve("reg-direct"), port, TOKEN)) {
                RecordingReporter log = new RecordingReporter();
                PublishResult r = new PublishEngine(env, log).publish(PublishOptions.builder(ws.resolve("release.yaml"))
                        .mode(PublishOptions.Mode.DIRECT).verify(false)
                        .outputDirectory(tmp.resolve("out-direct")).build());
                assertEquals(3, r.count(Status.PUBLISHED), log.text());
                for (String c : List.of("base", "feat", "app")) {
                    byte[] ours = direct.receivedMetadataBytes(c, "0.2.0");
                    assertNotNull(cargoMeta.get(c));
                    assertEquals(new String(cargoMeta.get(c), StandardCharsets.UTF_8),
                            new String(ours, StandardCharsets.UTF_8), "metadata JSON of " + c);
                    assertArrayEquals(cargoMeta.get(c), ours, "metadata bytes of " + c);
                    assertEquals(cargoLines.get(c), withoutPubtime(direct.indexLines(c)), "index line of " + c);
                }
                String feat = new String(direct.receivedMetadataBytes("feat", "0.2.0"), StandardCharsets.UTF_8);
                for (String expected : List.of("\"explicit_name_in_toml\":\"opt_base\"", "\"kind\":\"build\"",
                        "\"kind\":\"dev\"", "\"target\":\"cfg(any(unix, windows))\"", "\"optional\":true",
                        "\"registry\":\"" + other.indexUrl() + "\"", "\"links\":\"feat\"")) {
                    assertTrue(feat.contains(expected), expected + " in " + feat);
                }
            }
        }
    }

    static List<String> withoutPubtime(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(",?\"pubtime\":\"[^\"]*\"", "")).toList();
    }
}
