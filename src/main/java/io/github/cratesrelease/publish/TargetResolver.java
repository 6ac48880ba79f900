package io.github.cratesrelease.publish;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.credentials.Secret;
import io.github.cratesrelease.credentials.TokenResolver;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.plan.PublishPlan.PlannedCrate;
import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.ReleaseSpec.WaitPolicy;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The target registries of a plan as this run talks to them: index URL (spec, .cargo/config.toml, environment),
 * publish token (resolved and added to the run's masker at once), upload mode and wait policy. Every missing token
 * or unusable registry is reported at once, before anything is packaged.
 */
final class TargetResolver {

    static final String CRATES_IO_SPARSE = "sparse+https://index.crates.io/";

    private TargetResolver() {
    }

    static Map<String, Target> resolve(RunContext ctx, Analysis a, PublishOptions options, EmbeddedRegistry rehearsal) {
        Map<String, Target> targets = new LinkedHashMap<>();
        TokenResolver resolver = new TokenResolver(ctx.env(), options.servers(), ctx.runner());
        Diagnostics problems = new Diagnostics();
        for (PlannedCrate pc : a.plan().crates()) {
            String name = pc.registry();
            if (targets.containsKey(name)) {
                continue;
            }
            WaitPolicy wait = a.spec().waitFor(name);
            if (rehearsal != null) {
                Secret token = new Secret(rehearsal.options().token(), "the rehearsal registry");
                targets.put(name, new Target(name, PublishRun.REHEARSAL, rehearsal.indexUrl(), rehearsal.apiUrl(),
                        token, wait, options.mode() != PublishOptions.Mode.CARGO));
                continue;
            }
            String index = indexOf(a, name);
            ReleaseSpec.RegistrySpec rs = a.spec().registries().get(name);
            Location at = rs != null && rs.location() != null ? rs.location() : Location.of(a.spec().file());
            Location tokenAt = tokenLocation(a, name);
            Secret token = null;
            try {
                TokenResolver.Resolution res = resolver.resolve(name, index, rs == null ? null : rs.token());
                token = res.token();
                if (token == null && !ctx.dryRun() && options.uploads()) {
                    problems.error(tokenAt, "no publish token for "
                            + "registry `" + name + "`; looked in: " + String.join(", ", res.looked()),
                            rs != null && rs.token() != null && rs.token().kind() == ReleaseSpec.TokenRef.Kind.ENV
                                    ? "export " + rs.token().reference() + " (the variable registries." + name
                                            + ".token names)"
                                    : "export " + RegistryNames.tokenVariable(name) + ", or set registries." + name
                                            + ".token to {env: VAR}, {server: id} or {provider: ...} in the spec");
                }
            } catch (TokenResolver.CredentialException e) {
                problems.error(at, e.getMessage(), "fix the provider, or name the token with {env: VAR}");
            }
            if (token != null) {
                ctx.masker().add(token.reveal());  // checked against the registry by TokenCheck, while cargo packages
            }
            boolean sparse = index != null && RegistryClient.isSparse(index);
            boolean direct = switch (options.mode()) {
                case DIRECT -> true;
                case CARGO -> false;
                case AUTO -> sparse;
            };
            if (direct && !sparse) {
                problems.error(at, "direct upload to `" + name + "` needs its sparse index (sparse+https://...), found "
                        + index, "use -Dcrates.uploadMode=cargo for git-index registries");
            }
            targets.put(name, new Target(name, name, index, null, token, wait, direct));
        }
        if (problems.hasErrors()) {
            throw new ReleaseException("cannot publish: " + problems.errors().size() + " problem(s) with the target "
                    + "registries", problems);
        }
        return targets;
    }

    /** Where a registry's token is named: its entry under registries:, else defaults.registry, else the spec. */
    static Location tokenLocation(Analysis a, String name) {
        ReleaseSpec.RegistrySpec rs = a.spec().registries().get(name);
        if (rs != null && rs.location() != null) {
            return rs.location();
        }
        return a.spec().defaultRegistryLocation() != null ? a.spec().defaultRegistryLocation()
                : Location.of(a.spec().file());
    }

    /**
     * Whether a publish from {@code spec} may talk to a registry over https, judged as soon as the spec is read: each
     * registry it names, by the index URL the spec or cargo's variable gives it ({@code CARGO_REGISTRIES_<NAME>_INDEX}),
     * crates.io's for crates-io; a registry known only to cargo's configuration files (not read yet) counts as https.
     */
    static boolean mayNeedTls(ReleaseSpec spec, Map<String, String> env) {
        Set<String> names = new LinkedHashSet<>(spec.registries().keySet());
        names.add(spec.defaultRegistry());
        if (spec.crates() != null) {
            spec.crates().values().stream().map(ReleaseSpec.CrateSpec::registry).filter(Objects::nonNull)
                    .forEach(names::add);
        }
        for (String name : names) {
            ReleaseSpec.RegistrySpec rs = spec.registries().get(name);
            String index = rs != null && rs.index() != null ? rs.index()
                    : env.get(RegistryNames.variable(name, "INDEX"));
            if (index == null) {
                index = ReleaseSpec.CRATES_IO.equals(name) ? CRATES_IO_SPARSE : "https:";
            }
            if (!RegistryClient.httpIndex(index).startsWith("http:")) {
                return true;
            }
        }
        return false;
    }

    /** The index URL of a registry: the spec's, else cargo's configuration, else crates.io's for crates-io. */
    static String indexOf(Analysis a, String registry) {
        ReleaseSpec.RegistrySpec rs = a.spec().registries().get(registry);
        if (rs != null && rs.index() != null) {
            return rs.index();
        }
        CargoConfig.Registry r = a.cargoConfig().registry(registry);
        if (r != null && r.index() != null) {
            return r.index();
        }
        return ReleaseSpec.CRATES_IO.equals(registry) ? CRATES_IO_SPARSE : null;
    }

    /**
     * The variables cargo needs to find the targets: the index of a registry defined only in the spec (plain cargo
     * cannot see it), or the rehearsal registry standing in for all.
     */
    static Map<String, String> cargoEnv(Analysis a, Map<String, Target> targets, EmbeddedRegistry rehearsal) {
        Map<String, String> env = new LinkedHashMap<>();
        if (rehearsal != null) {
            env.put(RegistryNames.variable(PublishRun.REHEARSAL, "INDEX"), rehearsal.indexUrl());
            return env;
        }
        for (Target t : targets.values()) {
            ReleaseSpec.RegistrySpec rs = a.spec().registries().get(t.name());
            if (rs != null && rs.index() != null && !ReleaseSpec.CRATES_IO.equals(t.name())) {
                env.put(RegistryNames.variable(t.name(), "INDEX"), rs.index());
            }
        }
        return env;
    }
}
