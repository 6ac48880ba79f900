package io.github.cratesrelease.credentials;

import io.github.cratesrelease.cargo.TomlAccess;
import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.io.JsonValue;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.spec.ReleaseSpec.TokenRef;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.toml.TomlParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the publish token of a registry, in this order: the spec's reference ({@code env}, {@code server},
 * {@code provider}), cargo's environment variables ({@code CARGO_REGISTRY_TOKEN} for crates.io,
 * {@code CARGO_REGISTRIES_<NAME>_TOKEN}), then {@code $CARGO_HOME/credentials.toml}. A provider is run with the
 * registry in its environment (token-from-stdout) or over cargo's JSON protocol (external providers).
 */
public final class TokenResolver {

    /** Looks up a Maven settings.xml server's decrypted password. */
    @FunctionalInterface
    public interface ServerLookup {
        Optional<String> password(String serverId);
    }

    /** The token (null when none was found) and every place looked, for the error message. */
    public record Resolution(Secret token, List<String> looked) {
    }

    private final Map<String, String> env;
    private final ServerLookup servers;
    private final ProcessRunner runner;

    public TokenResolver(Map<String, String> env, ServerLookup servers, ProcessRunner runner) {
        this.env = env;
        this.servers = servers == null ? id -> Optional.empty() : servers;
        this.runner = runner;
    }

    public Resolution resolve(String registry, String indexUrl, TokenRef ref) {
        List<String> looked = new ArrayList<>();
        if (ref != null) {
            Secret s = switch (ref.kind()) {
                case ENV -> fromEnv(ref.reference(), looked);
                case SERVER -> fromServer(ref.reference(), looked);
                case PROVIDER -> fromProvider(ref.reference(), registry, indexUrl, looked);
            };
            if (s != null) {
                return new Resolution(s, looked);
            }
        }
        Secret s = fromEnv(RegistryNames.tokenVariable(registry), looked);
        if (s == null) {
            s = fromCredentialsFile(registry, looked);
        }
        return new Resolution(s, looked);
    }

    private Secret fromEnv(String name, List<String> looked) {
        looked.add("environment variable " + name);
        String v = env.get(name);
        return v == null || v.isBlank() ? null : new Secret(v.strip(), "environment variable " + name);
    }

    private Secret fromServer(String id, List<String> looked) {
        looked.add("Maven settings.xml <server> " + id);
        return servers.password(id).filter(p -> !p.isBlank())
                .map(p -> new Secret(p, "Maven settings.xml server " + id)).orElse(null);
    }

    private Secret fromCredentialsFile(String registry, List<String> looked) {
        Path home = cargoHome();
        for (String name : List.of("credentials.toml", "credentials")) {
            Path f = home.resolve(name);
            looked.add(f.toString());
            if (!Files.isRegularFile(f)) {
                continue;
            }
            // as cargo reads it: not UTF-8, not TOML or a token that is no string is a located error, not "no token"
            io.github.cratesrelease.diag.Diagnostics diags = new io.github.cratesrelease.diag.Diagnostics();
            String text;
            try {
                text = io.github.cratesrelease.io.TextFiles.read(f);
            } catch (io.github.cratesrelease.diag.ReleaseException e) {
                throw new CredentialException(e.errorLines());
            }
            TomlParseResult t = TomlAccess.parse(f, text, diags);
            TomlAccess in = new TomlAccess(f, text, diags);
            String token = null;
            if (!t.hasErrors()) {
                boolean cratesIo = ReleaseSpec.CRATES_IO.equals(registry);
                io.github.cratesrelease.toml.TomlTable outer = in.table(t, cratesIo ? "registry" : "registries",
                        cratesIo ? "registry" : "registries");
                io.github.cratesrelease.toml.TomlTable reg = outer == null || cratesIo ? outer
                        : in.table(outer, registry, "registries." + registry);
                token = reg == null ? null : in.string(reg, "token", (cratesIo ? "registry" : "registries." + registry)
                        + ".token");
            }
            if (t == null || t.hasErrors()) { // the parser's text may quote the token: only its place is said
                throw new CredentialException(diags.errors().get(0).location() + ": " + f.getFileName()
                        + " is not valid TOML here (fix it, or remove it and log in again with cargo login)");
            }
            if (diags.hasErrors()) { // a wrong type: the message names the key and the type, never the value
                throw new CredentialException(new io.github.cratesrelease.diag.ReleaseException("", diags).errorLines());
            }
            if (token != null && !token.isBlank()) {
                return new Secret(token.strip(), f.toString());
            }
        }
        return null;
    }

    private Path cargoHome() {
        String h = env.get("CARGO_HOME");
        if (h != null && !h.isBlank()) {
            return Path.of(h);
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cargo");
    }

    private Secret fromProvider(String provider, String registry, String indexUrl, List<String> looked) {
        String p = provider.strip();
        if (p.equals("cargo:token")) {
            return null;
        }
        looked.add("credential provider " + p.split("\\s+")[0]);
        Map<String, String> childEnv = new HashMap<>();
        childEnv.put("CARGO_REGISTRY_INDEX_URL", indexUrl == null ? "" : indexUrl);
        childEnv.put("CARGO_REGISTRY_NAME_OPT", registry);
        Path cwd = Path.of(".").toAbsolutePath();
        if (p.startsWith("cargo:token-from-stdout")) {
            List<String> cmd = Arrays.asList(p.substring("cargo:token-from-stdout".length()).strip().split("\\s+"));
            ProcessRunner.Result r = runner.run(cwd, childEnv, cmd, null, null);
            if (r.exit() != 0) {
                throw new CredentialException("the credential command `" + cmd.get(0) + "` for registry `" + registry
                        + "` failed with exit code " + r.exit());
            }
            String token = r.stdout().isEmpty() ? "" : r.stdout().get(0).strip();
            return token.isEmpty() ? null : new Secret(token, "credential command " + cmd.get(0));
        }
        if (p.startsWith("cargo:")) {
            throw new CredentialException("credential provider `" + p + "` for registry `" + registry
                    + "` is not supported by the plugin; use token: {env: ...}, {server: ...}, "
                    + "'cargo:token-from-stdout <command>' or an external provider");
        }
        List<String> cmd = new ArrayList<>(Arrays.asList(p.split("\\s+")));
        cmd.add("--cargo-plugin");
        Map<String, Object> reg = new LinkedHashMap<>();
        reg.put("index-url", indexUrl);
        reg.put("name", registry);
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("v", 1);
        req.put("registry", reg);
        req.put("kind", "get");
        req.put("operation", "read");
        req.put("args", List.of());
        ProcessRunner.Result r = runner.run(cwd, childEnv, cmd, JsonText.compact(req) + "\n", null);
        for (String line : r.stdout()) {
            JsonValue n;
            try {
                n = JsonValue.parse(line);
            } catch (JsonValue.Malformed notJson) {
                continue;
            }
            if (n.path("Ok").path("token").isString()) {
                return new Secret(n.path("Ok").path("token").string(), "credential provider " + cmd.get(0));
            }
            if (!n.path("Err").isMissing()) { // present, even as null: an error all the same
                String kind = n.path("Err").path("kind").text("");
                if (kind.equals("not-found") || kind.equals("url-not-supported")) {
                    return null;
                }
                throw new CredentialException("credential provider `" + cmd.get(0) + "` for registry `" + registry
                        + "` answered an error: " + n.path("Err").path("message").text(kind));
            }
        }
        if (r.exit() != 0) {
            throw new CredentialException("credential provider `" + cmd.get(0) + "` for registry `" + registry
                    + "` failed with exit code " + r.exit());
        }
        return null;
    }

    /** A credential source is misconfigured (the message names it, never a token). */
    public static final class CredentialException extends RuntimeException {
        public CredentialException(String message) {
            super(message);
        }
    }
}
