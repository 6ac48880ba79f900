package io.github.cratesrelease.credentials;

import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.spec.ActionSpec;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.ReleaseSpec.TokenRef;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment variables that hold secrets, as the credentials layer knows them, and the one rule for child
 * processes: they start without any of them. The plugin reads tokens from the real environment; a child gets one
 * only when its caller gives it (the cargo children that need one registry's token, through {@link #forCargo}).
 */
public final class TokenVariables {

    /** Git commands that talk to a remote: a credential helper ({@code gh auth git-credential}) may read a token. */
    private static final Set<String> GIT_REMOTE = Set.of("push", "fetch", "ls-remote", "clone", "pull");

    private TokenVariables() {
    }

    /** Cargo's own token variables: {@code CARGO_REGISTRY_TOKEN} and {@code CARGO_REGISTRIES_<NAME>_TOKEN}. */
    public static boolean isCargoToken(String name) {
        return name.equals("CARGO_REGISTRY_TOKEN") || name.startsWith("CARGO_REGISTRIES_") && name.endsWith("_TOKEN");
    }

    /** Keeps cargo's token variables out of every child of {@code runner} (once per run, before any child). */
    public static void withholdCargoTokens(ProcessRunner runner) {
        runner.withhold(TokenVariables::isCargoToken);
    }

    /**
     * Keeps every variable the spec names as a secret out of the children of {@code runner}: each registry's
     * {@code token: {env: ...}}, each webhook's secret variable, and each github-release token variable (default
     * {@code GITHUB_TOKEN}); the GitHub ones still reach git when it talks to a remote, for a credential helper.
     */
    public static void withhold(ProcessRunner runner, ReleaseSpec spec) {
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> github = new LinkedHashSet<>();
        named(spec, secrets, github);
        github.removeAll(secrets);
        if (!secrets.isEmpty()) {
            runner.withhold(Set.copyOf(secrets)::contains);
        }
        if (!github.isEmpty()) {
            runner.withhold(Set.copyOf(github)::contains, TokenVariables::isGitRemote);
        }
    }

    /** Every variable the spec names as a secret (cargo's own token variables aside). */
    public static Set<String> namedBy(ReleaseSpec spec) {
        Set<String> all = new LinkedHashSet<>();
        named(spec, all, all);
        return all;
    }

    private static void named(ReleaseSpec spec, Set<String> secrets, Set<String> github) {
        spec.registries().values().forEach(r -> envName(r.token(), secrets));
        for (ActionSpec a : spec.allActions()) {
            if (a instanceof ActionSpec.Webhook w && w.secretEnv() != null) {
                secrets.add(w.secretEnv());
            } else if (a instanceof ActionSpec.GithubRelease g) {
                if (g.token() == null) {
                    github.add("GITHUB_TOKEN");
                } else {
                    envName(g.token(), github);
                }
            }
        }
    }

    /**
     * The variables that give a cargo child the token of one registry (as {@code cargo:token} reads it, whatever
     * providers the user's cargo configuration lists): its token variable and its credential provider.
     */
    public static Map<String, String> forCargo(String registry, Secret token) {
        Map<String, String> env = new LinkedHashMap<>();
        if (token == null) {
            return env;
        }
        env.put(RegistryNames.tokenVariable(registry), token.reveal());
        env.put(RegistryNames.CRATES_IO.equals(registry) ? "CARGO_REGISTRY_CREDENTIAL_PROVIDER"
                : RegistryNames.variable(registry, "CREDENTIAL_PROVIDER"), "cargo:token");
        return env;
    }

    private static void envName(TokenRef ref, Set<String> into) {
        if (ref != null && ref.kind() == TokenRef.Kind.ENV) {
            into.add(ref.reference());
        }
    }

    /** {@code git [-c k=v]... <push|fetch|ls-remote|clone|pull> ...}. */
    static boolean isGitRemote(List<String> command) {
        if (command.isEmpty() || !(command.get(0).equals("git") || command.get(0).endsWith("/git"))) {
            return false;
        }
        for (int i = 1; i < command.size(); i++) {
            String a = command.get(i);
            if (a.equals("-c") || a.equals("-C")) {
                i++;
            } else if (!a.startsWith("-")) {
                return GIT_REMOTE.contains(a);
            }
        }
        return false;
    }
}
