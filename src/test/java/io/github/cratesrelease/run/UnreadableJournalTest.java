package io.github.cratesrelease.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.io.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal that is not valid JSON is set aside with a warning located where the parser stopped. */
class UnreadableJournalTest {

    @TempDir
    Path tmp;

    @Test
    void aBrokenJournalIsSetAsideWithItsLineAndColumn() throws Exception {
        Path file = tmp.resolve("release-journal.json");
        Files.writeString(file, "{\n  \"version\": 1,\n  \"crates\": [ oops ]\n}\n");
        Journal j = Journal.open(file, "fp", Clock.SYSTEM);
        String warning = j.unreadableWarning();
        assertNotNull(warning);
        assertTrue(warning.startsWith(file + ":3:"), warning);
        assertTrue(warning.contains("set aside as " + tmp.resolve("release-journal.unreadable.json")), warning);
        assertTrue(!warning.contains("[Source"), warning);
        assertEquals("{\n  \"version\": 1,\n  \"crates\": [ oops ]\n}\n",
                Files.readString(tmp.resolve("release-journal.unreadable.json")));
    }
}
