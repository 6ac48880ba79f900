package io.github.cratesrelease.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.run.Invocation;
import io.github.cratesrelease.testing.Fixtures;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.Test;

/** crates:help prints every command in the form the user typed it, so each works as printed. */
class HelpMojoTest {

    private static PluginDescriptor descriptor() throws Exception {
        try (Reader r = Files.newBufferedReader(Fixtures.projectRoot()
                .resolve("target/classes/META-INF/maven/plugin.xml"))) {
            return new PluginDescriptorBuilder().build(r);
        }
    }

    @Test
    void withFullCoordinatesEveryGoalAndTheHintUseThem() throws Exception {
        String full = "io.github.cratesrelease:crates-maven-plugin:0.1.0-SNAPSHOT:";
        Invocation how = Invocations.of(List.of(full + "help"), null, Map.of(), "mvn", "help", "0.1.0-SNAPSHOT");
        List<String> lines = HelpMojo.lines(descriptor(), how, null, false);
        assertTrue(lines.contains(full + "release"), String.join("\n", lines));
        assertTrue(lines.contains(full + "review"), String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).equals("Parameters of a goal: mvn " + full
                + "help -Ddetail -Dgoal=<goal>"), lines.get(lines.size() - 1));
        assertTrue(lines.stream().noneMatch(l -> l.contains("mvn crates:")), String.join("\n", lines));
    }

    @Test
    void withThePrefixTheDetailListsEachProperty() throws Exception {
        Invocation how = Invocations.of(List.of("crates:help"), null, Map.of(), "./mvnw", "help", "0.1.0-SNAPSHOT");
        List<String> lines = HelpMojo.lines(descriptor(), how, "release", true);
        String all = String.join("\n", lines);
        assertTrue(all.contains("crates:release\n"), all);
        assertTrue(all.contains("-Dcrates.push (default: true): Push the tags"), all);
        assertTrue(all.contains("Parameters of a goal: ./mvnw crates:help -Ddetail -Dgoal=<goal>"), all);
        assertTrue(!all.contains("crates:publish\n"), "only the goal asked for: " + all);
    }
}
