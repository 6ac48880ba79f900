package io.github.cratesrelease.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.spec.ReleaseSpec.TokenRef;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenResolverTest {

    @TempDir
    Path tmp;

    private Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("CARGO_HOME", tmp.resolve("cargo-home").toString());
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    private TokenResolver resolver(Map<String, String> env, TokenResolver.ServerLookup servers) {
        return new TokenResolver(env, servers, new ProcessRunner(env));
    }

    @Test
    void theSpecReferenceComesFirstThenCargoVariablesThenCredentialsToml() {
        Fixtures.write(tmp.resolve("cargo-home/credentials.toml"), """
                [registry]
                token = "from-file-crates-io"

                [registries.corp]
                token = "from-file-corp"
                """);
        Map<String, String> env = env("MY_TOKEN", "from-spec-env", "CARGO_REGISTRIES_CORP_TOKEN", "from-cargo-env");
        TokenResolver r = resolver(env, null);
        assertEquals("from-spec-env", r.resolve("corp", null, new TokenRef(TokenRef.Kind.ENV, "MY_TOKEN")).token()
                .reveal());
        assertEquals("from-cargo-env", r.resolve("corp", null, null).token().reveal());
        assertEquals("from-file-crates-io", r.resolve("crates-io", null, null).token().reveal());
        env.remove("CARGO_REGISTRIES_CORP_TOKEN");
        TokenResolver.Resolution fromFile = r.resolve("corp", null, null);
        assertEquals("from-file-corp", fromFile.token().reveal());
        assertTrue(fromFile.token().source().endsWith("credentials.toml"));
        env.put("CARGO_REGISTRY_TOKEN", "crates-io-env");
        assertEquals("crates-io-env", r.resolve("crates-io", null, null).token().reveal());
    }

    @Test
    void aSettingsServerPasswordIsATokenAndToStringNeverShowsIt() {
        TokenResolver r = resolver(env(), id -> id.equals("corp-registry") ? Optional.of("srv-secret") : Optional.empty());
        Secret s = r.resolve("corp", null, new TokenRef(TokenRef.Kind.SERVER, "corp-registry")).token();
        assertEquals("srv-secret", s.reveal());
        assertFalse(s.toString().contains("srv-secret"));
        assertTrue(s.toString().contains("corp-registry"));
    }

    @Test
    void nothingFoundListsEveryPlaceLooked() {
        TokenResolver.Resolution res = resolver(env(), null).resolve("corp", null,
                new TokenRef(TokenRef.Kind.ENV, "NOPE"));
        assertNull(res.token());
        assertEquals(4, res.looked().size(), res.looked().toString());
        assertTrue(res.looked().get(1).contains("CARGO_REGISTRIES_CORP_TOKEN"));
    }

    @Test
    void tokenFromStdoutRunsTheCommandWithTheRegistryInItsEnvironment() throws Exception {
        Path script = script("token.sh", "#!/bin/sh\necho \"stdout-$CARGO_REGISTRY_NAME_OPT\"\n");
        Secret s = resolver(env(), null).resolve("corp", "sparse+https://corp.example/index/",
                new TokenRef(TokenRef.Kind.PROVIDER, "cargo:token-from-stdout " + script)).token();
        assertEquals("stdout-corp", s.reveal());
        Path failing = script("fail.sh", "#!/bin/sh\nexit 3\n");
        TokenResolver.CredentialException e = assertThrows(TokenResolver.CredentialException.class,
                () -> resolver(env(), null).resolve("corp", null,
                        new TokenRef(TokenRef.Kind.PROVIDER, "cargo:token-from-stdout " + failing)));
        assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
    }

    @Test
    void anExternalProviderSpeaksCargosJsonProtocol() throws Exception {
        // a provider in the shape cargo's credential protocol describes: hello line, read one request, answer
        Path provider = script("provider.sh", """
                #!/bin/sh
                [ "$1" = "--cargo-plugin" ] || exit 9
                echo '{"v":[1]}'
                read request
                case "$request" in
                  *'"name":"corp"'*) echo '{"Ok":{"kind":"get","token":"json-token","cache":"session","operation_independent":true}}' ;;
                  *) echo '{"Err":{"kind":"not-found"}}' ;;
                esac
                """);
        TokenResolver r = resolver(env(), null);
        assertEquals("json-token", r.resolve("corp", "sparse+https://corp.example/index/",
                new TokenRef(TokenRef.Kind.PROVIDER, provider.toString())).token().reveal());
        assertNull(r.resolve("other", null, new TokenRef(TokenRef.Kind.PROVIDER, provider.toString())).token());
    }

    private Path script(String name, String text) throws Exception {
        Path p = Fixtures.write(tmp.resolve(name), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
