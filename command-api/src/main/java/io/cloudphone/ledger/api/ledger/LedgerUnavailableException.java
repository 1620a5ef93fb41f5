package io.cloudphone.ledger.api.ledger;

/** The ledger's query API is starting, rebalancing or unreachable: a temporary condition (503). */
public class LedgerUnavailableException extends RuntimeException {

    private final long retryAfterSeconds;

    public LedgerUnavailableException(String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
