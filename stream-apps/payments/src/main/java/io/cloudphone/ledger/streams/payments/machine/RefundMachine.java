package io.cloudphone.ledger.streams.payments.machine;

import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.CAPTURE_LEDGER_HOLD;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.CREDIT_LEDGER;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.EMIT_ALERT;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.NOTIFY_ORDER_FAILED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.NOTIFY_ORDER_SUCCEEDED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.PLACE_LEDGER_HOLD;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.QUERY_REFUND_STATUS;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.RELEASE_LEDGER_HOLD;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Effect.SUBMIT_REFUND_TO_PROVIDER;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.HOLD_ANSWER_OVERDUE;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.LEDGER_HOLD_PLACED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.LEDGER_HOLD_REFUSED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.PROVIDER_FAILED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.PROVIDER_NO_SUCH_REFUND;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.PROVIDER_PROCESSING;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.PROVIDER_SUCCEEDED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.REQUEST_REFUND;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.REQUEST_TOP_UP_REFUND;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.REVERSAL_WINDOW_PASSED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.STATUS_QUERIES_EXHAUSTED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.Event.STATUS_QUERY_DUE;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.State.FAILED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.State.REQUESTED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.State.REVERSED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.State.SETTLED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.State.SUBMITTED;
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.State.SUCCEEDED;

import java.time.Duration;

/**
 * One refund of (part of) a payment: an aggregate of its own, so that a payment can have several, each with its own
 * refund number (sent again unchanged on every retry, so the provider refunds it once).
 *
 * <p>Money a TOP_UP credited to the ledger must still be there: the refund first places a ledger hold on it
 * (REQUESTED), captures the hold when the provider has paid it out, and releases it when the provider says it
 * failed. Any other refund (a purchase; a payment that succeeded after its order gave up, whose money never reached
 * the ledger) starts SUBMITTED, and the app skips the ledger effects for it, since it has no hold.
 *
 * <p>A provider can reverse a refund after it succeeded (Stripe): that is the ordinary transition SUCCEEDED to
 * REVERSED, which gives top-up money back to the ledger balance and alerts (the customer did not get it). SUCCEEDED
 * waits for that for a reversal window, then the refund is SETTLED. The order is not told of a reversal: its refund
 * states record refunds as they settled, and the refund is the record of what happened after.
 *
 * <p>Giving up on the status queries is FAILED with an alert but keeps the hold: the provider never said that the
 * money stayed, so a person releases or captures it (the hold's own expiry, 30 days at most, is the last resort).
 */
public final class RefundMachine {

    public enum State {
        /** Waiting for the ledger hold on top-up money, before the provider is asked. */
        REQUESTED,
        /** Sent to the provider, which answers "processing" until it has paid out or failed. */
        SUBMITTED,
        /** Paid out; the provider may still reverse it within the reversal window. */
        SUCCEEDED,
        FAILED,
        /** The provider took back a refund it had paid out. */
        REVERSED,
        /** Succeeded, and the reversal window has passed. */
        SETTLED
    }

    public enum Event {
        /** A refund of top-up money: the ledger balance it credited is held first. */
        REQUEST_TOP_UP_REFUND,
        /** A refund of money the ledger never credited: a purchase, or an automatic refund of a late success. */
        REQUEST_REFUND,
        LEDGER_HOLD_PLACED,
        /** The ledger refused the hold: the top-up money has been spent. */
        LEDGER_HOLD_REFUSED,
        /** The refund's timer: the ledger never answered the hold. */
        HOLD_ANSWER_OVERDUE,
        /** The provider accepted the refund (a refund call only ever means that), or a query: still processing. */
        PROVIDER_PROCESSING,
        PROVIDER_SUCCEEDED,
        /** The provider's final word that the refund failed (closed, abnormal), even after it had succeeded. */
        PROVIDER_FAILED,
        /** A status query: the provider never received the refund. */
        PROVIDER_NO_SUCH_REFUND,
        /** The refund's timer: query the provider again. */
        STATUS_QUERY_DUE,
        STATUS_QUERIES_EXHAUSTED,
        /** The refund's timer: the provider can no longer reverse it. */
        REVERSAL_WINDOW_PASSED
    }

    /**
     * Calls for the gateway worker and commands for the ledger. The ledger effects concern a refund of top-up money,
     * the only kind with a hold; for any other the app skips them. The order effects concern a refund the order
     * requested; an automatic refund has no order waiting for it.
     */
    public enum Effect {
        PLACE_LEDGER_HOLD,
        /** Sent under the refund's own number, the same on every retry. */
        SUBMIT_REFUND_TO_PROVIDER,
        QUERY_REFUND_STATUS,
        CAPTURE_LEDGER_HOLD,
        RELEASE_LEDGER_HOLD,
        /** Give reversed top-up money back to the account's ledger balance. */
        CREDIT_LEDGER,
        /** Tell the order: REFUND_SUCCEEDED_IN_PART or _IN_FULL, by its refunded total. */
        NOTIFY_ORDER_SUCCEEDED,
        /** Tell the order: REFUND_FAILED. */
        NOTIFY_ORDER_FAILED,
        EMIT_ALERT
    }

    /**
     * The ledger decides a hold in milliseconds; ten minutes means it is down. Releasing the hold then is safe even
     * if it was not placed yet: both commands go to the account's partition, where the placement comes first.
     */
    static final Duration HOLD_ANSWER_OVERDUE_AFTER = Duration.ofMinutes(10);

    /** How long a provider may still reverse a refund it paid out; configurable per provider. */
    static final Duration REVERSAL_WINDOW = Duration.ofDays(30);

    public static final TransitionTable<State, Event, Effect> TABLE = TransitionTable
            .<State, Event, Effect>builder("refund", State.class, Event.class)
            .creates(REQUEST_TOP_UP_REFUND, REQUESTED, PLACE_LEDGER_HOLD)
            .creates(REQUEST_REFUND, SUBMITTED, SUBMIT_REFUND_TO_PROVIDER)
            .on(REQUESTED, LEDGER_HOLD_PLACED, SUBMITTED, SUBMIT_REFUND_TO_PROVIDER)
            .on(REQUESTED, LEDGER_HOLD_REFUSED, FAILED, NOTIFY_ORDER_FAILED)
            .on(REQUESTED, HOLD_ANSWER_OVERDUE, FAILED, RELEASE_LEDGER_HOLD, NOTIFY_ORDER_FAILED, EMIT_ALERT)
            .deadline(REQUESTED, Deadline.once("cpl.payments.refund.hold-answer", HOLD_ANSWER_OVERDUE_AFTER,
                    HOLD_ANSWER_OVERDUE))
            .on(SUBMITTED, PROVIDER_PROCESSING, SUBMITTED)
            .on(SUBMITTED, PROVIDER_NO_SUCH_REFUND, SUBMITTED, SUBMIT_REFUND_TO_PROVIDER)
            .on(SUBMITTED, STATUS_QUERY_DUE, SUBMITTED, QUERY_REFUND_STATUS)
            .on(SUBMITTED, PROVIDER_SUCCEEDED, SUCCEEDED, CAPTURE_LEDGER_HOLD, NOTIFY_ORDER_SUCCEEDED)
            .on(SUBMITTED, PROVIDER_FAILED, FAILED, RELEASE_LEDGER_HOLD, NOTIFY_ORDER_FAILED, EMIT_ALERT)
            .on(SUBMITTED, STATUS_QUERIES_EXHAUSTED, FAILED, NOTIFY_ORDER_FAILED, EMIT_ALERT)
            .deadline(SUBMITTED, Deadline.retrying("cpl.payments.refund.status-query",
                    RetrySchedule.REFUND_STATUS_QUERY, STATUS_QUERY_DUE, STATUS_QUERIES_EXHAUSTED))
            .on(SUCCEEDED, PROVIDER_FAILED, REVERSED, CREDIT_LEDGER, EMIT_ALERT)
            .on(SUCCEEDED, REVERSAL_WINDOW_PASSED, SETTLED)
            .deadline(SUCCEEDED, Deadline.once("cpl.payments.refund.reversal-window", REVERSAL_WINDOW,
                    REVERSAL_WINDOW_PASSED))
            .terminal(FAILED, REVERSED, SETTLED)
            .build();

    private RefundMachine() {
    }
}
