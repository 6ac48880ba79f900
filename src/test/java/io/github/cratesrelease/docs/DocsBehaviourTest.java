package io.github.cratesrelease.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.publish.PublishReport;
import io.github.cratesrelease.publish.PublishResult.CrateOutcome;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the docs show is what the plugin prints. */
class DocsBehaviourTest {

    private static String doc(String name) throws IOException {
        return Files.readString(Fixtures.projectRoot().resolve("docs").resolve(name));
    }

    @Test
    void thePublishTableInGoalsIsTheOnePrinted() throws IOException {
        // the example: llmo-audit uploaded in 17 ms with no wait (strategy none)
        List<String> printed = PublishReport.table(List.of(new CrateOutcome(1, "llmo-audit", "0.4.0", "crates-io",
                Status.PUBLISHED, "0".repeat(64), 17, 0, 1, null)));
        String goals = doc("goals.md");
        int at = goals.indexOf(printed.get(0).stripTrailing());
        assertTrue(at >= 0, "goals.md shows the table header as printed:\n" + printed.get(0));
        String shown = goals.substring(at).lines().limit(2).toList().get(1);
        assertEquals(printed.get(1).stripTrailing(), shown.stripTrailing());
    }

    @Test
    void theDefaultCommitMessageIsTheOneDocumented() throws IOException {
        String text = doc("versioning-and-changelog.md");
        String template = ReleaseSpec.Versioning.DEFAULT_COMMIT_MESSAGE;
        assertTrue(text.contains("default\n`" + template + "`") || text.contains("default `" + template + "`"), text);
        String example = template.replace("{crates}", "my-core 0.5.0, my-cli 0.5.0");
        Matcher m = Pattern.compile("-Dcrates\\.commit +# write and commit \\(\"([^\"]*)\"\\)").matcher(text);
        assertTrue(m.find(), "the bump-and-commit example");
        assertEquals(example, m.group(1));
        assertTrue(text.contains("e.g. `" + example + "`"), text);
    }

    @Test
    void thePluginDescriptionIsOneCompleteSentence() throws IOException {
        String pom = Files.readString(Fixtures.projectRoot().resolve("pom.xml"));
        Matcher m = Pattern.compile("</artifactId>\\s*<version>[^<]*</version>\\s*(?:<packaging>[^<]*</packaging>\\s*)?"
                + "(?:<name>[^<]*</name>\\s*)?<description>([^<]*)</description>").matcher(pom);
        assertTrue(m.find(), "the project's <description>");
        String d = m.group(1);
        // crates:help prints each line of it as a paragraph: a line break cuts the sentence in two
        assertFalse(d.contains("\n"), d);
        assertTrue(d.matches("[A-Z][^.]*(\\.[a-z][^.]*)*\\."), "one sentence, ending with a full stop: " + d);
    }
}
