package io.github.cratesrelease.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the user ran the goal: its name, the command that runs it again (the same executable, the goal as the user
 * typed it — the {@code crates:} prefix or full coordinates — and the same flags), and how to print another goal in
 * that same form, for resume hints and every command we print.
 *
 * @param launcher how Maven was started ({@code mvn}, {@code ./mvnw})
 * @param goalPrefix what goes before the goal name ({@code crates:} or {@code group:artifact:version:})
 */
public record Invocation(String goal, String command, String launcher, String goalPrefix) {

    public Invocation(String goal, String command) {
        this(goal, command, "mvn", "crates:");
    }

    /** The command a user of the {@code crates} prefix types, with the spec named (outside Maven: tests, tools). */
    public static Invocation of(String goal, Path spec, String... flags) {
        List<String> all = new ArrayList<>();
        if (spec != null) {
            all.add("-Dcrates.spec=" + spec);
        }
        for (String f : flags) {
            if (f != null && !f.isEmpty()) {
                all.add(f);
            }
        }
        return new Invocation(goal, "mvn crates:" + goal + (all.isEmpty() ? "" : " " + String.join(" ", all)));
    }

    /**
     * Another goal as this user would type it: the same launcher and goal form, the spec flag when the user gave one,
     * then {@code flags}.
     */
    public String other(String otherGoal, String... flags) {
        StringBuilder sb = new StringBuilder(launcher).append(' ').append(goalPrefix).append(otherGoal);
        int at = command.indexOf(" -Dcrates.spec=");
        if (at >= 0) {
            int start = at + 1;
            int valueStart = start + "-Dcrates.spec=".length();
            int end;
            if (valueStart < command.length() && command.charAt(valueStart) == '\'') {
                int close = command.indexOf('\'', valueStart + 1);
                end = close < 0 ? command.length() : close + 1;
            } else {
                int space = command.indexOf(' ', valueStart);
                end = space < 0 ? command.length() : space;
            }
            sb.append(' ').append(command, start, end);
        }
        for (String f : flags) {
            if (f != null && !f.isEmpty()) {
                sb.append(' ').append(f);
            }
        }
        return sb.toString();
    }
}
