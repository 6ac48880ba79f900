package io.github.cratesrelease.cargo;

/** The table a dependency is declared in. */
public enum DependencyKind {
    NORMAL, DEV, BUILD;

    /** As {@code cargo metadata} prints it: null for normal, "dev", "build". */
    public String metadataName() {
        return this == NORMAL ? null : name().toLowerCase(java.util.Locale.ROOT);
    }

    public String tableName() {
        return switch (this) {
            case NORMAL -> "dependencies";
            case DEV -> "dev-dependencies";
            case BUILD -> "build-dependencies";
        };
    }
}
