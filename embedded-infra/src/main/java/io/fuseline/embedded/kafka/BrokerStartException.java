package io.fuseline.embedded.kafka;

/** The broker could not be started; the message says what was tried and on which address. */
public class BrokerStartException extends RuntimeException {
    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
