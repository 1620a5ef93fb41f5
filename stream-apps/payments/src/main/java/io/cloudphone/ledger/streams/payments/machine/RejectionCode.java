package io.cloudphone.ledger.streams.payments.machine;

/** Why the payments app refused an input. Stable: consumers of the rejection topic branch on it. */
public enum RejectionCode {

    /** The aggregate exists, and its table has no row for the event in its state (a terminal state has none). */
    ILLEGAL_TRANSITION,

    /** No such aggregate exists, and the event is not one that creates it. */
    AGGREGATE_NOT_FOUND,

    /** The input would create an aggregate (an order, a payment, a refund, an invoice) whose id is taken. */
    ALREADY_EXISTS,

    /** The input cannot be decided as it stands: an amount that is not positive, a method its order cannot use. */
    INVALID,

    /** A refund larger than what the payment captured less what its other refunds hold or paid out. */
    REFUND_EXCEEDS_CAPTURED,

    /** The payment has had as many refunds as providers allow (WeChat Pay: 50). */
    TOO_MANY_REFUNDS,

    /** A provider's notification whose amount or currency is not the payment's: believed by no one, and alerted. */
    AMOUNT_MISMATCH
}
