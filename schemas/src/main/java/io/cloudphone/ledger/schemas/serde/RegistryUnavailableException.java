package io.cloudphone.ledger.schemas.serde;

/**
 * The schema registry could not answer (unreachable, timed out, 5xx, 429) after the client's bounded
 * retries. The record itself may be fine: a consumer must not set it aside for this, but stop or retry.
 */
public final class RegistryUnavailableException extends SerdeException {

    RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
