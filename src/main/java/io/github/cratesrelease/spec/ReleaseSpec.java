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
        Versioning versioning,
        ChangelogSpec changelog,
        Map<String, RateLimitSpec> rateLimits,
        ReleaseRules release,
        TagsSpec tags,
        List<ActionSpec> postPublish,
        List<RedistSpec> redist,
        Location workspaceLocation) {

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

    /** @param postPublish the crate's own post-publish actions */
    public record CrateSpec(String name, String registry, Location registryLocation, boolean publish,
            List<ActionSpec> postPublish, Location location) {
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

    /**
     * The {@code versioning} section.
     *
     * @param groups         named groups of crates that move together, in file order
     * @param dependents     {@code upgrade}, {@code fix}, {@code error} or {@code ignore}
     * @param commitMessage  template of the bump commit's message ({@code {crates}}, {@code {version}})
     */
    public record Versioning(boolean shared, Map<String, Group> groups, String dependents, String commitMessage) {
        public static final String DEFAULT_COMMIT_MESSAGE = "Release {crates}";

        public static final Versioning DEFAULTS = new Versioning(false, Map.of(), "upgrade", DEFAULT_COMMIT_MESSAGE);
    }

    /** A versioning group: its crates with the location of each name, and of the group's key. */
    public record Group(String name, List<String> crates, List<Location> locations, Location location) {
    }

    /**
     * The {@code changelog} section, or null in the spec when there is none (no changelog is kept).
     *
     * @param path            relative to the workspace root; may hold {@code {crate_dir}}
     * @param compareLink     template with {@code {previous}} and {@code {version}}, or null
     * @param unreleasedLink  template with {@code {previous}} for the unreleased section's link, or null
     * @param heading         the release-heading template ({@code ## [{version}] - {date}}), or null: learned from
     *                        the file
     */
    public record ChangelogSpec(String path, String unreleasedHeading, String compareLink, String unreleasedLink,
            boolean requireUnreleasedEntries, Location location, String heading, Location headingLocation) {
        public boolean perCrate() {
            return path.contains("{crate_dir}");
        }
    }

    /** A token bucket: {@code burst} publishes at once, then one per {@code interval}. */
    public record Bucket(int burst, Duration interval) {
    }

    /** The {@code rate-limits} entry of one registry; a null bucket keeps the built-in (or no) limit. */
    public record RateLimitSpec(String registry, Bucket newCrates, Bucket newVersions, Location location) {
    }

    /**
     * The {@code release} section.
     *
     * @param branches globs of the branches a release may run from; empty: any
     */
    public record ReleaseRules(List<String> branches, Location location) {
        public static final ReleaseRules ANY = new ReleaseRules(List.of(), null);
    }

    /**
     * The {@code tags} section ({@link #DEFAULT} when the spec has none).
     *
     * @param name      tag name template ({@code {crate}}, {@code {version}}, {@code {prefix}})
     * @param workspace one tag for the release instead of one per crate
     * @param message   annotation template ({@code {crate}}, {@code {version}}, {@code {prefix}}, {@code {crates}})
     * @param push      remote to push the tags to, or null
     */
    public record TagsSpec(boolean enabled, String name, boolean workspace, boolean annotated, String message,
            boolean sign, String push, Location location) {
        public static final TagsSpec DEFAULT = new TagsSpec(true, "{crate}-v{version}", false, true,
                "Release {crate} {version}", false, null, null);
    }

    /**
     * One {@code redist} source: crates of an upstream git repository republished at a pinned revision.
     *
     * @param git      URL or local path (as written)
     * @param registry target registry, or null for {@code defaults.registry}
     * @param version  version override, or null
     */
    public record RedistSpec(String name, String git, String rev, List<String> crates, String registry,
            String version, List<Patch> patches, Location location, Location revLocation) {

        /** Whether {@code rev} is a full commit hash (SHA-1 or SHA-256), which pins the source. */
        public boolean pinsCommit() {
            return rev.matches("[0-9a-f]{40}([0-9a-f]{24})?");
        }
    }

    /**
     * A value to set in a redistributed crate's manifest: {@code [package] key} ({@code dependency} null) or a key of
     * a dependency's entry.
     *
     * @param value a String, Boolean, Long or List of String
     */
    public record Patch(String crate, String dependency, String key, Object value, Location location) {
    }

    /** The top-level actions, then each crate's own, in file order. */
    public List<ActionSpec> allActions() {
        List<ActionSpec> all = new java.util.ArrayList<>(postPublish);
        if (crates != null) {
            crates.values().forEach(c -> all.addAll(c.postPublish()));
        }
        return List.copyOf(all);
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
