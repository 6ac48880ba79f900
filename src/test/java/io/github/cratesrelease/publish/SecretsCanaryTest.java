package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.cratesrelease.credentials.Secret;
import io.github.cratesrelease.credentials.TokenResolver;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.io.DefaultSettingsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The canary scan (issue 17, part 5): a unique token through every credential path, to a registry that needs it
 * even to read its index, with a success and two failures each (the registry refuses the token; the registry
 * answers the upload with a 503 that echoes the Authorization header). The token must be in no reporter line (debug
 * included), no file under the workspace and output directory, no child's command line, and in the environment of
 * no child but the cargo ones that read that registry's index or upload to it — under that registry's variable
 * only. A bystander token in the user's environment ({@code CARGO_REGISTRY_TOKEN}) reaches no child at all.
 */
class SecretsCanaryTest {

    enum Source { SPEC_ENV, CARGO_ENV, CREDENTIALS_TOML, SETTINGS_PLAIN, SETTINGS_ENCRYPTED, TOKEN_FROM_STDOUT,
        EXTERNAL_PROVIDER }

    enum Outcome { SUCCESS, WRONG_TOKEN, ECHO_503 }

    private static final String REGISTRY_VAR = "CARGO_REGISTRIES_EMBEDDED_TOKEN";

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Source s : Source.values()) {
            for (Outcome o : Outcome.values()) {
                all.add(Arguments.of(s, o));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void theTokenIsOnlyWhereCargoNeedsIt(Source source, Outcome outcome) throws Exception {
        String canary = "CANARY-" + source + "-" + outcome + "-" + Long.toHexString(System.nanoTime());
        String bystander = "BYSTANDER-" + Long.toHexString(System.nanoTime());
        CanaryScan scan = new CanaryScan(tmp.resolve("scan"));
        String expected = outcome == Outcome.WRONG_TOKEN ? "the-right-token" : canary;
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken(expected, true));
                EchoProxy proxy = outcome == Outcome.ECHO_503 ? new EchoProxy(registry.apiUrl()) : null) {
            String index = proxy != null ? proxy.indexUrl() : registry.indexUrl();
            Path ws = PublishFixtures.chain(tmp.resolve("ws"), 2);
            Map<String, String> env = scan.instrument(userEnv(bystander));
            TokenResolver.ServerLookup servers = credentialPath(source, canary, env);
            Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none")
                    + "registries:\n  embedded:\n    index: \"" + index + "\"\n" + tokenKey(source));
            PublishFixtures.gitCommit(ws);
            List<List<String>> launched = new CopyOnWriteArrayList<>();
            ProcessRunner runner = new ProcessRunner(env);
            runner.onLaunch(launched::add);
            CanaryScan.Lines log = new CanaryScan.Lines();
            PublishOptions.Mode mode = source.ordinal() % 2 == 0 ? PublishOptions.Mode.CARGO
                    : PublishOptions.Mode.DIRECT;
            PublishOptions options = PublishOptions.builder(ws.resolve("release.yaml")).verify(false).mode(mode)
                    .retries(1).retryBackoff(Duration.ofMillis(50)).servers(servers).build();
            String message = "";
            long t0 = System.nanoTime();
            if (outcome == Outcome.SUCCESS) {
                PublishResult res = new PublishEngine(env, log, runner).publish(options);
                assertEquals(2, res.count(Status.PUBLISHED), log.text());
            } else {
                ReleaseException e = assertThrows(ReleaseException.class,
                        () -> new PublishEngine(env, log, runner).publish(options), log::text);
                message = e.fullMessage();
            }
            long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
            if (outcome == Outcome.WRONG_TOKEN) {
                assertTrue(message.contains("the token for registry `embedded` was refused (HTTP 403)"), message);
                assertTrue(message.contains("release.yaml:"), message);
                assertTrue(message.contains(hintOf(source)), "the hint names the source: " + message);
                // the check answers while cargo packages: a refusal stops it, and nothing reaches the registry
                assertTrue(message.contains("nothing was packaged") || message.contains("nothing was uploaded"),
                        message);
                assertEquals(0, registry.publishRequests(), "nothing uploaded");
                assertTrue(registry.published().isEmpty(), "nothing published: " + registry.published());
                assertTrue(seconds < 10, "refused within seconds, took " + seconds + " s");
            }
            if (outcome == Outcome.ECHO_503) {
                assertFalse(proxy.echoed.isEmpty(), "an upload reached the echoing registry");
                assertTrue(proxy.echoed.stream().allMatch(a -> a.contains(canary)), "it echoed the token");
                assertTrue(message.contains("503") || log.text().contains("503"), message + log.text());
            }

            String[] secrets = {canary, bystander};
            for (String s : secrets) {
                assertFalse(log.text().contains(s), "a reporter line holds a secret:\n" + log.text());
                assertFalse(message.contains(s), "the failure message holds a secret:\n" + message);
            }
            int files = CanaryScan.assertNoFileHolds(ws, secrets);  // the workspace, target/, target/crates (output)
            for (List<String> args : launched) {
                assertFalse(String.join(" ", args).contains(canary), "arguments " + args);
            }
            List<CanaryScan.Child> children = scan.children();
            for (CanaryScan.Child c : children) {
                assertFalse(String.join(" ", c.args()).contains(canary), "arguments " + c.args());
                assertFalse(c.env().containsValue(bystander), c.tool() + " " + c.args() + " got a bystander token");
                // cargo package offline reads no index: only an online package (or the upload) needs the token
                boolean mayHold = c.tool().equals("cargo") && "embedded".equals(c.registryArg())
                        && (c.subcommand().equals("publish")
                                || c.subcommand().equals("package") && !c.args().contains("--offline"));
                c.env().forEach((k, v) -> assertFalse(v.contains(canary) && !(mayHold && k.equals(REGISTRY_VAR)),
                        c.tool() + " " + c.args() + " holds the token in " + k));
            }
            if (outcome != Outcome.WRONG_TOKEN) {
                assertTrue(log.text().contains("[DEBUG]"), "cargo's lines were shown at debug level (-X)");
                assertTrue(children.stream().anyMatch(c -> c.tool().equals("git")), "git ran: " + children);
                CanaryScan.Child pkg = children.stream().filter(c -> c.tool().equals("cargo")
                        && c.subcommand().equals("package")).findFirst().orElseThrow();
                if (pkg.args().contains("--offline")) {
                    assertEquals(null, pkg.env().get(REGISTRY_VAR), "cargo package offline reads no index");
                } else {
                    assertEquals(canary, pkg.env().get(REGISTRY_VAR), "cargo package reads the auth-required index");
                    assertEquals("cargo:token", pkg.env().get("CARGO_REGISTRIES_EMBEDDED_CREDENTIAL_PROVIDER"));
                }
                // cargo metadata runs only where the crates did not go to target/ (then without the token)
                assertTrue(children.stream().filter(c -> c.tool().equals("cargo") && c.subcommand().equals("metadata"))
                        .noneMatch(c -> c.env().containsKey(REGISTRY_VAR)), "cargo metadata ran without it");
            }
            if (System.getProperty("canary.debug") != null) {
                System.out.println(log.text());
                children.forEach(c -> System.out.println("CHILD " + c.tool() + " " + c.args()));
            }
            System.out.printf("canary scan %-18s %-11s %-6s clean: %3d lines, %3d files, %2d command lines, "
                    + "%2d child environments (%d holding it: cargo package/publish of `embedded`)%n", source,
                    outcome, mode, log.all.size(), files, launched.size(), children.size(), children.stream()
                            .filter(c -> c.env().containsValue(canary)).count());
        }
    }

    /** A registry with an open index: build scripts, rustc, cargo package and git get no token; the upload does. */
    @Test
    void anOpenIndexGivesTheTokenToTheUploadOnly() throws Exception {
        String canary = "CANARY-open-" + Long.toHexString(System.nanoTime());
        String bystander = "BYSTANDER-" + Long.toHexString(System.nanoTime());
        CanaryScan scan = new CanaryScan(tmp.resolve("scan"));
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(RegistryOptions.defaults(tmp.resolve("reg"))
                .withToken(canary, false))) {
            Path ws = PublishFixtures.chain(tmp.resolve("ws"), 1);
            Fixtures.write(ws.resolve("crates/c1/build.rs"), CanaryScan.buildScript());
            Fixtures.write(ws.resolve("release.yaml"), PublishFixtures.spec("strategy: none")
                    + "registries:\n  embedded:\n    index: \"" + registry.indexUrl() + "\"\n"
                    + "    token: { env: FEED_TOKEN }\n");
            PublishFixtures.gitCommit(ws);
            Map<String, String> env = scan.instrument(userEnv(bystander));
            env.put("FEED_TOKEN", canary);
            env.put(REGISTRY_VAR, bystander);  // the spec's variable wins; cargo's own is withheld all the same
            CanaryScan.Lines log = new CanaryScan.Lines();
            PublishResult res = new PublishEngine(env, log, new ProcessRunner(env)).publish(PublishOptions
                    .builder(ws.resolve("release.yaml")).verify(true).mode(PublishOptions.Mode.CARGO).build());
            assertEquals(1, res.count(Status.PUBLISHED), log.text());
            List<CanaryScan.Child> children = scan.children();
            for (String tool : List.of("git", "rustc", "build-script")) {
                assertTrue(children.stream().anyMatch(c -> c.tool().equals(tool)), tool + " ran: " + children);
            }
            for (CanaryScan.Child c : children) {
                boolean upload = c.tool().equals("cargo") && c.subcommand().equals("publish");
                assertEquals(upload ? canary : null, c.env().get(REGISTRY_VAR), c.tool() + " " + c.args());
                assertNull(c.env().get("FEED_TOKEN"), c.tool() + " got the spec's token variable");
                assertFalse(c.env().containsValue(bystander), c.tool() + " got a bystander token");
            }
            assertFalse(log.text().contains(canary) || log.text().contains(bystander), log.text());
            CanaryScan.assertNoFileHolds(ws, canary, bystander);
        }
    }

    /** A registry that redirects an index read to another host: the token stays behind. */
    @Test
    void aRedirectToAnotherHostCarriesNoToken() throws Exception {
        String canary = "CANARY-redirect-" + Long.toHexString(System.nanoTime());
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);
        int port = server.getAddress().getPort();
        server.createContext("/", ex -> {
            try (ex) {
                String host = ex.getRequestHeaders().getFirst("Host");
                seen.add(host.split(":")[0] + " " + ex.getRequestHeaders().getFirst("Authorization"));
                if (host.startsWith("127.0.0.1")) {
                    ex.getResponseHeaders().add("Location", "http://localhost:" + port + ex.getRequestURI());
                    ex.sendResponseHeaders(302, -1);
                } else {
                    byte[] line = "{\"name\":\"foo\",\"vers\":\"1.0.0\",\"cksum\":\"00\",\"deps\":[],\"features\":{}}\n"
                            .getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, line.length);
                    ex.getResponseBody().write(line);
                }
            }
        });
        server.start();
        try (RegistryClient client = new RegistryClient(Duration.ofSeconds(5))) {
            var entries = client.index("sparse+http://127.0.0.1:" + port + "/index/", "foo",
                    new Secret(canary, "test"));
            assertEquals("1.0.0", entries.get(0).version());
        } finally {
            server.stop(0);
        }
        assertEquals(List.of("127.0.0.1 " + canary, "localhost null"), seen);
    }

    /** The user's environment: the process's, an isolated CARGO_HOME, and a token for another registry. */
    private Map<String, String> userEnv(String bystander) {
        Path home = tmp.resolve("cargo-home");
        Fixtures.write(home.resolve("config.toml"), "[net]\nretry = 0\n\n[term]\ncolor = \"never\"\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("CARGO_REGISTR"));
        env.put("CARGO_HOME", home.toString());
        env.put("CARGO_TERM_COLOR", "never");
        env.put("CARGO_REGISTRY_TOKEN", bystander);
        return env;
    }

    private String tokenKey(Source s) {
        return switch (s) {
            case SPEC_ENV -> "    token: { env: FEED_TOKEN }\n";
            case SETTINGS_PLAIN, SETTINGS_ENCRYPTED -> "    token: { server: feed-server }\n";
            case TOKEN_FROM_STDOUT, EXTERNAL_PROVIDER -> "    token: { provider: \"" + providerCommand + "\" }\n";
            case CARGO_ENV, CREDENTIALS_TOML -> "";
        };
    }

    private String hintOf(Source s) {
        return switch (s) {
            case SPEC_ENV -> "environment variable FEED_TOKEN";
            case CARGO_ENV -> "environment variable " + REGISTRY_VAR;
            case CREDENTIALS_TOML -> "credentials.toml";
            case SETTINGS_PLAIN, SETTINGS_ENCRYPTED -> "settings.xml server feed-server";
            case TOKEN_FROM_STDOUT -> "credential command";
            case EXTERNAL_PROVIDER -> "credential provider";
        };
    }

    /** Puts the canary where {@code source} finds it (never in the workspace); the settings lookup, or null. */
    private TokenResolver.ServerLookup credentialPath(Source source, String canary, Map<String, String> env)
            throws Exception {
        Path secrets = tmp.resolve("secrets");
        switch (source) {
            case SPEC_ENV -> env.put("FEED_TOKEN", canary);
            case CARGO_ENV -> env.put(REGISTRY_VAR, canary);
            case CREDENTIALS_TOML -> Fixtures.write(Path.of(env.get("CARGO_HOME")).resolve("credentials.toml"),
                    "[registries.embedded]\ntoken = \"" + canary + "\"\n");
            case SETTINGS_PLAIN -> {
                return settings(secrets, canary, false);
            }
            case SETTINGS_ENCRYPTED -> {
                return settings(secrets, canary, true);
            }
            case TOKEN_FROM_STDOUT, EXTERNAL_PROVIDER -> {
                Fixtures.write(secrets.resolve("token.txt"), canary + "\n");
                String dump = "cat /proc/$$/environ > \"$CANARY_DUMP/provider-$$.env\"\n"
                        + "cat /proc/$$/cmdline > \"$CANARY_DUMP/provider-$$.args\"\n";
                Path script = secrets.resolve("provider");
                CanaryScan.script(script, source == Source.TOKEN_FROM_STDOUT
                        ? dump + "cat " + secrets.resolve("token.txt") + "\n"
                        : dump + "echo '{\"v\":[1]}'\nread request\nprintf '{\"Ok\":{\"kind\":\"get\",\"token\":"
                                + "\"%s\",\"cache\":\"session\",\"operation_independent\":true}}\\n' \"$(cat "
                                + secrets.resolve("token.txt") + ")\"\n");
                providerCommand = (source == Source.TOKEN_FROM_STDOUT ? "cargo:token-from-stdout " : "") + script;
            }
            default -> throw new IllegalStateException();
        }
        return null;
    }

    private String providerCommand;

    /** settings.xml (and settings-security.xml) read and decrypted as Maven does for {@code token: {server}}. */
    private static TokenResolver.ServerLookup settings(Path dir, String canary, boolean encrypted) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        String master = "master-" + Long.toHexString(System.nanoTime());
        Path security = Fixtures.write(dir.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(master, "settings.security") + "</master></settingsSecurity>\n");
        String password = encrypted ? cipher.encryptAndDecorate(canary, master) : canary;
        Path xml = Fixtures.write(dir.resolve("settings.xml"), "<settings><servers><server><id>feed-server</id>"
                + "<password>" + password + "</password></server></servers></settings>\n");
        if (encrypted) {
            assertFalse(Files.readString(xml).contains(canary));
        }
        return id -> {
            try {
                Settings s = new DefaultSettingsReader().read(xml.toFile(), null);
                Server server = s.getServer(id);
                if (server == null) {
                    return Optional.empty();
                }
                SettingsDecryptionResult r = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(),
                        security.toString())).decrypt(new DefaultSettingsDecryptionRequest(server));
                assertTrue(r.getProblems().isEmpty(), String.valueOf(r.getProblems()));
                assertNotNull(r.getServer());
                return Optional.ofNullable(r.getServer().getPassword());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
