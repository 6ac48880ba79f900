package io.github.cratesrelease.notify;

/**
 * A notification (webhook delivery, GitHub release) that failed: the HTTP status of the last answer, or -1 when no
 * answer came (I/O failure, interrupt). Its message never holds a token or a webhook secret: the clients mask them
 * before building it.
 */
public class NotifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public NotifyException(int status, String message) {
        super(message);
        this.status = status;
    }

    public NotifyException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the last answer, -1 when there was none. */
    public int status() {
        return status;
    }
}
