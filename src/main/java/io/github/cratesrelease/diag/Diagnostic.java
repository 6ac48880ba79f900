package io.github.cratesrelease.diag;

/**
 * One finding: what is wrong, where, and how to fix it. Rendered as
 * {@code file:LINE:COL: what is wrong (how to fix)}.
 */
public record Diagnostic(Severity severity, Location location, String message, String hint) {

    public static Diagnostic error(Location location, String message, String hint) {
        return new Diagnostic(Severity.ERROR, location, message, hint);
    }

    public static Diagnostic warning(Location location, String message, String hint) {
        return new Diagnostic(Severity.WARNING, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String format() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        sb.append(message);
        if (hint != null && !hint.isBlank()) {
            sb.append(" (").append(hint).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + format();
    }
}
