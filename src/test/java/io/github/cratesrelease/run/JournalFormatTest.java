package io.github.cratesrelease.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.io.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's text is the one the Jackson-written journal had (keys, order, nulls, layout), and a journal written
 * by that version is read back whole.
 */
class JournalFormatTest {

    /** A clock that says the same time always. */
    static final Clock FIXED = new Clock() {
        @Override
        public Instant now() {
            return Instant.parse("2024-05-06T07:08:09.123Z");
        }

        @Override
        public long millis() {
            return 0;
        }

        @Override
        public void sleep(Duration d) {
        }
    };

    @TempDir
    Path tmp;

    @Test
    void theJournalIsWrittenAsBefore() throws Exception {
        Path file = tmp.resolve("release-journal.json");
        Journal j = Journal.open(file, "fp-1", FIXED);
        Journal.Entry a = j.entry("alpha", "1.0.0", "crates-io", 0);
        j.packaged(a, Path.of("/t/alpha-1.0.0.crate"), "ab12");
        j.attempt(a);
        j.uploaded(a, 321);
        Journal.Entry b = j.entry("beta", "0.2.0+meta", "other", 1);
        j.update(b, Journal.State.FAILED, "said \"no\"\n\ttab \u0001 \u00e9");
        j.entry("gamma", "3.0.0", "crates-io", 2);
        j.stepCompleted("tag");
        j.event("pushed");
        assertEquals(EXPECTED, Files.readString(file));
    }

    @Test
    void aJournalOfThePreviousVersionIsResumedWhole() throws Exception {
        Path file = tmp.resolve("release-journal.json");
        Files.writeString(file, EXPECTED);
        Journal j = Journal.open(file, "fp-1", FIXED);
        assertTrue(j.resumed());
        assertNull(j.unreadableWarning());
        Journal.Entry a = j.get("alpha");
        assertEquals(Journal.State.UPLOADED, a.state());
        assertEquals("/t/alpha-1.0.0.crate", a.file());
        assertEquals("ab12", a.cksum());
        assertEquals(1, a.attempts());
        assertEquals(321, a.uploadMs());
        assertNull(a.detail());
        Journal.Entry b = j.get("beta");
        assertEquals(Journal.State.FAILED, b.state());
        assertEquals("said \"no\"\n\ttab \u0001 \u00e9", b.detail());
        assertEquals(-1, b.uploadMs());
        assertNull(b.file());
        assertNull(j.get("gamma").state());
        assertTrue(j.stepDone("tag"));
        j.stepCompleted("tag2");
        assertEquals(EXPECTED.replace("\"steps\" : [ \"tag\" ]", "\"steps\" : [ \"tag\", \"tag2\" ]"),
                Files.readString(file));
    }

    @Test
    void aFinishedJournalOffersItsPackagesAndAnEmptyOneIsAnotherPlans() throws Exception {
        Path file = tmp.resolve("release-journal.json");
        Files.writeString(file, EXPECTED.replace("\"finished\" : false", "\"finished\" : true"));
        Journal j = Journal.open(file, "fp-1", FIXED);
        assertTrue(!j.resumed() && j.reusable());
        assertEquals("ab12", j.get("alpha").cksum());
        assertNull(j.get("alpha").state());
        Files.writeString(file, "");
        Journal k = Journal.open(file, "fp-1", FIXED);
        assertNull(k.unreadableWarning());
        assertTrue(Files.isRegularFile(tmp.resolve("release-journal.previous.json")));
    }

    static final String EXPECTED = ""
            + "{\n"
            + "  \"version\" : 1,\n"
            + "  \"fingerprint\" : \"fp-1\",\n"
            + "  \"started\" : \"2024-05-06T07:08:09.123Z\",\n"
            + "  \"updated\" : \"2024-05-06T07:08:09.123Z\",\n"
            + "  \"sourceCommit\" : null,\n"
            + "  \"finished\" : false,\n"
            + "  \"crates\" : [ {\n"
            + "    \"name\" : \"alpha\",\n"
            + "    \"version\" : \"1.0.0\",\n"
            + "    \"registry\" : \"crates-io\",\n"
            + "    \"wave\" : 0,\n"
            + "    \"file\" : \"/t/alpha-1.0.0.crate\",\n"
            + "    \"cksum\" : \"ab12\",\n"
            + "    \"state\" : \"UPLOADED\",\n"
            + "    \"attempts\" : 1,\n"
            + "    \"uploadMs\" : 321,\n"
            + "    \"waitMs\" : -1,\n"
            + "    \"detail\" : null,\n"
            + "    \"updated\" : \"2024-05-06T07:08:09.123Z\"\n"
            + "  }, {\n"
            + "    \"name\" : \"beta\",\n"
            + "    \"version\" : \"0.2.0+meta\",\n"
            + "    \"registry\" : \"other\",\n"
            + "    \"wave\" : 1,\n"
            + "    \"file\" : null,\n"
            + "    \"cksum\" : null,\n"
            + "    \"state\" : \"FAILED\",\n"
            + "    \"attempts\" : 0,\n"
            + "    \"uploadMs\" : -1,\n"
            + "    \"waitMs\" : -1,\n"
            + "    \"detail\" : \"said \\\"no\\\"\\n\\ttab \\u0001 \u00e9\",\n"
            + "    \"updated\" : \"2024-05-06T07:08:09.123Z\"\n"
            + "  }, {\n"
            + "    \"name\" : \"gamma\",\n"
            + "    \"version\" : \"3.0.0\",\n"
            + "    \"registry\" : \"crates-io\",\n"
            + "    \"wave\" : 2,\n"
            + "    \"file\" : null,\n"
            + "    \"cksum\" : null,\n"
            + "    \"state\" : null,\n"
            + "    \"attempts\" : 0,\n"
            + "    \"uploadMs\" : -1,\n"
            + "    \"waitMs\" : -1,\n"
            + "    \"detail\" : null,\n"
            + "    \"updated\" : null\n"
            + "  } ],\n"
            + "  \"steps\" : [ \"tag\" ],\n"
            + "  \"events\" : [ \"2024-05-06T07:08:09.123Z alpha 1.0.0 PACKAGED\", \"2024-05-06T07:08:09."
            + "123Z alpha 1.0.0 UPLOADING\", \"2024-05-06T07:08:09.123Z alpha 1.0.0 UPLOADED\", \"2024-05"
            + "-06T07:08:09.123Z beta 0.2.0+meta FAILED: said \\\"no\\\"\\n\\ttab \\u0001 \u00e9\", "
            + "\"2024-05-06T07:08:09.123Z pushed\" ]\n"
            + "}";
}
