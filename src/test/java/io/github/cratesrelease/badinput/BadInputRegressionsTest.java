package io.github.cratesrelease.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.cratesrelease.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs on which {@link GeneratedBadInputTest} once found a failure, kept below
 * {@code src/test/resources/bad-input/seed-N/} as the files that replace the example workspace's (a {@code .gz}
 * file is stored compressed): each must now end in a success or in errors located at a file and a line, in each
 * of validate, changelog-check and bump.
 */
class BadInputRegressionsTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyKeptFailingInputNowEndsInSuccessOrALocatedError() throws IOException {
        Path fixtures = Fixtures.projectRoot().resolve("src/test/resources/bad-input");
        List<Path> cases;
        try (Stream<Path> s = Files.list(fixtures)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no fixtures in " + fixtures);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            Path ws = Fixtures.copy(Fixtures.projectRoot().resolve("examples/orchestrator"),
                    tmp.resolve(c.getFileName().toString()));
            try (Stream<Path> files = Files.walk(c)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String rel = c.relativize(f).toString();
                    if (rel.endsWith(".gz")) {
                        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                            Files.write(ws.resolve(rel.substring(0, rel.length() - 3)), in.readAllBytes());
                        }
                    } else {
                        Files.copy(f, ws.resolve(rel), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            for (String goal : GoalRuns.GOALS) {
                GoalRuns.Outcome o = GoalRuns.run(goal, ws.resolve("release.yaml"));
                assertFalse(o.failed(), () -> goal + " on " + c.getFileName() + ": " + o.kind() + ": " + o.detail());
                assertEquals(goal, o.goal());
            }
        }));
    }
}
