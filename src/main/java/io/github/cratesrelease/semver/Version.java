package io.github.cratesrelease.semver;

import java.util.List;
import java.util.Objects;

/**
 * A SemVer 2.0 version as Cargo reads it: {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}. Build metadata is kept but
 * ignored for ordering and equality of precedence ({@link #compareTo}).
 */
public final class Version implements Comparable<Version> {
    private final long major;
    private final long minor;
    private final long patch;
    private final List<String> pre;
    private final String build;

    public Version(long major, long minor, long patch, List<String> pre, String build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.pre = List.copyOf(pre);
        this.build = build == null ? "" : build;
    }

    public static Version of(long major, long minor, long patch) {
        return new Version(major, minor, patch, List.of(), "");
    }

    /** Parses a version; throws {@link IllegalArgumentException} with the reason when it is not valid SemVer. */
    public static Version parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no version");
        }
        String s = text.trim();
        String build = "";
        int plus = s.indexOf('+');
        if (plus >= 0) {
            build = s.substring(plus + 1);
            s = s.substring(0, plus);
            checkIdentifiers(build, false, text);
        }
        List<String> pre = List.of();
        int dash = s.indexOf('-');
        if (dash >= 0) {
            String p = s.substring(dash + 1);
            s = s.substring(0, dash);
            checkIdentifiers(p, true, text);
            pre = List.of(p.split("\\.", -1));
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not MAJOR.MINOR.PATCH");
        }
        return new Version(number(parts[0], text), number(parts[1], text), number(parts[2], text), pre, build);
    }

    static long number(String part, String whole) {
        if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + whole + "': '" + part + "' is not a number");
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw new IllegalArgumentException("'" + whole + "': leading zero in '" + part + "'");
        }
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "': '" + part + "' is too large");
        }
    }

    private static void checkIdentifiers(String ids, boolean pre, String whole) {
        for (String id : ids.split("\\.", -1)) {
            if (id.isEmpty() || !id.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-')) {
                throw new IllegalArgumentException("'" + whole + "': bad " + (pre ? "pre-release" : "build")
                        + " identifier '" + id + "'");
            }
            if (pre && id.length() > 1 && id.charAt(0) == '0' && id.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + whole + "': leading zero in pre-release '" + id + "'");
            }
        }
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    public List<String> pre() {
        return pre;
    }

    public String build() {
        return build;
    }

    public boolean isPreRelease() {
        return !pre.isEmpty();
    }

    @Override
    public int compareTo(Version o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c == 0) {
            c = comparePre(pre, o.pre);
        }
        return c;
    }

    static int comparePre(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty()); // a release is greater than any pre-release
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = x.chars().allMatch(Character::isDigit);
            boolean yn = y.chars().allMatch(Character::isDigit);
            int c;
            if (xn && yn) {
                c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            } else if (xn != yn) {
                c = xn ? -1 : 1; // numeric identifiers sort before alphanumeric ones
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Same precedence (build metadata ignored), as registries compare versions for uniqueness. */
    public boolean samePrecedence(Version o) {
        return compareTo(o) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && major == v.major && minor == v.minor && patch == v.patch
                && pre.equals(v.pre) && build.equals(v.build);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, pre, build);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!pre.isEmpty()) {
            sb.append('-').append(String.join(".", pre));
        }
        if (!build.isEmpty()) {
            sb.append('+').append(build);
        }
        return sb.toString();
    }
}
