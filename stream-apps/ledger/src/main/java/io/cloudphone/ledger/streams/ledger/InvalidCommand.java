package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.ledger.RejectionCode;

/**
 * Why a command that could be read is still not one to decide. Each such record goes to the dead-letter
 * topic with its reason; when it names a usable request id its sender also gets a REJECTED decision with
 * {@link #rejectionCode()}, so that the request is not left pending for ever.
 */
enum InvalidCommand {
    /** A kind of command this ledger does not know (a newer writer): read with the writer's schema only. */
    UNKNOWN_COMMAND(RejectionCode.UNKNOWN_COMMAND),
    /** Empty, blank, too long, or with control characters: no decision can be filed under it. */
    INVALID_REQUEST_ID(null),
    /** Empty, too long, or outside the account id alphabet (the stores' key layout depends on it). */
    INVALID_ACCOUNT_ID(RejectionCode.MALFORMED_COMMAND),
    /** Keyed by another account (or by none): on this partition that account's state is not ours to change. */
    KEY_MISMATCH(RejectionCode.MALFORMED_COMMAND),
    /**
     * A client command on the ledger's own transfer-legs topic, or a transfer leg on the outbox topic: only
     * the ledger writes legs, so one arriving from outside could credit money nobody debited.
     */
    WRONG_TOPIC(RejectionCode.MALFORMED_COMMAND),
    /** A hold id, transfer id or other required id is empty. */
    MISSING_FIELD(RejectionCode.MALFORMED_COMMAND),
    /** Zero or negative where only a positive amount makes sense (an adjustment: zero or Long.MIN_VALUE). */
    INVALID_AMOUNT(RejectionCode.INVALID_AMOUNT),
    /** A negative overdraft limit. */
    INVALID_LIMIT(RejectionCode.INVALID_LIMIT),
    /** Not the ISO 4217 code of a currency with minor units (see Currencies). */
    UNKNOWN_CURRENCY(RejectionCode.UNKNOWN_CURRENCY);

    private final RejectionCode rejectionCode;

    InvalidCommand(RejectionCode rejectionCode) {
        this.rejectionCode = rejectionCode;
    }

    /** The code of the decision the sender gets; null when no decision can be filed (no usable request id). */
    RejectionCode rejectionCode() {
        return rejectionCode;
    }
}
