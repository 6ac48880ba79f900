package io.github.cratesrelease.semver;

import java.util.List;
import java.util.Objects;

/**
 * A SemVer 2.0 version as Cargo reads it: {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}. MAJOR, MINOR and PATCH are
 * u64 as in the {@code semver} crate: held in a {@code long} and meant unsigned (above {@link Long#MAX_VALUE} the
 * accessors return negative values; compare with {@link Long#compareUnsigned}, print with
 * {@link Long#toUnsignedString(long)} or {@link #toString}). The natural order ({@link #compareTo}) is the crate's:
 * total and consistent with {@link #equals}, build metadata last; {@link #comparePrecedence} is SemVer precedence,
 * build metadata ignored, as cargo uses for matching and registries for uniqueness.
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

    /**
     * Parses a version exactly as cargo's {@code semver} crate does: nothing trimmed, ASCII digits only, numbers
     * up to u64 max; throws {@link IllegalArgumentException} with the reason when it is not valid SemVer.
     */
    public static Version parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty string, expected a semver version");
        }
        Syntax in = new Syntax(text);
        long major = in.number("major");
        in.dot("major");
        long minor = in.number("minor");
        in.dot("minor");
        long patch = in.number("patch");
        String after = "patch version number";
        List<String> pre = List.of();
        if (in.eat('-')) {
            pre = List.of(in.identifiers(true).split("\\.", -1));
            after = "pre-release identifier";
        }
        String build = "";
        if (in.eat('+')) {
            build = in.identifiers(false);
            after = "build metadata";
        }
        if (!in.atEnd()) {
            throw in.fail("unexpected character " + in.shown() + " after " + after);
        }
        return new Version(major, minor, patch, pre, build);
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

    /** The crate's total order: precedence, then build metadata ({@code 1.0.0+a < 1.0.0+b}). */
    @Override
    public int compareTo(Version o) {
        int c = comparePrecedence(o);
        return c != 0 ? c : compareBuild(build, o.build);
    }

    /** SemVer precedence: MAJOR, MINOR, PATCH (unsigned), then pre-release; build metadata ignored. */
    public int comparePrecedence(Version o) {
        int c = Long.compareUnsigned(major, o.major);
        if (c == 0) {
            c = Long.compareUnsigned(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compareUnsigned(patch, o.patch);
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
            boolean xn = isNumeric(x);
            boolean yn = isNumeric(y);
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

    /**
     * The crate's order of build metadata: identifier by identifier, numeric ones before the others and by value,
     * then by length of leading zeros ({@code 0 < 00 < 1 < 01 < 001 < 2}), the others in ASCII order; empty first.
     */
    static int compareBuild(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? -1 : 1;
        }
        String[] x = a.split("\\.", -1);
        String[] y = b.split("\\.", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = isNumeric(x[i]);
            boolean yn = isNumeric(y[i]);
            int c;
            if (xn && yn) {
                String xv = x[i].replaceFirst("^0+", "");
                String yv = y[i].replaceFirst("^0+", "");
                c = xv.length() != yv.length() ? Integer.compare(xv.length(), yv.length()) : xv.compareTo(yv);
                if (c == 0) {
                    c = Integer.compare(x[i].length(), y[i].length());
                }
            } else if (xn != yn) {
                c = xn ? -1 : 1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean isNumeric(String id) {
        return id.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** Same precedence (build metadata ignored), as registries compare versions for uniqueness. */
    public boolean samePrecedence(Version o) {
        return comparePrecedence(o) == 0;
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
        StringBuilder sb = new StringBuilder().append(Long.toUnsignedString(major)).append('.')
                .append(Long.toUnsignedString(minor)).append('.').append(Long.toUnsignedString(patch));
        if (!pre.isEmpty()) {
            sb.append('-').append(String.join(".", pre));
        }
        if (!build.isEmpty()) {
            sb.append('+').append(build);
        }
        return sb.toString();
    }
}
