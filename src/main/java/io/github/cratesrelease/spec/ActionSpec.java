package io.github.cratesrelease.spec;

import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.spec.ReleaseSpec.TokenRef;
import java.time.Duration;
import java.util.List;

/**
 * One {@code post-publish} action of the spec: at the top level ({@link #crate()} null, once per release) or under a
 * crate (for that crate). {@link #id()} names it in progress lines and in the journal.
 */
public sealed interface ActionSpec {

    /** The spec key: verify, cargo-install, webhook, github-release or run. */
    String kind();

    /** The crate whose {@code post-publish} holds the action, or null for the top-level list. */
    String crate();

    /** Position in its list (0-based). */
    int index();

    Location location();

    /**
     * Whether a rehearsal runs it (against the rehearsal registry) or only prints what it would do: checks run,
     * anything that reaches the outside world (a webhook, GitHub, a script) does not.
     */
    default boolean runsInRehearsal() {
        return this instanceof Verify || this instanceof CargoInstall;
    }

    /** A stable name: {@code release/2-webhook} or {@code my-crate/0-run}. */
    default String id() {
        return (crate() == null ? "release" : crate()) + "/" + index() + "-" + kind();
    }

    /** Every crate visible in its registry's index with our checksum, within {@code timeout}. */
    record Verify(Duration timeout, String crate, int index, Location location) implements ActionSpec {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

        @Override
        public String kind() {
            return "verify";
        }
    }

    /** Install {@code target} from its registry into a temporary root and run {@code bin} with {@code args}. */
    record CargoInstall(String target, String bin, List<String> args, String crate, int index, Location location)
            implements ActionSpec {
        @Override
        public String kind() {
            return "cargo-install";
        }
    }

    /** POST the release summary to {@code url}, signed with the secret in {@code secretEnv} when set. */
    record Webhook(String url, String secretEnv, String crate, int index, Location location) implements ActionSpec {
        @Override
        public String kind() {
            return "webhook";
        }
    }

    /**
     * A GitHub release per tag with the changelog section as notes.
     *
     * @param token      where the token comes from (default env GITHUB_TOKEN)
     * @param apiUrl     API base URL, or null for api.github.com
     * @param prerelease null: when the version has a pre-release part
     */
    record GithubRelease(String repo, TokenRef token, String apiUrl, Boolean prerelease, String crate, int index,
            Location location) implements ActionSpec {
        @Override
        public String kind() {
            return "github-release";
        }
    }

    /** A command run from the workspace root with the release in its environment. */
    record Run(List<String> command, String crate, int index, Location location) implements ActionSpec {
        @Override
        public String kind() {
            return "run";
        }
    }
}
