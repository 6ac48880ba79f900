package io.github.cratesrelease.maven;

import io.github.cratesrelease.run.Invocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;

/**
 * The command the user ran, rebuilt from the Maven session: the launcher ({@code ./mvnw} when Maven came from the
 * wrapper and the project has one, else {@code mvn}), the goal as typed (prefix or full coordinates), and every
 * flag the user gave — from the launcher's {@code MAVEN_CMD_LINE_ARGS} when it is there (options such as
 * {@code -B}, {@code -s}, {@code -P} included), else the {@code -D} user properties — never a token.
 */
final class Invocations {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@+-]*");
    private static final String COORDINATES = "io.github.cratesrelease:crates-maven-plugin:";

    private Invocations() {
    }

    static Invocation of(MavenSession session, String goal, String pluginVersion) {
        List<String> goals = List.of();
        java.util.Map<String, String> props = new java.util.TreeMap<>();
        Path base = null;
        if (session != null && session.getRequest() != null) {
            if (session.getRequest().getGoals() != null) {
                goals = session.getRequest().getGoals();
            }
            if (session.getRequest().getBaseDirectory() != null) {
                base = Path.of(session.getRequest().getBaseDirectory());
            }
            session.getUserProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
        }
        return of(goals, System.getenv("MAVEN_CMD_LINE_ARGS"), props, launcher(base), goal, pluginVersion);
    }

    /**
     * @param goals   the goals of the Maven request, as typed
     * @param cmdLine the launcher's MAVEN_CMD_LINE_ARGS, or null
     * @param props   the user properties (-D), used when there is no command line
     */
    static Invocation of(List<String> goals, String cmdLine, java.util.Map<String, String> props, String launcher,
            String goal, String pluginVersion) {
        String typed = goals.stream().filter(g -> g.equals(goal) || g.endsWith(":" + goal)).findFirst()
                .orElse("crates:" + goal);
        List<String> flags = new ArrayList<>();
        if (cmdLine != null && !cmdLine.isBlank()) {
            for (String arg : cmdLine.strip().split("\\s+")) {
                if (!goals.contains(arg) && !isSecret(arg)) {
                    flags.add(arg);
                }
            }
        } else {
            props.forEach((key, v) -> {
                if (key.startsWith("crates.") && !isSecret(key)) {
                    flags.add("-D" + key + ("true".equals(v) ? "" : "=" + quote(v)));
                }
            });
            flags.sort(null);
        }
        String prefix = typed.substring(0, typed.length() - goal.length());
        String shown = typed;
        if (!prefix.equals("crates:") && !(prefix.startsWith(COORDINATES) && prefix.length() > COORDINATES.length() + 1)) {
            prefix = COORDINATES + pluginVersion + ":";  // a plugin key without version: print what resolves
            shown = prefix + goal;
        }
        StringBuilder cmd = new StringBuilder(launcher).append(' ').append(shown);
        flags.forEach(f -> cmd.append(' ').append(f));
        return new Invocation(goal, cmd.toString(), launcher, prefix);
    }

    /** {@code ./mvnw} when Maven runs from the wrapper's distribution and the directory has the wrapper. */
    static String launcher(Path base) {
        String home = System.getProperty("maven.home", "");
        boolean wrapper = home.replace('\\', '/').contains("/wrapper/dists/");
        return wrapper && base != null && Files.isRegularFile(base.resolve("mvnw")) ? "./mvnw" : "mvn";
    }

    private static boolean isSecret(String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        int eq = a.indexOf('=');
        String key = eq < 0 ? a : a.substring(0, eq);
        return key.endsWith("token") || key.endsWith("password") || key.endsWith("secret");
    }

    /** A value as a POSIX shell reads it back. */
    static String quote(String v) {
        return PLAIN.matcher(v).matches() ? v : "'" + v.replace("'", "'\\''") + "'";
    }
}
