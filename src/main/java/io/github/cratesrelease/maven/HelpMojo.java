package io.github.cratesrelease.maven;

import io.github.cratesrelease.run.Invocation;
import io.github.cratesrelease.run.RunContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists the goals, and with {@code -Ddetail} their parameters, read from the plugin's own descriptor; every command
 * it shows is in the form the user typed (the {@code crates:} prefix or full coordinates), so it works as printed.
 */
@Mojo(name = "help", requiresProject = false, threadSafe = true)
public class HelpMojo extends AbstractCratesMojo {

    /** Show each goal's parameters. */
    @org.apache.maven.plugins.annotations.Parameter(property = "detail", defaultValue = "false")
    private boolean detail;

    /** Only this goal. */
    @org.apache.maven.plugins.annotations.Parameter(property = "goal")
    private String goal;

    @Override
    protected void doExecute(RunContext ctx) {
        PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        lines(plugin, ctx.invocation(), goal, detail).forEach(l -> getLog().info(l));
    }

    static List<String> lines(PluginDescriptor plugin, Invocation how, String only, boolean detail) {
        List<String> out = new ArrayList<>();
        out.add(plugin.getName() + " " + plugin.getVersion());
        out.add("  " + plugin.getDescription());
        out.add("");
        List<MojoDescriptor> mojos = new ArrayList<>(plugin.getMojos());
        mojos.sort(Comparator.comparing(MojoDescriptor::getGoal));
        for (MojoDescriptor m : mojos) {
            if (only != null && !only.equals(m.getGoal())) {
                continue;
            }
            out.add(how.goalPrefix() + m.getGoal());
            out.add("  " + firstSentence(m.getDescription()));
            if (detail && m.getParameters() != null) {
                for (Parameter p : m.getParameters()) {
                    String expr = m.getMojoConfiguration() == null ? null : m.getMojoConfiguration().getChild(p.getName())
                            .getValue();
                    if (!p.isEditable() || expr == null || !expr.startsWith("${")) {
                        continue;
                    }
                    String property = expr.substring(2, expr.length() - 1);
                    String dflt = m.getMojoConfiguration().getChild(p.getName()).getAttribute("default-value");
                    out.add("    -D" + property + (dflt == null ? "" : " (default: " + dflt + ")") + ": "
                            + firstSentence(p.getDescription()));
                }
            }
            out.add("");
        }
        out.add("Parameters of a goal: " + how.launcher() + " " + how.goalPrefix() + "help -Ddetail -Dgoal=<goal>");
        return out;
    }

    private static String firstSentence(String html) {
        if (html == null) {
            return "";
        }
        String text = html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }
}
