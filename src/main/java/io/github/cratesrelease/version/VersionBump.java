package io.github.cratesrelease.version;

import io.github.cratesrelease.semver.Version;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * The next version for a bump level, by SemVer 2.0 rules: build metadata is dropped, a pre-release moves forward
 * only ({@code alpha < beta < rc}; from another pre-release such as {@code dev}, only to a level that sorts after
 * it: {@code 0.20.0-dev} → {@code 0.20.0-rc.1}, never {@code beta}), and {@code major} on {@code 0.x} goes to
 * {@code 1.0.0}.
 */
public final class VersionBump {

    /** What {@code -Dcrates.bump} accepts. */
    public enum Level {
        MAJOR, MINOR, PATCH, RELEASE, RC, BETA, ALPHA;

        public static Level parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a bump level: use major, minor, patch, "
                        + "release, rc, beta or alpha");
            }
        }

        boolean isPreRelease() {
            return this == RC || this == BETA || this == ALPHA;
        }

        int rank() {
            return switch (this) {
                case ALPHA -> 0;
                case BETA -> 1;
                case RC -> 2;
                default -> 3;
            };
        }
    }

    private VersionBump() {
    }

    /** The levels that move {@code v} forward (for hints). */
    public static List<String> levelsFrom(Version v) {
        List<String> out = new java.util.ArrayList<>();
        for (Level l : Level.values()) {
            try {
                next(v, l);
                out.add(l.name().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // not a step forward from v
            }
        }
        return out;
    }

    public static Version next(Version v, Level level) {
        boolean pre = v.isPreRelease();
        return switch (level) {
            // a pre-release of x.y.z is released as x.y.z by any level that it already counts toward
            case MAJOR -> pre && v.minor() == 0 && v.patch() == 0 ? release(v) : Version.of(v.major() + 1, 0, 0);
            case MINOR -> pre && v.patch() == 0 ? release(v) : Version.of(v.major(), v.minor() + 1, 0);
            case PATCH -> pre ? release(v) : Version.of(v.major(), v.minor(), v.patch() + 1);
            case RELEASE -> {
                if (!pre) {
                    throw new IllegalArgumentException(v + " is not a pre-release: 'release' has nothing to drop; use "
                            + "patch, minor or major");
                }
                yield release(v);
            }
            case RC, BETA, ALPHA -> preRelease(v, level);
        };
    }

    private static Version release(Version v) {
        return Version.of(v.major(), v.minor(), v.patch());
    }

    private static Version preRelease(Version v, Level level) {
        String tag = level.name().toLowerCase(Locale.ROOT);
        if (!v.isPreRelease()) {
            return new Version(v.major(), v.minor(), v.patch() + 1, List.of(tag, "1"), null);
        }
        Level current = current(v);
        if (current == null) {
            // another pre-release (dev, pre, nightly.3): the level starts if it sorts after it, never backwards
            Version start = new Version(v.major(), v.minor(), v.patch(), List.of(tag, "1"), null);
            if (start.compareTo(v) > 0) {
                return start;
            }
            throw new IllegalArgumentException("cannot go from " + v + " to " + tag + ": " + start + " sorts before "
                    + v + " (SemVer compares pre-release identifiers in ASCII order: '" + tag + "' < '"
                    + v.pre().get(0) + "'), so it would be a step backwards");
        }
        if (current.rank() > level.rank()) {
            throw new IllegalArgumentException("cannot go from " + v + " back to " + tag + " (alpha < beta < rc)");
        }
        if (current == level) {
            // any number of digits, as semver's pre-release numbers: rc.99999999999999999999 goes to rc.100000000000000000000
            BigInteger n = v.pre().size() > 1 ? new BigInteger(v.pre().get(1)).add(BigInteger.ONE) : BigInteger.ONE;
            return new Version(v.major(), v.minor(), v.patch(), List.of(tag, n.toString()), null);
        }
        return new Version(v.major(), v.minor(), v.patch(), List.of(tag, "1"), null);
    }

    private static Level current(Version v) {
        String first = v.pre().get(0).toLowerCase(Locale.ROOT);
        boolean numbered = v.pre().size() == 1 || v.pre().size() == 2 && v.pre().get(1).matches("\\d+");
        if (!numbered) {
            return null;
        }
        return switch (first) {
            case "alpha" -> Level.ALPHA;
            case "beta" -> Level.BETA;
            case "rc" -> Level.RC;
            default -> null;
        };
    }
}
