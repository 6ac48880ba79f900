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
                case WILDCARD -> matchesWildcard(v);
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
                return v.major() > major;
            }
            if (minor == null) {
                return false;
            }
            if (v.minor() != minor) {
                return v.minor() > minor;
            }
            if (patch == null) {
                return false;
            }
            if (v.patch() != patch) {
                return v.patch() > patch;
            }
            return Version.comparePre(v.pre(), pre) > 0;
        }

        private boolean matchesLess(Version v) {
            if (v.major() != major) {
                return v.major() < major;
            }
            if (minor == null) {
                return false;
            }
            if (v.minor() != minor) {
                return v.minor() < minor;
            }
            if (patch == null) {
                return false;
            }
            if (v.patch() != patch) {
                return v.patch() < patch;
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
                return v.patch() > patch;
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
                return major > 0 ? v.minor() >= minor : v.minor() == minor;
            }
            if (major > 0) {
                if (v.minor() != minor) {
                    return v.minor() > minor;
                } else if (v.patch() != patch) {
                    return v.patch() > patch;
                }
            } else if (minor > 0) {
                if (v.minor() != minor) {
                    return false;
                } else if (v.patch() != patch) {
                    return v.patch() > patch;
                }
            } else if (v.minor() != minor || v.patch() != patch) {
                return false;
            }
            return Version.comparePre(v.pre(), pre) >= 0;
        }

        private boolean matchesWildcard(Version v) {
            if (v.major() != major) {
                return false;
            }
            return minor == null || v.minor() == minor;
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
                sb.append(major).append(minor == null ? ".*" : "." + minor + ".*");
                return sb.toString();
            }
            sb.append(op.symbol).append(major);
            if (minor != null) {
                sb.append('.').append(minor);
            }
            if (patch != null) {
                sb.append('.').append(patch);
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

    /** Parses a requirement; throws {@link IllegalArgumentException} with the reason when Cargo would refuse it. */
    public static VersionReq parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty version requirement");
        }
        if (s.equals("*") || s.equals("x") || s.equals("X")) {
            return new VersionReq(text, List.of());
        }
        List<Comparator> list = new ArrayList<>();
        for (String part : s.split(",", -1)) {
            list.add(parseComparator(part.trim(), text));
        }
        return new VersionReq(text, list);
    }

    private static Comparator parseComparator(String s, String whole) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("'" + whole + "': empty comparator");
        }
        Op op = Op.CARET;
        boolean explicit = true;
        String rest;
        if (s.startsWith(">=")) {
            op = Op.GREATER_EQ;
            rest = s.substring(2);
        } else if (s.startsWith("<=")) {
            op = Op.LESS_EQ;
            rest = s.substring(2);
        } else if (s.startsWith(">")) {
            op = Op.GREATER;
            rest = s.substring(1);
        } else if (s.startsWith("<")) {
            op = Op.LESS;
            rest = s.substring(1);
        } else if (s.startsWith("=")) {
            op = Op.EXACT;
            rest = s.substring(1);
        } else if (s.startsWith("~")) {
            op = Op.TILDE;
            rest = s.substring(1);
        } else if (s.startsWith("^")) {
            rest = s.substring(1);
        } else {
            explicit = false;
            rest = s;
        }
        rest = rest.trim();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("'" + whole + "': missing version after '" + op.symbol + "'");
        }
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            rest = rest.substring(0, plus); // build metadata is ignored in requirements
        }
        List<String> pre = List.of();
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            pre = List.of(rest.substring(dash + 1).split("\\.", -1));
            rest = rest.substring(0, dash);
        }
        String[] parts = rest.split("\\.", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("'" + whole + "': too many version parts in '" + s + "'");
        }
        long major = parts[0].matches("[*xX]") ? -1 : Version.number(parts[0], whole);
        if (major < 0) {
            throw new IllegalArgumentException("'" + whole + "': a wildcard must stand alone or after MAJOR");
        }
        Long minor = null;
        Long patch = null;
        boolean wildcard = false;
        if (parts.length > 1) {
            if (parts[1].matches("[*xX]")) {
                wildcard = true;
            } else {
                minor = Version.number(parts[1], whole);
            }
        }
        if (parts.length > 2) {
            if (parts[2].matches("[*xX]")) {
                wildcard = true;
            } else if (wildcard) {
                throw new IllegalArgumentException("'" + whole + "': nothing may follow a wildcard");
            } else {
                patch = Version.number(parts[2], whole);
            }
        }
        if (!pre.isEmpty() && patch == null) {
            throw new IllegalArgumentException("'" + whole + "': a pre-release needs MAJOR.MINOR.PATCH");
        }
        if (wildcard && !explicit) {
            op = Op.WILDCARD;
        }
        return new Comparator(op, explicit, major, minor, patch, pre);
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
