package io.github.cratesrelease.maven;

import io.github.cratesrelease.run.Invocation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;

/** The command the user ran, rebuilt from the Maven session: the goal as typed, and every {@code -Dcrates.*} flag. */
final class Invocations {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@+-]*");

    private Invocations() {
    }

    static Invocation of(MavenSession session, String goal) {
        String typed = "crates:" + goal;
        Map<String, String> flags = new TreeMap<>();
        if (session != null && session.getRequest() != null) {
            List<String> goals = session.getRequest().getGoals();
            if (goals != null) {
                typed = goals.stream().filter(g -> g.endsWith(":" + goal)).findFirst().orElse(typed);
            }
            session.getUserProperties().forEach((k, v) -> {
                String key = k.toString();
                boolean secret = key.toLowerCase(Locale.ROOT).endsWith("token");  // never repeat one
                if (key.startsWith("crates.") && !secret) {
                    flags.put(key, v.toString());
                }
            });
        }
        StringBuilder cmd = new StringBuilder("mvn ").append(typed);
        flags.forEach((k, v) -> cmd.append(" -D").append(k).append("true".equals(v) ? "" : "=" + quote(v)));
        return new Invocation(goal, cmd.toString());
    }

    /** A value as a POSIX shell reads it back. */
    static String quote(String v) {
        return PLAIN.matcher(v).matches() ? v : "'" + v.replace("'", "'\\''") + "'";
    }
}
