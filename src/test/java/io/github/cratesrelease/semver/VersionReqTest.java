package io.github.cratesrelease.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionReqTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "0.3, 0.3.0, true", "0.3, 0.3.9, true", "0.3, 0.4.0, false",
        "^0.3.1, 0.3.0, false", "^0.3.1, 0.3.5, true",
        "^0.0.3, 0.0.3, true", "^0.0.3, 0.0.4, false",
        "1.2.3, 1.9.0, true", "1.2.3, 2.0.0, false", "1.2.3, 1.2.2, false",
        "=0.3.0, 0.3.0, true", "=0.3.0, 0.3.1, false", "=0.3, 0.3.7, true",
        "~0.3, 0.3.9, true", "~0.3, 0.4.0, false", "~1.2.3, 1.2.9, true", "~1.2.3, 1.3.0, false",
        "'>=1, <2', 1.5.0, true", "'>=1, <2', 2.0.0, false",
        "1.*, 1.7.0, true", "1.*, 2.0.0, false", "*, 9.9.9, true",
        "'>1.2', 1.2.9, false", "'>1.2', 1.3.0, true", "'<=1.2', 1.2.9, true", "'<=1.2', 1.3.0, false",
        "1.0.0, 1.1.0-alpha.1, false",
        "1.1.0-alpha.1, 1.1.0-alpha.2, true", "1.1.0-alpha.1, 1.1.0, true", "1.1.0-alpha.1, 1.1.1-alpha.1, false",
        "=1.0.0-rc.1, 1.0.0-rc.1, true",
    })
    void cargoMatchingRules(String req, String version, boolean expected) {
        assertEquals(expected, VersionReq.parse(req).matches(Version.parse(version)));
    }

    @Test
    void cargoMetadataForm() {
        assertEquals("^0.1.0", VersionReq.parse("0.1.0").toCargoString());
        assertEquals("=0.3.0", VersionReq.parse("=0.3.0").toCargoString());
        assertEquals("~0.3", VersionReq.parse("~0.3").toCargoString());
        assertEquals(">=1, <2", VersionReq.parse(">=1,<2").toCargoString());
        assertEquals("*", VersionReq.parse("*").toCargoString());
        assertEquals("1.*", VersionReq.parse("1.*").toCargoString());
    }

    @Test
    void invalidRequirementsAndVersions() {
        assertThrows(IllegalArgumentException.class, () -> VersionReq.parse(""));
        assertThrows(IllegalArgumentException.class, () -> VersionReq.parse("1.2.3.4"));
        assertThrows(IllegalArgumentException.class, () -> VersionReq.parse(">="));
        assertThrows(IllegalArgumentException.class, () -> Version.parse("1.2"));
        assertThrows(IllegalArgumentException.class, () -> Version.parse("01.2.3"));
        assertThrows(IllegalArgumentException.class, () -> Version.parse("1.2.3-01"));
    }

    @Test
    void semverPrecedenceIgnoresBuildMetadata() {
        List<String> sorted = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0");
        List<Version> shuffled = new ArrayList<>(sorted.stream().map(Version::parse).toList());
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertEquals(sorted, shuffled.stream().map(Version::toString).toList());
        assertTrue(Version.parse("1.0.0+build.1").samePrecedence(Version.parse("1.0.0+other")));
        assertFalse(Version.parse("1.0.0+build.1").equals(Version.parse("1.0.0")));
    }
}
