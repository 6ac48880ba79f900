package io.github.cratesrelease.process;

import java.util.List;

/**
 * An external tool (cargo, git, a credential provider) failed: the command as run, its exit code and the last lines
 * of its output (cargo's and git's own error lines). The Maven layer reports it without a stack trace.
 */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> command;
    private final int exit;
    private final String outputTail;

    public CommandException(String what, List<String> command, int exit, String outputTail) {
        super(what + ": `" + String.join(" ", command) + "` exited with " + exit
                + (outputTail == null || outputTail.isBlank() ? "" : "\n" + outputTail.strip()));
        this.command = List.copyOf(command);
        this.exit = exit;
        this.outputTail = outputTail == null ? "" : outputTail;
    }

    public List<String> command() {
        return command;
    }

    public int exit() {
        return exit;
    }

    public String outputTail() {
        return outputTail;
    }
}
