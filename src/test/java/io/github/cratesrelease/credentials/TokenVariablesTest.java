package io.github.cratesrelease.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.SpecLoader;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which variables children never see, and the one exception: git talking to a remote gets the GitHub token. */
class TokenVariablesTest {

    @TempDir
    Path tmp;

    private ReleaseSpec spec() {
        return new SpecLoader().load(Fixtures.write(tmp.resolve("release.yaml"), """
                version: 1
                workspace: .
                registries:
                  feed:
                    index: sparse+https://feed.example.com/index/
                    token: { env: FEED_TOKEN }
                post-publish:
                  - webhook: { url: "https://hooks.example.com/x", secret: { env: HOOK_SECRET } }
                  - github-release: { repo: o/r }
                """));
    }

    /** The variables a child started by {@code runner} with {@code command} (a shell printing its env) sees. */
    private static Map<String, String> childEnv(ProcessRunner runner, List<String> command) {
        Map<String, String> seen = new HashMap<>();
        for (String line : runner.run(Path.of("."), Map.of(), command, null, null).orThrow("env").stdout()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                seen.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return seen;
    }

    @Test
    void childrenStartWithoutAnyTokenVariableOfCargoOrOfTheSpec() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "KEEP", "1",
                "CARGO_REGISTRY_TOKEN", "t1", "CARGO_REGISTRIES_OTHER_TOKEN", "t2", "FEED_TOKEN", "t3",
                "HOOK_SECRET", "t4", "GITHUB_TOKEN", "t5",
                "CARGO_REGISTRIES_FEED_CREDENTIAL_PROVIDER", "cargo:token"));
        ProcessRunner runner = new ProcessRunner(env);
        TokenVariables.withholdCargoTokens(runner);
        TokenVariables.withhold(runner, spec());
        Map<String, String> seen = childEnv(runner, List.of("sh", "-c", "env"));
        assertEquals("1", seen.get("KEEP"));
        assertEquals("cargo:token", seen.get("CARGO_REGISTRIES_FEED_CREDENTIAL_PROVIDER"), "not a secret: kept");
        for (String k : List.of("CARGO_REGISTRY_TOKEN", "CARGO_REGISTRIES_OTHER_TOKEN", "FEED_TOKEN", "HOOK_SECRET",
                "GITHUB_TOKEN")) {
            assertFalse(seen.containsKey(k), k + " reached a child");
        }
        assertEquals(Set.of("FEED_TOKEN", "HOOK_SECRET", "GITHUB_TOKEN"), TokenVariables.namedBy(spec()));
        // given explicitly, a withheld variable reaches that one child
        assertEquals("t9", runner.run(Path.of("."), Map.of("FEED_TOKEN", "t9"), List.of("sh", "-c",
                "echo $FEED_TOKEN"), null, null).stdout().get(0));
    }

    @Test
    void theGithubTokenStillReachesGitTalkingToARemoteForACredentialHelper() {
        assertTrue(TokenVariables.isGitRemote(List.of("git", "push", "--porcelain", "origin", "v1")));
        assertTrue(TokenVariables.isGitRemote(List.of("git", "-c", "a=b", "ls-remote", "--tags", "origin")));
        assertTrue(TokenVariables.isGitRemote(List.of("/usr/bin/git", "fetch", "origin")));
        assertFalse(TokenVariables.isGitRemote(List.of("git", "commit", "-m", "push")));
        assertFalse(TokenVariables.isGitRemote(List.of("git", "tag", "push")));
        assertFalse(TokenVariables.isGitRemote(List.of("cargo", "publish")));
        // a stand-in git that prints the environment it was started with (a credential helper would inherit it)
        Path bin = tmp.resolve("bin");
        Fixtures.write(bin.resolve("git"), "#!/bin/sh\nenv\n");
        assertTrue(bin.resolve("git").toFile().setExecutable(true));
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "GITHUB_TOKEN", "gh-1", "FEED_TOKEN", "f-1"));
        ProcessRunner runner = new ProcessRunner(env);
        TokenVariables.withhold(runner, spec());
        Map<String, String> pushEnv = childEnv(runner, List.of("git", "push", "origin", "v1"));
        assertEquals("gh-1", pushEnv.get("GITHUB_TOKEN"), "git push keeps the GitHub token");
        assertFalse(pushEnv.containsKey("FEED_TOKEN"), "but never a registry token");
        Map<String, String> commitEnv = childEnv(runner, List.of("git", "tag", "v1"));
        assertFalse(commitEnv.containsKey("GITHUB_TOKEN"), "other git commands do not get it");
    }

    @Test
    void cargoGetsOneRegistrysTokenWithCargoTokenAsItsProvider() {
        Secret s = new Secret("tok", "test");
        assertEquals(Map.of("CARGO_REGISTRIES_MY_FEED_TOKEN", "tok", "CARGO_REGISTRIES_MY_FEED_CREDENTIAL_PROVIDER",
                "cargo:token"), TokenVariables.forCargo("my-feed", s));
        assertEquals(Map.of("CARGO_REGISTRY_TOKEN", "tok", "CARGO_REGISTRY_CREDENTIAL_PROVIDER", "cargo:token"),
                TokenVariables.forCargo("crates-io", s));
        assertTrue(TokenVariables.forCargo("x", null).isEmpty());
        assertTrue(TokenVariables.isCargoToken("CARGO_REGISTRIES_A_B_TOKEN"));
        assertFalse(TokenVariables.isCargoToken("CARGO_REGISTRIES_A_INDEX"));
    }
}
