package io.fuseline.deploy.line;

/** A service of the local line did not come up; the message names it and quotes the end of its log. */
public class ServiceStartException extends RuntimeException {
    public ServiceStartException(String message) {
        super(message);
    }

    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
