package io.github.cratesrelease.diag;

/** How bad a finding is: errors stop a goal, warnings are printed. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
