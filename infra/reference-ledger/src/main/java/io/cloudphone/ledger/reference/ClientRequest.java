package io.cloudphone.ledger.reference;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request as its client recorded it: what it asked of which account. The ledger's own decisions (a transfer's
 * credit leg, a refund, a hold's expiry) are not client requests; {@link ReferenceLedger} derives them.
 */
public sealed interface ClientRequest {

    String requestId();

    /** The account the request is decided on (a transfer's source, a hold's account). */
    String accountId();

    record Open(String requestId, String accountId, String currency) implements ClientRequest {
        public Open {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(currency, "currency");
        }
    }

    record Recharge(String requestId, String accountId, long amount, String currency) implements ClientRequest {
    }

    record Consume(String requestId, String accountId, long amount, String currency) implements ClientRequest {
    }

    /** A correcting entry: a positive amount in, a negative one out; {@code reason} may be blank (and is refused). */
    record Adjust(String requestId, String accountId, long amount, String currency, String reason)
            implements ClientRequest {
    }

    record SetOverdraftLimit(String requestId, String accountId, long limit) implements ClientRequest {
    }

    record PlaceHold(String requestId, String accountId, String holdId, long amount, String currency)
            implements ClientRequest {
    }

    /** Captures all of the hold when {@code amount} is empty. */
    record CaptureHold(String requestId, String accountId, String holdId, OptionalLong amount) implements ClientRequest {
    }

    record ReleaseHold(String requestId, String accountId, String holdId) implements ClientRequest {
    }

    /** From {@code accountId} to {@code toAccountId}; the transfer's id is its request id. */
    record Transfer(String requestId, String accountId, String toAccountId, long amount, String currency)
            implements ClientRequest {
    }
}
