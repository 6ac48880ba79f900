package io.github.cratesrelease.version;

import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.semver.VersionReq;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dependents policy does to a requirement on a bumped crate. The requirement keeps its style: operator,
 * spacing and precision stay ({@code "0.3"} → {@code "0.4"}, {@code "^0.3.0"} → {@code "^0.4.0"}, {@code "=0.3.0"}
 * → {@code "=0.4.0"}, {@code "~0.3"} → {@code "~0.4"}, {@code "0.3.*"} → {@code "0.4.*"}); only the numbers change.
 */
public final class RequirementUpdate {

    /** {@code versioning.dependents} in the spec. */
    public enum Policy {
        UPGRADE, FIX, ERROR, IGNORE;

        public static Policy parse(String text) {
            return text == null ? UPGRADE : valueOf(text.trim().toUpperCase(Locale.ROOT));
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The outcome for one requirement.
     *
     * @param requirement the requirement to write (the old text when it stays)
     * @param problem     null, or why the policy refuses (the requirement does not match and cannot or may not be
     *                    rewritten)
     */
    public record Outcome(String requirement, boolean changed, boolean matches, String problem) {
    }

    /** One comparator that keeps its style: leading space, operator, space, numbers, trailing space. */
    private static final Pattern SINGLE = Pattern.compile(
            "(\\s*)(=|\\^|~|>=)?(\\s*)(\\d+)(?:\\.(\\d+|\\*|x|X))?(?:\\.(\\d+|\\*|x|X))?(?:-([0-9A-Za-z.-]+))?"
                    + "(?:\\+[0-9A-Za-z.-]+)?(\\s*)");

    private RequirementUpdate() {
    }

    public static Outcome apply(Policy policy, String requirement, Version version) {
        boolean matches = matches(requirement, version);
        return switch (policy) {
            case IGNORE -> new Outcome(requirement, false, matches, null);
            case ERROR -> new Outcome(requirement, false, matches, matches ? null
                    : "versioning.dependents is 'error'");
            case FIX -> matches ? new Outcome(requirement, false, true, null) : rewrite(requirement, version);
            case UPGRADE -> rewrite(requirement, version);
        };
    }

    private static Outcome rewrite(String requirement, Version version) {
        String upgraded = upgrade(requirement, version);
        if (upgraded == null) {
            boolean matches = matches(requirement, version);
            return new Outcome(requirement, false, matches, matches ? null
                    : "it is not a single '^', '~', '=', '>=' or wildcard requirement, which a bump cannot rewrite");
        }
        if (!matches(upgraded, version)) {
            return new Outcome(requirement, false, false, "rewritten as '" + upgraded + "' it would still not match");
        }
        return new Outcome(upgraded, !upgraded.equals(requirement), true, null);
    }

    /**
     * The requirement raised to {@code version} in its own style, or null when it is not a single comparator this
     * can rewrite ({@code <}, {@code >}, {@code <=}, several comparators, {@code *}).
     */
    static String upgrade(String requirement, Version version) {
        Matcher m = SINGLE.matcher(requirement);
        if (!m.matches()) {
            return null;
        }
        String minor = m.group(5);
        String patch = m.group(6);
        boolean minorWild = minor != null && !isNumber(minor);
        boolean patchWild = patch != null && !isNumber(patch);
        StringBuilder sb = new StringBuilder();
        sb.append(m.group(1)).append(m.group(2) == null ? "" : m.group(2)).append(m.group(3));
        sb.append(version.major());
        if (version.isPreRelease()) {
            if (minorWild || patchWild) {
                return null; // a wildcard never matches a pre-release
            }
            // a pre-release is matched only by a comparator that names it with all three numbers
            sb.append('.').append(version.minor()).append('.').append(version.patch()).append('-')
                    .append(String.join(".", version.pre()));
        } else {
            if (minor != null) {
                sb.append('.').append(minorWild ? minor : String.valueOf(version.minor()));
            }
            if (patch != null) {
                sb.append('.').append(patchWild ? patch : String.valueOf(version.patch()));
            }
        }
        sb.append(m.group(8));
        return sb.toString();
    }

    /** The requirement raised in its own style, else the plain version (a suggestion for messages). */
    static String upgradeOrPlain(String requirement, Version version) {
        String up = upgrade(requirement, version);
        return up != null && matches(up, version) ? up : version.toString();
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    static boolean matches(String requirement, Version version) {
        try {
            return VersionReq.parse(requirement).matches(version);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
