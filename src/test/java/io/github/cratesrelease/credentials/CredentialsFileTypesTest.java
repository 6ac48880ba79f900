package io.github.cratesrelease.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cargo's credentials.toml read through the typed, located TOML reads (issue 17 part 1): a token of the wrong type
 * is a located error naming the key, and a file that is not TOML says where without the parser's text (which may
 * quote a token) — not a silent "no token found".
 */
class CredentialsFileTypesTest {

    @TempDir
    Path tmp;

    private TokenResolver.CredentialException failure(String registry, String credentials) {
        Path home = tmp.resolve("cargo-home");
        Fixtures.write(home.resolve("credentials.toml"), credentials);
        Map<String, String> env = Map.of("CARGO_HOME", home.toString(), "PATH", System.getenv("PATH"));
        return assertThrows(TokenResolver.CredentialException.class,
                () -> new TokenResolver(env, null, new ProcessRunner(env)).resolve(registry, null, null));
    }

    @Test
    void aTokenOfTheWrongTypeIsLocated() {
        Path f = tmp.resolve("cargo-home/credentials.toml");
        assertEquals(f + ":2:9: 'registries.corp.token' must be a string, found an integer (write token = \"...\")",
                failure("corp", "[registries.corp]\ntoken = 12345\n").getMessage());
        assertEquals(f + ":1:12: 'registry' must be a table, found a string (write it as a table: [registry] with keys "
                + "below it)", failure("crates-io", "registry = \"tok-abc\"\n").getMessage());
    }

    @Test
    void aFileThatIsNotTomlSaysWhereWithoutQuotingIt() {
        String message = failure("corp", "[registries.corp]\ntoken = cio-canary-7f3a\n").getMessage();
        assertEquals(tmp.resolve("cargo-home/credentials.toml") + ":2:9: credentials.toml is not valid TOML here (fix "
                + "it, or remove it and log in again with cargo login)", message);
        assertFalse(message.contains("canary"));
    }
}
