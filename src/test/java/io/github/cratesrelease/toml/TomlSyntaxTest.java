package io.github.cratesrelease.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader's errors for the mistakes people make in manifests: where each is, and what the message says. */
class TomlSyntaxTest {

    /** The first error of {@code text} as "line:column: message". */
    private static String error(String text) {
        TomlParseResult r = Toml.parse(text);
        assertTrue(r.hasErrors(), () -> "no error in: " + text);
        TomlParseError e = r.errors().get(0);
        return e.position().line() + ":" + e.position().column() + ": " + e.getMessage();
    }

    @Test
    void aMissingEqualsSignIsAtWhatCameInstead() {
        assertEquals("5:9: expected '=' after the key version, found '\"' (write key = value)",
                error("version = 3\n\n[[package]]\nname = \"llmo-audit\"\nversion \"0.4.0\"\n"));
    }

    @Test
    void anUnclosedArrayIsAtTheEndAndNamesWhereItOpened() {
        assertEquals("3:1: expected ',' or ']', found end of file; the array opened at line 2, column 11 is not closed "
                + "(separate its values with commas, end it with ])", error("[workspace]\nmembers = [\"crates/*\"\n"));
        assertEquals("2:16: expected ',' or ']', found '\"'; the array opened at line 2, column 11 is not closed "
                + "(separate its values with commas, end it with ])", error("[workspace]\nmembers = [\"a\" \"b\"]\n"));
    }

    @Test
    void anUnclosedStringIsAtTheEndOfItsLine() {
        assertEquals("2:13: the string opened at line 2, column 8 is not closed; add its closing \" before the end of "
                + "the line", error("[package]\nname = \"core\nversion = \"0.1.0\"\n"));
        assertEquals("4:1: the multi-line string opened at line 1, column 15 is not closed; add its closing \"\"\"",
                error("description = \"\"\"\nline one\nline two\n"));
    }

    @Test
    void aKeyOrTableDefinedTwiceNamesBothPlaces() {
        assertEquals("3:1: version is defined twice: it is already a key at line 2, column 1 (remove one of them, or "
                + "give it another name)", error("[package]\nversion = \"1.0.0\"\nversion = \"1.0.1\"\n"));
        assertEquals("3:1: dependencies is defined twice: it is already a table at line 1, column 1 (remove one of "
                + "them, or give it another name)", error("[dependencies]\na = \"1\"\n[dependencies]\nb = \"1\"\n"));
        assertEquals("4:1: b is defined twice: it is already a table at line 1, column 1 (remove one of them, or give "
                + "it another name)", error("[a.b]\nx = 1\n[a]\nb = 1\n"));
        assertEquals("2:1: dependencies is an inline table at line 1, column 1, which a table header cannot extend "
                + "(write its keys inside the { })", error("dependencies = { serde = { version = \"1\" } }\n"
                + "[dependencies.serde]\n"));
    }

    @Test
    void aBackslashInABasicStringPointsAtTheEscapeAndSuggestsALiteralString() {
        assertEquals("1:11: invalid escape \\d in a string; valid are \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH "
                + "\\UHHHHHHHH (write \\\\ for a backslash, or use a literal '...' string)", error("path = \"C:\\dir\\path\"\n"));
    }

    @Test
    void anUnquotedStringAndABrokenNumberSayHowToWriteThem() {
        assertEquals("2:8: invalid value 'core' (a string must be quoted: \"...\"; a number has digits with single "
                + "underscores between them, no leading zero, and 0x, 0o or 0b before hex, octal or binary digits)",
                error("[package]\nname = core\n"));
        assertEquals("1:16: expected 2 digits for the month of a date-time (write YYYY-MM-DD, HH:MM:SS or "
                + "YYYY-MM-DDTHH:MM:SSZ)", error("edition = 2021-\n"));
        assertEquals("1:8: unexpected ',' after a value; a key/value pair or a table header must end its line (start a "
                + "new line, or add a # before a comment)", error("a = \"x\", b = \"y\"\n"));
    }

    @Test
    void linesAreCountedThroughMultiLineStringsArraysAndCrlf() {
        assertEquals("5:4: expected a value, found end of line (write key = value)",
                error("a = \"\"\"\none\ntwo\"\"\"\n\nc =\n"));
        assertEquals("4:4: expected a value, found end of line (write key = value)",
                error("a = [\r\n  1, # one\r\n]\r\nb =\r\n"));
    }

    @Test
    void nestingIsBounded() {
        String ok = "a = " + "[".repeat(Toml.MAX_NESTING) + "]".repeat(Toml.MAX_NESTING) + "\n";
        assertFalse(Toml.parse(ok).hasErrors());
        // the 129th opener is the 65th [, at column 5 + 6 * 64
        String deep = "a = " + "[{x = ".repeat(5000) + "1" + "}]".repeat(5000) + "\n";
        assertEquals("1:" + (5 + 6 * 64) + ": more than 128 arrays or inline tables nested in one another",
                error(deep));
    }

    @Test
    void valuesHaveTheirJavaTypesAndKeysTheirPlaces() {
        TomlParseResult r = Toml.parse("""
                [package]
                name = "core"
                version.workspace = true
                [dependencies]
                serde = { version = "1", features = ["derive"] }
                [[bin]]
                name = "a"
                [[bin]]
                name = "b"
                [x]
                when = 1979-05-27T07:32:00Z
                day = 1979-05-27
                at = 10:30
                n = 0xff
                f = 1e3
                """);
        assertFalse(r.hasErrors(), () -> r.errors().toString());
        assertEquals("core", r.getString("package.name"));
        assertEquals(Boolean.TRUE, r.getBoolean(List.of("package", "version", "workspace")));
        assertEquals(new TomlPosition(3, 1), r.inputPositionOf(List.of("package", "version")));
        assertEquals(new TomlPosition(4, 1), r.inputPositionOf("dependencies"));
        TomlTable serde = r.getTable("dependencies.serde");
        assertEquals(List.of("version", "features"), List.copyOf(serde.keySet()));
        assertEquals(new TomlPosition(5, 38), serde.getArray("features").inputPositionOf(0));
        assertEquals(2, r.getArray("bin").size());
        assertEquals(new TomlPosition(8, 1), r.getArray("bin").inputPositionOf(1));
        assertEquals("b", r.getArray("bin").getTable(1).getString("name"));
        assertEquals(OffsetDateTime.class, r.get("x.when").getClass());
        assertEquals(LocalDate.of(1979, 5, 27), r.get("x.day"));
        assertEquals(LocalTime.of(10, 30), r.get("x.at"));
        assertEquals(255L, r.getLong("x.n"));
        assertEquals(1000.0, r.getDouble("x.f"));
        assertNull(r.get("x.absent"));
        assertNull(r.get(List.of("package", "name", "deeper")));
        assertThrows(TomlInvalidTypeException.class, () -> r.getString("x.n"));
        assertEquals(List.of("a", "b.c", "d"), Toml.parseDottedKey("a.\"b.c\" . d"));
        assertThrows(IllegalArgumentException.class, () -> Toml.parseDottedKey("a..b"));
    }
}
