package io.fuseline.embedded.postgres;

/** The embedded PostgreSQL server could not be started; the message says where and what was tried. */
public class PostgresStartException extends RuntimeException {
    public PostgresStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
