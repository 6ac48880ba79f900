package io.github.cratesrelease.registry;

import java.util.Locale;

/** How cargo names a registry's settings in the environment; the one home of that rule. */
public final class RegistryNames {

    /** The name cargo gives crates.io. */
    public static final String CRATES_IO = "crates-io";

    private RegistryNames() {
    }

    /**
     * Cargo's environment variable for a registry setting: {@code CARGO_REGISTRIES_<NAME>_<KEY>}, the name
     * upper-cased with '-' as '_' (e.g. {@code CARGO_REGISTRIES_MY_CORP_INDEX}).
     */
    public static String variable(String registry, String key) {
        return "CARGO_REGISTRIES_" + registry.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + key;
    }

    /** The variable cargo reads a registry's token from: {@code CARGO_REGISTRY_TOKEN} for crates.io. */
    public static String tokenVariable(String registry) {
        return CRATES_IO.equals(registry) ? "CARGO_REGISTRY_TOKEN" : variable(registry, "TOKEN");
    }
}
