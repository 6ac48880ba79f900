package io.github.cratesrelease.run;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.output.Reporter;

/** How every goal shows findings: warnings and notes as lines, errors in the exception that stops the goal. */
public final class Findings {

    private Findings() {
    }

    /** Prints warnings and notes; errors travel in the {@code ReleaseException} so they are printed once. */
    public static void report(Reporter out, Diagnostics diags) {
        for (Diagnostic d : diags.sorted()) {
            switch (d.severity()) {
                case ERROR -> {
                }
                case WARNING -> out.warn(d.format());
                default -> out.info(d.format());
            }
        }
    }
}
