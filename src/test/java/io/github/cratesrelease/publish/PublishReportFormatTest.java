package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cratesrelease.output.Masker;
import io.github.cratesrelease.publish.PublishResult.CrateOutcome;
import io.github.cratesrelease.publish.PublishResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code publish-report.json} is the text the Jackson-written report had: keys, order, nulls, layout, masking. */
class PublishReportFormatTest {

    @TempDir
    Path tmp;

    @Test
    void theReportIsWrittenAsBefore() throws Exception {
        Masker masker = new Masker();
        masker.add("s3cr3t-token");
        List<CrateOutcome> crates = List.of(
                new CrateOutcome(0, "alpha", "1.0.0", "crates-io", Status.PUBLISHED, "ab12", 321, 4500, 1, null),
                new CrateOutcome(1, "beta", "0.2.0", "other", Status.FAILED, null, -1, 0, 3,
                        "refused \"s3cr3t-token\"\n\tagain \u0001 \u00e9"));
        Path file = PublishReport.write(tmp.resolve("publish-report.json"), crates, Duration.ofMillis(98765),
                Instant.parse("2024-05-06T07:08:09.123Z"), true, "beta failed (s3cr3t-token)", masker);
        Path empty = PublishReport.write(tmp.resolve("empty.json"), List.of(), Duration.ZERO,
                Instant.parse("2024-05-06T07:08:09Z"), false, null, masker);
        assertEquals(EXPECTED, Files.readString(file));
        assertEquals(EMPTY, Files.readString(empty));
    }

    static final String EXPECTED = ""
            + "{\n"
            + "  \"result\" : \"failure\",\n"
            + "  \"rehearsal\" : true,\n"
            + "  \"finished\" : \"2024-05-06T07:08:09.123Z\",\n"
            + "  \"elapsedMs\" : 98765,\n"
            + "  \"failure\" : \"beta failed (******)\",\n"
            + "  \"crates\" : [ {\n"
            + "    \"wave\" : 0,\n"
            + "    \"name\" : \"alpha\",\n"
            + "    \"version\" : \"1.0.0\",\n"
            + "    \"registry\" : \"crates-io\",\n"
            + "    \"status\" : \"published\",\n"
            + "    \"cksum\" : \"ab12\",\n"
            + "    \"uploadMs\" : 321,\n"
            + "    \"waitMs\" : 4500,\n"
            + "    \"attempts\" : 1,\n"
            + "    \"detail\" : null\n"
            + "  }, {\n"
            + "    \"wave\" : 1,\n"
            + "    \"name\" : \"beta\",\n"
            + "    \"version\" : \"0.2.0\",\n"
            + "    \"registry\" : \"other\",\n"
            + "    \"status\" : \"failed\",\n"
            + "    \"cksum\" : null,\n"
            + "    \"uploadMs\" : -1,\n"
            + "    \"waitMs\" : 0,\n"
            + "    \"attempts\" : 3,\n"
            + "    \"detail\" : \"refused \\\"******\\\"\\n\\tagain \\u0001 \u00e9\"\n"
            + "  } ]\n"
            + "}";
    static final String EMPTY = ""
            + "{\n"
            + "  \"result\" : \"success\",\n"
            + "  \"rehearsal\" : false,\n"
            + "  \"finished\" : \"2024-05-06T07:08:09Z\",\n"
            + "  \"elapsedMs\" : 0,\n"
            + "  \"failure\" : null,\n"
            + "  \"crates\" : [ ]\n"
            + "}";
}
