package io.github.cratesrelease.semver;

import java.util.ArrayList;
import java.util.List;

/**
 * A Cargo version requirement ({@code "0.3"}, {@code "^1.2.3"}, {@code "=0.3.0"}, {@code "~0.3"},
 * {@code ">=1, <2"}, {@code "1.*"}), with Cargo's matching rules, pre-release rule included.
 */
public final class VersionReq {

    public enum Op {
        EXACT("="), GREATER(">"), GREATER_EQ(">="), LESS("<"), LESS_EQ("<="), TILDE("~"), CARET("^"), WILDCARD("");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One comparator; minor/patch are null when not written. */
    public record Comparator(Op op, boolean explicitOp, long major, Long minor, Long patch, List<String> pre) {

        boolean matches(Version v) {
            return switch (op) {
                case EXACT -> matchesExact(v);
                case GREATER -> matchesGreater(v);
                case GREATER_EQ -> matchesExact(v) || matchesGreater(v);
                case LESS -> matchesLess(v);
                case LESS_EQ -> matchesExact(v) || matchesLess(v);
                case TILDE -> matchesTilde(v);
                case CARET -> matchesCaret(v);
                case WILDCARD -> matchesExact(v);
            };
        }

        private boolean matchesExact(Version v) {
            if (v.major() != major) {
                return false;
            }
            if (minor != null && v.minor() != minor) {
                return false;
            }
            if (patch != null && v.patch() != patch) {
                return false;
            }
            return v.pre().equals(pre);
        }

        private boolean matchesGreater(Version v) {
            if (v.major() != major) {
                return gt(v.major(), major);
            }
            if (minor == null) {
                return false;
            }
            if (v.minor() != minor) {
                return gt(v.minor(), minor);
            }
            if (patch == null) {
                return false;
            }
            if (v.patch() != patch) {
                return gt(v.patch(), patch);
            }
            return Version.comparePre(v.pre(), pre) > 0;
        }

        private boolean matchesLess(Version v) {
            if (v.major() != major) {
                return gt(major, v.major());
            }
            if (minor == null) {
                return false;
            }
            if (v.minor() != minor) {
                return gt(minor, v.minor());
            }
            if (patch == null) {
                return false;
            }
            if (v.patch() != patch) {
                return gt(patch, v.patch());
            }
            return Version.comparePre(v.pre(), pre) < 0;
        }

        private boolean matchesTilde(Version v) {
            if (v.major() != major) {
                return false;
            }
            if (minor != null && v.minor() != minor) {
                return false;
            }
            if (patch != null && v.patch() != patch) {
                return gt(v.patch(), patch);
            }
            return Version.comparePre(v.pre(), pre) >= 0;
        }

        private boolean matchesCaret(Version v) {
            if (v.major() != major) {
                return false;
            }
            if (minor == null) {
                return true;
            }
            if (patch == null) {
                return major != 0 ? !gt(minor, v.minor()) : v.minor() == minor;
            }
            if (major != 0) {
                if (v.minor() != minor) {
                    return gt(v.minor(), minor);
                } else if (v.patch() != patch) {
                    return gt(v.patch(), patch);
                }
            } else if (minor != 0) {
                if (v.minor() != minor) {
                    return false;
                } else if (v.patch() != patch) {
                    return gt(v.patch(), patch);
                }
            } else if (v.minor() != minor || v.patch() != patch) {
                return false;
            }
            return Version.comparePre(v.pre(), pre) >= 0;
        }

        /** {@code a > b}, both read as u64. */
        private static boolean gt(long a, long b) {
            return Long.compareUnsigned(a, b) > 0;
        }

        /** Whether a pre-release version may match through this comparator (same M.m.p with a pre-release). */
        boolean allowsPreOf(Version v) {
            return major == v.major() && minor != null && minor == v.minor() && patch != null && patch == v.patch()
                    && !pre.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (op == Op.WILDCARD) {
                sb.append(Long.toUnsignedString(major));
                sb.append(minor == null ? ".*" : "." + Long.toUnsignedString(minor) + ".*");
                return sb.toString();
            }
            sb.append(op.symbol).append(Long.toUnsignedString(major));
            if (minor != null) {
                sb.append('.').append(Long.toUnsignedString(minor));
            }
            if (patch != null) {
                sb.append('.').append(Long.toUnsignedString(patch));
            }
            if (!pre.isEmpty()) {
                sb.append('-').append(String.join(".", pre));
            }
            return sb.toString();
        }
    }

    private final String text;
    private final List<Comparator> comparators;

    private VersionReq(String text, List<Comparator> comparators) {
        this.text = text;
        this.comparators = List.copyOf(comparators);
    }

    /** The crate's limit: a requirement of more comparators is refused. */
    static final int MAX_COMPARATORS = 32;

    /**
     * Parses a requirement as cargo's {@code semver} crate does (spaces allowed around operators and commas, nothing
     * else trimmed); throws {@link IllegalArgumentException} with the reason when cargo would refuse it.
     */
    public static VersionReq parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("empty version requirement");
        }
        Syntax in = new Syntax(text);
        in.skipSpaces();
        if (in.eatWildcard()) {
            in.skipSpaces();
            if (in.atEnd()) {
                return new VersionReq(text, List.of());
            }
            throw in.fail(in.peek() == ',' ? "a wildcard (*) must be the only comparator in the version requirement"
                    : "unexpected character after wildcard in version requirement");
        }
        List<Comparator> list = new ArrayList<>();
        while (true) {
            int mark = in.mark();
            Parsed parsed;
            try {
                parsed = parseComparator(in);
            } catch (IllegalArgumentException e) {
                in.reset(mark);
                if (in.eatWildcard()) {
                    in.skipSpaces();
                    if (in.atEnd() || in.peek() == ',') {
                        throw in.fail("a wildcard (*) must be the only comparator in the version requirement");
                    }
                }
                throw e;
            }
            list.add(parsed.comparator());
            if (in.atEnd()) {
                return new VersionReq(text, list);
            }
            if (!in.eat(',')) {
                throw in.fail("expected comma after " + parsed.after() + ", found " + in.shown());
            }
            in.skipSpaces();
            if (list.size() == MAX_COMPARATORS) {
                throw in.fail("excessive number of version comparators (at most " + MAX_COMPARATORS + ")");
            }
        }
    }

    private record Parsed(Comparator comparator, String after) {
    }

    private static Parsed parseComparator(Syntax in) {
        Op op = Op.CARET;
        boolean explicit = true;
        if (in.eat('>')) {
            op = in.eat('=') ? Op.GREATER_EQ : Op.GREATER;
        } else if (in.eat('<')) {
            op = in.eat('=') ? Op.LESS_EQ : Op.LESS;
        } else if (in.eat('=')) {
            op = Op.EXACT;
        } else if (in.eat('~')) {
            op = Op.TILDE;
        } else if (!in.eat('^')) {
            explicit = false;
        }
        in.skipSpaces();
        long major = in.number("major");
        String after = "major version number";
        Long minor = null;
        Long patch = null;
        boolean wildcard = false;
        if (in.eat('.')) {
            after = "minor version number";
            if (in.eatWildcard()) {
                wildcard = true;
            } else {
                minor = in.number("minor");
            }
            if (in.eat('.')) {
                after = "patch version number";
                if (in.eatWildcard()) {
                    wildcard = true;
                } else if (wildcard) {
                    throw in.fail("unexpected character after wildcard in version requirement");
                } else {
                    patch = in.number("patch");
                }
            }
        }
        List<String> pre = List.of();
        if (patch != null && in.eat('-')) {
            pre = List.of(in.identifiers(true).split("\\.", -1));
            after = "pre-release identifier";
        }
        if (patch != null && in.eat('+')) {
            in.identifiers(false); // build metadata is checked, then ignored in requirements
            after = "build metadata";
        }
        in.skipSpaces();
        if (wildcard && !explicit) {
            op = Op.WILDCARD;
        }
        return new Parsed(new Comparator(op, explicit, major, minor, patch, pre), after);
    }

    public List<Comparator> comparators() {
        return comparators;
    }

    /** Cargo's matching: every comparator matches, and a pre-release only through a comparator that names it. */
    public boolean matches(Version v) {
        for (Comparator c : comparators) {
            if (!c.matches(v)) {
                return false;
            }
        }
        if (v.isPreRelease()) {
            return comparators.stream().anyMatch(c -> c.allowsPreOf(v));
        }
        return true;
    }

    /** The requirement as {@code cargo metadata} prints it (implicit caret made explicit). */
    public String toCargoString() {
        if (comparators.isEmpty()) {
            return "*";
        }
        List<String> parts = new ArrayList<>();
        for (Comparator c : comparators) {
            parts.add(c.toString());
        }
        return String.join(", ", parts);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
