package io.github.cratesrelease.diag;

import java.util.stream.Collectors;

/**
 * A user mistake (spec, manifests, order...): carries located findings. The Maven layer turns it into a
 * MojoFailureException without a stack trace.
 */
public class ReleaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostics diagnostics;

    public ReleaseException(String summary, Diagnostics diagnostics) {
        super(summary);
        this.diagnostics = diagnostics;
    }

    public ReleaseException(Diagnostic single) {
        this(single.format(), new Diagnostics().add(single));
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** The summary followed by every error, one per line. */
    public String fullMessage() {
        String errors = errorLines();
        return errors.isEmpty() || errors.equals(getMessage()) ? getMessage() : getMessage() + "\n" + errors;
    }

    /** Every error, one per line, sorted by place: the long message Maven prints after the summary. */
    public String errorLines() {
        return diagnostics.sorted().stream().filter(Diagnostic::isError).map(Diagnostic::format)
                .collect(Collectors.joining("\n"));
    }
}
