package io.cloudphone.ledger.simulator.payment.fault;

/** What the faults make of one provider API call. */
public enum CallFate {
    /** Handled and answered as usual. */
    ANSWER,
    /** Answered 503 without being handled: no effect. */
    FAIL,
    /** Handled (the effect happens), then the answer is held past the client's timeout. */
    HOLD
}
