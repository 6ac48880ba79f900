package io.github.cratesrelease.registry.embedded;

/** A refusal the registry answers with {@code {"errors": [{"detail": ...}]}}. */
public final class RegistryError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public RegistryError(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
