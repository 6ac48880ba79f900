package io.github.cratesrelease.spec;

import io.github.cratesrelease.diag.Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The release spec as read from {@code release.yaml}, after schema validation. Locations are kept so later
 * checks can point at the line that needs fixing.
 *
 * @param crates the declared crates in file order, or null when the section is absent (release every
 *               publishable member)
 */
public record ReleaseSpec(
        Path file,
        Path workspaceRoot,
        String defaultRegistry,
        Location defaultRegistryLocation,
        Map<String, RegistrySpec> registries,
        Map<String, CrateSpec> crates,
        Location cratesLocation,
        Order order,
        WaitPolicy waitPolicy,
        YamlNode.Mapping tree) {

    public static final String CRATES_IO = "crates-io";

    /** Where a token comes from; never the token itself. */
    public record TokenRef(Kind kind, String reference) {
        public enum Kind {
            ENV, SERVER, PROVIDER
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + reference;
        }
    }

    public record RegistrySpec(String name, String index, TokenRef token, WaitPolicy waitPolicy, Location location) {
    }

    public record CrateSpec(String name, String registry, Location registryLocation, boolean publish, Location location) {
    }

    /** {@code auto}, or an explicit list with each name's location. */
    public record Order(boolean auto, List<String> names, List<Location> locations, Location location) {
        public static Order automatic(Location at) {
            return new Order(true, List.of(), List.of(), at);
        }
    }

    public record WaitPolicy(Strategy strategy, Duration timeout, Duration interval, Duration delay) {
        public enum Strategy {
            NONE, INDEX, FIXED
        }

        public static final WaitPolicy DEFAULT = new WaitPolicy(Strategy.INDEX, Duration.ofMinutes(10),
                Duration.ofSeconds(2), Duration.ofSeconds(180));
    }

    /** Registry a declared (or implied) crate is published to. */
    public String registryOf(String crate) {
        CrateSpec c = crates == null ? null : crates.get(crate);
        return c != null && c.registry() != null ? c.registry() : defaultRegistry;
    }

    /** The wait policy for a registry: its own, else the top-level one. */
    public WaitPolicy waitFor(String registry) {
        RegistrySpec r = registries.get(registry);
        return r != null && r.waitPolicy() != null ? r.waitPolicy() : waitPolicy;
    }
}
