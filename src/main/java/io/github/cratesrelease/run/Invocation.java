package io.github.cratesrelease.run;

import java.nio.file.Path;

/**
 * How the user ran the goal: its name and the command that runs it again (the same goal, as the user typed it,
 * with the same flags), for resume hints and the commands we print.
 */
public record Invocation(String goal, String command) {

    /** The command a user of the {@code crates} prefix types, with the spec named (outside Maven: tests, tools). */
    public static Invocation of(String goal, Path spec, String... flags) {
        StringBuilder sb = new StringBuilder("mvn crates:").append(goal);
        if (spec != null) {
            sb.append(" -Dcrates.spec=").append(spec);
        }
        for (String f : flags) {
            if (f != null && !f.isEmpty()) {
                sb.append(' ').append(f);
            }
        }
        return new Invocation(goal, sb.toString());
    }
}
