package io.cloudphone.ledger.provider;

/** Where a refund the provider accepted stands. A refund call's answer only ever means "accepted": PROCESSING. */
public enum RefundState {
    /** Accepted, not paid out yet (minutes to a wallet, days to a bank card). */
    PROCESSING,
    /** Paid out to the customer. Stripe can still take it back: then it becomes CLOSED. */
    SUCCEEDED,
    /** Failed: the money stayed with the merchant; a new refund number is needed to try again. */
    CLOSED,
    /** Failed and stuck (the card is gone): a person handles it; the money is not refundable again meanwhile. */
    ABNORMAL;

    public boolean isFinal() {
        return this != PROCESSING;
    }
}
