package io.cloudphone.ledger.streams.runtime;

/** A store cannot be queried right now (starting, rebalancing, migrating): the caller should retry. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
