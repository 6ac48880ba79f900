package io.github.cratesrelease.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/goals.md against the plugin descriptor Maven generates from the mojos: every goal has its section and every
 * user property ({@code -Dcrates.x}) is documented, so a parameter added to a mojo cannot go undocumented.
 */
class GoalsDocTest {

    @Test
    void everyGoalAndEveryPropertyOfThePluginDescriptorIsInGoalsMd() throws Exception {
        Path descriptor = Fixtures.projectRoot().resolve("target/classes/META-INF/maven/plugin.xml");
        assertTrue(Files.isRegularFile(descriptor), "the build generates " + descriptor);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        String goals = Files.readString(Fixtures.projectRoot().resolve("docs/goals.md"));
        List<String> missing = new ArrayList<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        assertTrue(mojos.getLength() >= 12, "mojos in the descriptor: " + mojos.getLength());
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            if (!goals.contains("crates:" + goal)) {
                missing.add("goal crates:" + goal);
            }
            NodeList config = ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
            for (int j = 0; j < config.getLength(); j++) {
                if (config.item(j) instanceof Element p && p.getTextContent().startsWith("${crates.")) {
                    String property = p.getTextContent().substring(2, p.getTextContent().indexOf('}'));
                    if (!goals.contains("`" + property + "`") && !goals.contains("-D" + property)) {
                        missing.add("crates:" + goal + " property " + property);
                    }
                }
            }
        }
        assertEquals(List.of(), missing.stream().distinct().toList(), "missing from docs/goals.md");
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
}
