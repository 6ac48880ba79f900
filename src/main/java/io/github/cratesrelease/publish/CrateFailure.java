package io.github.cratesrelease.publish;

/** A crate failed in a way a retry in this run would not fix; the rest of the run goes on without it. */
final class CrateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CrateFailure(String message) {
        super(message);
    }
}
