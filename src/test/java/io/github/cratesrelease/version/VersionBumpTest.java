package io.github.cratesrelease.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.version.VersionBump.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VersionBumpTest {

    @ParameterizedTest
    @CsvSource({
        "1.2.3, major, 2.0.0",
        "1.2.3, minor, 1.3.0",
        "1.2.3, patch, 1.2.4",
        "0.3.1, major, 1.0.0",
        "0.3.1, minor, 0.4.0",
        "0.3.1, patch, 0.3.2",
        "1.2.3+build.7, patch, 1.2.4",
        "1.2.3, rc, 1.2.4-rc.1",
        "1.2.4-rc.1, rc, 1.2.4-rc.2",
        "1.2.4-alpha.3, beta, 1.2.4-beta.1",
        "1.2.4-beta.2, rc, 1.2.4-rc.1",
        "1.2.4-alpha, alpha, 1.2.4-alpha.1",
        "1.2.4-rc.2, release, 1.2.4",
        "1.2.4-rc.2, patch, 1.2.4",
        "1.3.0-rc.1, minor, 1.3.0",
        "1.2.4-rc.1, minor, 1.3.0",
        "2.0.0-beta.1, major, 2.0.0",
        "1.2.0-beta.1, major, 2.0.0",
    })
    void nextVersion(String from, String level, String to) {
        Version next = VersionBump.next(Version.parse(from), Level.parse(level));
        assertEquals(to, next.toString());
        assertTrue(next.compareTo(Version.parse(from)) > 0, "a bump always moves forward");
    }

    @Test
    void backwardsAndMeaninglessBumpsAreRefusedWithTheReason() {
        IllegalArgumentException back = assertThrows(IllegalArgumentException.class,
                () -> VersionBump.next(Version.parse("1.0.0-rc.1"), Level.BETA));
        assertTrue(back.getMessage().contains("alpha < beta < rc"), back.getMessage());
        IllegalArgumentException release = assertThrows(IllegalArgumentException.class,
                () -> VersionBump.next(Version.parse("1.0.0"), Level.RELEASE));
        assertTrue(release.getMessage().contains("not a pre-release"), release.getMessage());
        // another pre-release: a level starts only when it sorts after it
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> VersionBump.next(Version.parse("1.0.0-nightly.2024"), Level.ALPHA));
        assertTrue(odd.getMessage().contains("1.0.0-alpha.1 sorts before 1.0.0-nightly.2024 (SemVer compares "
                + "pre-release identifiers in ASCII order: 'alpha' < 'nightly')"), odd.getMessage());
        assertEquals(Version.parse("1.0.0-rc.1"), VersionBump.next(Version.parse("1.0.0-nightly.2024"), Level.RC));
        assertEquals(java.util.List.of("major", "minor", "patch", "release", "rc"),
                VersionBump.levelsFrom(Version.parse("0.20.0-dev")));
        assertThrows(IllegalArgumentException.class, () -> Level.parse("huge"));
    }
}
