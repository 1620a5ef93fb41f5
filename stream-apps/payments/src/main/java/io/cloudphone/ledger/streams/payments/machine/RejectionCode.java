package io.cloudphone.ledger.streams.payments.machine;

/** Why a state machine refused an event. Stable: consumers of the rejection topic branch on it. */
public enum RejectionCode {

    /** The aggregate exists, and its table has no row for the event in its state (a terminal state has none). */
    ILLEGAL_TRANSITION,

    /** No such aggregate exists, and the event is not one that creates it. */
    AGGREGATE_NOT_FOUND
}
