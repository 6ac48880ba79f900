package io.github.cratesrelease.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The facts of the {@code semver} crate 1.0.27 (what cargo uses) as data: its tests (tests/test_version.rs,
 * tests/test_version_req.rs, tests/test_identifier.rs) and the tricky inputs of issue 17, each an input and the
 * crate's answer. Where the crate's test checks an error text, the row checks the refusal only.
 */
class SemverVectorsTest {

    private static final String U64_MAX = "18446744073709551615";

    // ---- versions: accepted (then printed back as written) or refused --------------------------------------

    static Stream<Arguments> versions() {
        List<Arguments> rows = new ArrayList<>();
        for (String ok : List.of("1.2.3", "1.2.3-alpha1", "1.2.3+build5", "1.2.3+5build", "1.2.3-alpha1+build5",
                "1.2.3-1.alpha1.9+build5.7.3aedf", "1.2.3-0a.alpha1.9+05build.7.3aedf", "0.4.0-beta.1+0851523",
                "1.1.0-beta-10", "1.2.3+build.42", "1.2.3-alpha1+42", "1.2.3-alpha2", "1.2.3-rc1", "0.0.0",
                "1.2.3-0", "1.2.3+00", "1.2.3+001", "1.0.0-x-y-z.--", "1.0.0-0A.is.legal", "1.2.3-alpha.1+build.1-b",
                "1.2.3--", "1.2.3+-", "2.1.1-really.0", U64_MAX + ".0.0", "0." + U64_MAX + "." + U64_MAX,
                "9223372036854775808.0.0", "1.2.3-" + "1".repeat(280))) {
            rows.add(Arguments.of(ok, true));
        }
        for (String bad : List.of("", "  ", "1", "1.2", "1.2.3-", "a.b.c", "1.2.3 abc", "1.2.3-01", "1.2.3++", "07",
                "111111111111111111111.0.0", "8\0", " 1.2.3", "1.2.3 ", "1.2.3\n", "1.2.3\0", "\t1.2.3", "1.2.3\r\n",
                "\u0661.\u0662.\u0663", "\uff11.2.3", "1.\uff12.3", "1.2.\u0663", "1.2.3-\u03b1", "1.2.3+\u00ff",
                "1.2.3-1.b\0", "18446744073709551616.0.0", "0.0.99999999999999999999", "1.2.3-00", "1.2.3-01.a",
                "1.2.3-alpha..1", "1.2.3+4.", "1.2.3-a.", "1.2.3-.a", "v1.2.3", "=1.2.3", "1.2.3.4", "1.2.3-+",
                "1.2.3-beta_1", "00.1.2", "1.02.3", "1.2.03", "1.2.3+build.1+2", "1.2.3+", "-1.2.3", "1..3",
                "1.2.3-a b", "1.2.x", "*")) {
            rows.add(Arguments.of(bad, false));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "version \"{0}\" accepted: {1}")
    @MethodSource("versions")
    void versionIsAcceptedAsCargoDoes(String text, boolean accepted) {
        if (accepted) {
            assertEquals(text, Version.parse(text).toString());
        } else {
            assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
        }
    }

    // ---- ordering: the crate's total order, consistent with equals; precedence ignores build metadata -------

    static Stream<Arguments> order() {
        List<Arguments> rows = new ArrayList<>();
        Object[][] pairs = {
            {"0.0.0", "1.2.3-alpha2", -1}, {"1.0.0", "1.2.3-alpha2", -1}, {"1.2.0", "1.2.3-alpha2", -1},
            {"1.2.3-alpha1", "1.2.3", -1}, {"1.2.3-alpha1", "1.2.3-alpha2", -1}, {"1.2.3-alpha2", "1.2.3-alpha2", 0},
            {"1.2.3+23", "1.2.3+42", -1}, {"1.2.3", "1.2.3", 0}, {"1.2.3-alpha1", "1.2.3-alpha1", 0},
            {"1.2.3+build.42", "1.2.3+build.42", 0}, {"1.2.3-alpha1+42", "1.2.3-alpha1+42", 0},
            {"0.0.0", "0.0.1", -1}, {"0.0.0", "0.1.0", -1}, {"0.0.0", "1.0.0", -1}, {"1.2.3-alpha", "1.2.3-beta", -1},
            {"1.0.0+a", "1.0.0+b", -1}, {"1.0.0", "1.0.0+a", -1}, {"1.0.0+1", "1.0.0+a", -1},
            {"1.0.0+a", "1.0.0+a.1", -1}, {"1.0.0-rc.1+z", "1.0.0+a", -1}, {"1.0.0+Z", "1.0.0+a", -1},
            {"1.0.0+1", "1.0.0+001", -1}, {"1.0.0+9", "1.0.0+10", -1},
            {"9223372036854775807.0.0", "9223372036854775808.0.0", -1}, {"1.0.0", U64_MAX + ".0.0", -1},
            {"0." + U64_MAX + ".0", "1.0.0", -1}, {"0.0.9223372036854775808", "0.0." + U64_MAX, -1},
            {"1.0.0-2", "1.0.0-10", -1}, {"1.0.0-a", "1.0.0-a.0", -1}, {"1.0.0-Z", "1.0.0-a", -1},
            {"1.0.0-9", "1.0.0-a", -1}, {"1.0.0-99", "1.0.0-100", -1}, {"1.0.0-a.b", "1.0.0-a-b", -1},
        };
        for (Object[] p : pairs) {
            rows.add(Arguments.of(p[0], p[1], p[2]));
        }
        // the SemVer spec's sequence (test_spec_order) and the crate's build metadata sequence
        chain(rows, "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
        chain(rows, "1.0.0+0", "1.0.0+00", "1.0.0+1", "1.0.0+01", "1.0.0+001", "1.0.0+2", "1.0.0+02", "1.0.0+002",
                "1.0.0+10");
        return rows.stream();
    }

    private static void chain(List<Arguments> rows, String... ascending) {
        for (int i = 1; i < ascending.length; i++) {
            rows.add(Arguments.of(ascending[i - 1], ascending[i], -1));
        }
    }

    @ParameterizedTest(name = "{0} <=> {1} is {2}")
    @MethodSource("order")
    void orderIsTheCratesTotalOrder(String a, String b, int expected) {
        Version x = Version.parse(a);
        Version y = Version.parse(b);
        assertEquals(expected, Integer.signum(x.compareTo(y)), "compareTo");
        assertEquals(-expected, Integer.signum(y.compareTo(x)), "compareTo reversed");
        assertEquals(expected == 0, x.equals(y), "equals agrees with compareTo");
    }

    static Stream<Arguments> precedence() {
        return Stream.of(Arguments.of("1.0.0+a", "1.0.0+b", true), Arguments.of("1.2.3+23", "1.2.3+42", true),
                Arguments.of("1.0.0", "1.0.0+x", true), Arguments.of("1.0.0-a+x", "1.0.0-a", true),
                Arguments.of("1.0.0-a", "1.0.0-b", false), Arguments.of("1.0.0+1", "1.0.1+1", false),
                Arguments.of(U64_MAX + ".0.0+a", U64_MAX + ".0.0+b", true));
    }

    @ParameterizedTest(name = "{0} and {1} same precedence: {2}")
    @MethodSource("precedence")
    void precedenceIgnoresBuildMetadata(String a, String b, boolean same) {
        assertEquals(same, Version.parse(a).samePrecedence(Version.parse(b)));
        assertEquals(same, Version.parse(a).comparePrecedence(Version.parse(b)) == 0);
    }

    // ---- requirements: accepted (then as cargo prints them) or refused ------------------------------------

    static Stream<Arguments> requirements() {
        List<Arguments> rows = new ArrayList<>();
        String[][] ok = {
            {"1.0.0", "^1.0.0"}, {"=1.0.0", "=1.0.0"}, {"=0.9.0", "=0.9.0"}, {"=0.0.2", "=0.0.2"},
            {"=0.1.0-beta2.a", "=0.1.0-beta2.a"}, {"=0.1.0+meta", "=0.1.0"}, {">= 1.0.0", ">=1.0.0"},
            {">= 2.1.0-alpha2", ">=2.1.0-alpha2"}, {"< 1.0.0", "<1.0.0"}, {"> 0.0.9, <= 2.5.3", ">0.0.9, <=2.5.3"},
            {"0.3.0, 0.4.0", "^0.3.0, ^0.4.0"}, {"<= 0.2.0, >= 0.5.0", "<=0.2.0, >=0.5.0"},
            {"0.1.0, 0.1.4, 0.1.6", "^0.1.0, ^0.1.4, ^0.1.6"}, {">=0.5.1-alpha3, <0.6", ">=0.5.1-alpha3, <0.6"},
            {"1.2.3-alpha", "^1.2.3-alpha"}, {"2.X", "2.*"}, {"2", "^2"}, {"2.x.x", "2.*"}, {"0.*.*", "0.*"},
            {"0.0.*", "0.0.*"}, {"*", "*"}, {"x", "*"}, {"X", "*"}, {"1.*", "1.*"}, {"1.x", "1.*"}, {"1.X", "1.*"},
            {"1.*.*", "1.*"}, {"1.2.*", "1.2.*"}, {"1.2.x", "1.2.*"}, {"1.2.X", "1.2.*"}, {"~1.2.3-beta.2", null},
            {"=2.1.1-really.0", null}, {" 1.2.3 ", "^1.2.3"}, {">=  1.2.3 ,  <2", ">=1.2.3, <2"},
            {"1.2.3+build", "^1.2.3"}, {U64_MAX + ".0.0", "^" + U64_MAX + ".0.0"}, {">=1.*", null},
            {"  *  ", "*"}, {IntStream.rangeClosed(1, 32).mapToObj(i -> ">" + i).collect(Collectors.joining(", ")),
                null},
        };
        for (String[] r : ok) {
            rows.add(Arguments.of(r[0], true, r[1]));
        }
        for (String op : List.of("=", ">", ">=", "<", "<=", "~", "^")) {
            for (String tail : List.of("-1a", "+1a", "-01a", "+01", "-1+1", "-1-1+1-1-1", "-1a+1a",
                    "-1a-1a+1a-1a-1a")) {
                rows.add(Arguments.of(op + " 1.2.3" + tail, true, null));
            }
        }
        for (String bad : List.of("> 0.1.0,", "> 0.3.0, ,", "1.2.3 - 2.3.4", "> 0.0.9 <= 2.5.3", "", "\0",
                ">= >= 0.0.2", ">== 0.0.2", "a.0.0", "1.0.0-", ">=", "=1.2.3 || =2.3.4", "1.1 || =1.2.3",
                "6.* || 8.* || >= 10.*", "1.2.3-01", "1.2.3+4.", ">", "1.", "1.*.", "1.2.3+4\u00ff", "*.1", "1.*.1",
                ">=1.*.1", "*, 0.20.0-any", "0.20.0-any, *", "0.20.0-any, *, 1.0", "1.2+build", "1.2-pre",
                "^1.2.3-\u03b1", "1.0.0-alpha..1", "\t1.2.3", "1.2.3\n", "1.2.3\t", "1.2.3,\t2", "\u0661.\u0662",
                "\uff11", "^1.\uff12", "18446744073709551616", "^1.2.3.4", "1.2.3-a.", "01.2", "^1.02",
                IntStream.rangeClosed(1, 33).mapToObj(i -> ">" + i).collect(Collectors.joining(", ")))) {
            rows.add(Arguments.of(bad, false, null));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "requirement \"{0}\" accepted: {1}")
    @MethodSource("requirements")
    void requirementIsAcceptedAsCargoDoes(String text, boolean accepted, String cargoForm) {
        if (!accepted) {
            assertThrows(IllegalArgumentException.class, () -> VersionReq.parse(text));
        } else if (cargoForm != null) {
            assertEquals(cargoForm, VersionReq.parse(text).toCargoString());
        } else {
            VersionReq.parse(text);
        }
    }

    // ---- matching -------------------------------------------------------------------------------------------

    static Stream<Arguments> matching() {
        List<Arguments> rows = new ArrayList<>();
        m(rows, "1.0.0", all("1.0.0", "1.1.0", "1.0.1"), none("0.9.9", "0.10.0", "0.1.0", "1.0.0-pre", "1.0.1-pre"));
        m(rows, "=1.0.0", all("1.0.0"), none("1.0.1", "0.9.9", "0.10.0", "0.1.0", "1.0.0-pre"));
        m(rows, "=0.9.0", all("0.9.0"), none("0.9.1", "1.9.0", "0.0.9", "0.9.0-pre"));
        m(rows, "=0.0.2", all("0.0.2"), none("0.0.1", "0.0.3", "0.0.2-pre"));
        m(rows, "=0.1.0-beta2.a", all("0.1.0-beta2.a"), none("0.9.1", "0.1.0", "0.1.1-beta2.a", "0.1.0-beta2"));
        m(rows, "=0.1.0+meta", all("0.1.0", "0.1.0+meta", "0.1.0+any"), none());
        m(rows, ">= 1.0.0", all("1.0.0", "2.0.0"), none("0.1.0", "0.0.1", "1.0.0-pre", "2.0.0-pre"));
        m(rows, ">= 2.1.0-alpha2", all("2.1.0-alpha2", "2.1.0-alpha3", "2.1.0", "3.0.0"),
                none("2.0.0", "2.1.0-alpha1", "2.0.0-alpha2", "3.0.0-alpha2"));
        m(rows, "< 1.0.0", all("0.1.0", "0.0.1"), none("1.0.0", "1.0.0-beta", "1.0.1", "0.9.9-alpha"));
        m(rows, "<= 2.1.0-alpha2", all("2.1.0-alpha2", "2.1.0-alpha1", "2.0.0", "1.0.0"),
                none("2.1.0", "2.2.0-alpha1", "2.0.0-alpha2", "1.0.0-alpha2"));
        m(rows, ">1.0.0-alpha, <1.0.0", all("1.0.0-beta"), none());
        m(rows, ">1.0.0-alpha, <1.0", all(), none("1.0.0-beta"));
        m(rows, ">1.0.0-alpha, <1", all(), none("1.0.0-beta"));
        m(rows, "> 0.0.9, <= 2.5.3", all("0.0.10", "1.0.0", "2.5.3"), none("0.0.8", "2.5.4"));
        m(rows, "0.3.0, 0.4.0", all(), none("0.0.8", "0.3.0", "0.4.0"));
        m(rows, "<= 0.2.0, >= 0.5.0", all(), none("0.0.8", "0.3.0", "0.5.1"));
        m(rows, "0.1.0, 0.1.4, 0.1.6", all("0.1.6", "0.1.9"), none("0.1.0", "0.1.4", "0.2.0"));
        m(rows, ">=0.5.1-alpha3, <0.6", all("0.5.1-alpha3", "0.5.1-alpha4", "0.5.1-beta", "0.5.1", "0.5.5"),
                none("0.5.1-alpha1", "0.5.2-alpha3", "0.5.5-pre", "0.5.0-pre", "0.6.0", "0.6.0-pre"));
        m(rows, "~1", all("1.0.0", "1.0.1", "1.1.1"), none("0.9.1", "2.9.0", "0.0.9"));
        m(rows, "~1.2", all("1.2.0", "1.2.1"), none("1.1.1", "1.3.0", "0.0.9"));
        m(rows, "~1.2.2", all("1.2.2", "1.2.4"), none("1.2.1", "1.9.0", "1.0.9", "2.0.1", "0.1.3"));
        m(rows, "~1.2.3-beta.2", all("1.2.3", "1.2.4", "1.2.3-beta.2", "1.2.3-beta.4"),
                none("1.3.3", "1.1.4", "1.2.3-beta.1", "1.2.4-beta.2"));
        m(rows, "^1", all("1.1.2", "1.1.0", "1.2.1", "1.0.1"),
                none("0.9.1", "2.9.0", "0.1.4", "1.0.0-beta1", "0.1.0-alpha", "1.0.1-pre"));
        m(rows, "^1.1", all("1.1.2", "1.1.0", "1.2.1"), none("0.9.1", "2.9.0", "1.0.1", "0.1.4"));
        m(rows, "^1.1.2", all("1.1.2", "1.1.4", "1.2.1"),
                none("0.9.1", "2.9.0", "1.1.1", "0.0.1", "1.1.2-alpha1", "1.1.3-alpha1", "2.9.0-alpha1"));
        m(rows, "^0.1.2", all("0.1.2", "0.1.4"),
                none("0.9.1", "2.9.0", "1.1.1", "0.0.1", "0.1.2-beta", "0.1.3-alpha", "0.2.0-pre"));
        m(rows, "^0.5.1-alpha3", all("0.5.1-alpha3", "0.5.1-alpha4", "0.5.1-beta", "0.5.1", "0.5.5"),
                none("0.5.1-alpha1", "0.5.2-alpha3", "0.5.5-pre", "0.5.0-pre", "0.6.0"));
        m(rows, "^0.0.2", all("0.0.2"), none("0.9.1", "2.9.0", "1.1.1", "0.0.1", "0.1.4"));
        m(rows, "^0.0", all("0.0.2", "0.0.0"), none("0.9.1", "2.9.0", "1.1.1", "0.1.4"));
        m(rows, "^0", all("0.9.1", "0.0.2", "0.0.0"), none("2.9.0", "1.1.1"));
        m(rows, "^1.4.2-beta.5", all("1.4.2", "1.4.3", "1.4.2-beta.5", "1.4.2-beta.6", "1.4.2-c"),
                none("0.9.9", "2.0.0", "1.4.2-alpha", "1.4.2-beta.4", "1.4.3-beta.5"));
        m(rows, "*", all("0.9.1", "2.9.0", "0.0.9", "1.0.1", "1.1.1", "0.0.1", "0.1.0", "1.0.0"), none("1.0.0-pre"));
        m(rows, "1.*", all("1.2.0", "1.2.1", "1.1.1", "1.3.0"), none("0.0.9", "1.2.0-pre"));
        m(rows, "1.2.*", all("1.2.0", "1.2.2", "1.2.4"), none("1.9.0", "1.0.9", "2.0.1", "0.1.3", "1.2.2-pre"));
        m(rows, "0.*.*", all("0.5.0"), none());
        m(rows, "=2.1.1-really.0", all("2.1.1-really.0"), none());
        // numbers above Long.MAX_VALUE are u64 in cargo
        m(rows, "^" + U64_MAX, all(U64_MAX + ".0.0", U64_MAX + "." + U64_MAX + ".1"), none("1.0.0"));
        m(rows, ">9223372036854775807", all("9223372036854775808.0.0", U64_MAX + ".0.0"), none("1.0.0"));
        m(rows, "<" + U64_MAX + ".0.0", all("1.0.0", "9223372036854775808.0.0"), none(U64_MAX + ".0.0"));
        m(rows, "^1.9223372036854775808", all("1.9223372036854775808.0", "1." + U64_MAX + ".0"), none("1.2.0"));
        m(rows, "~0.0.9223372036854775807", all("0.0.9223372036854775807", "0.0.9223372036854775808"),
                none("0.1.0", "0.0.9223372036854775806"));
        return rows.stream();
    }

    private static List<String> all(String... versions) {
        return List.of(versions);
    }

    private static List<String> none(String... versions) {
        return List.of(versions);
    }

    private static void m(List<Arguments> rows, String req, List<String> matching, List<String> notMatching) {
        matching.forEach(v -> rows.add(Arguments.of(req, v, true)));
        notMatching.forEach(v -> rows.add(Arguments.of(req, v, false)));
    }

    @ParameterizedTest(name = "\"{0}\" matches {1}: {2}")
    @MethodSource("matching")
    void matchingIsCargos(String req, String version, boolean expected) {
        assertEquals(expected, VersionReq.parse(req).matches(Version.parse(version)));
    }
}
