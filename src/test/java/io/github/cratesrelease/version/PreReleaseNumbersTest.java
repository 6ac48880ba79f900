package io.github.cratesrelease.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cratesrelease.semver.Version;
import org.junit.jupiter.api.Test;

/**
 * A pre-release number of any size is counted on (issue 17 part 1: every number parsed with its range): semver's
 * pre-release numbers have no bound, so rc.9223372036854775807 (Java's long max) and beyond go one up instead of
 * failing with "For input string" or wrapping round to a negative number.
 */
class PreReleaseNumbersTest {

    @Test
    void aPreReleaseNumberOfAnySizeGoesOneUp() {
        assertEquals("1.0.0-rc.9223372036854775808",
                VersionBump.next(Version.parse("1.0.0-rc.9223372036854775807"), VersionBump.Level.RC).toString());
        assertEquals("1.0.0-beta.100000000000000000000",
                VersionBump.next(Version.parse("1.0.0-beta.99999999999999999999"), VersionBump.Level.BETA).toString());
        assertEquals("1.0.0-rc.2", VersionBump.next(Version.parse("1.0.0-rc.1"), VersionBump.Level.RC).toString());
    }
}
