package io.cloudphone.ledger.streams.payments.machine;

import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Effect.CALL_PROVIDER_CHARGE;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Effect.CLOSE_AT_PROVIDER;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Effect.EMIT_ALERT;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Effect.NOTIFY_ORDER_FAILED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Effect.NOTIFY_ORDER_PAID;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Effect.QUERY_PROVIDER_STATUS;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.CHARGE_ACCEPTED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.CHARGE_OUTCOME_UNKNOWN;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.CHARGE_REFUSED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.CLOSE_ATTEMPTS_EXHAUSTED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.CLOSE_DUE;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.CLOSE_FAILED_ALREADY_PAID;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.CLOSE_REQUESTED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.CREATE;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.PROVIDER_CLOSED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.PROVIDER_FAILED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.PROVIDER_NOT_PAID;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.PROVIDER_NO_SUCH_CHARGE;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.PROVIDER_SUCCEEDED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.STATUS_QUERIES_EXHAUSTED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.Event.STATUS_QUERY_DUE;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.State.CLOSING;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.State.CREATED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.State.EXPIRED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.State.FAILED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.State.PENDING;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.State.SUCCEEDED;
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.State.UNKNOWN;

import java.time.Duration;

/**
 * The payment of one order: one charge at one provider under the order's number, so that any retry reuses it and
 * the customer cannot pay twice. Paying from the ledger balance is the same machine with the ledger as the provider
 * (the gateway worker's charge is a consume, its status query reads the ledger's decision), so a balance payment
 * races a cancel exactly as a provider's does, and is refunded the same way.
 *
 * <p>The payment reports facts and the order decides what they mean: a success is a success in every state that
 * can still see one, including CLOSING, and a close that fails because the customer has already paid is treated as
 * paid. Whether that money is then kept or refunded automatically is the order's call ({@link OrderMachine}: it is
 * refunded if the order was cancelling). Every way in which we give up (the order's cancel or expiry, queries or an
 * unknown outcome that never resolve) goes through CLOSING, because only a close the provider confirms guarantees
 * that nobody can pay afterwards. A payment fails without a confirmed close only on the provider's own final word
 * (a refused charge, a final failure) or, with an alert for a person, when its closes are never answered.
 *
 * <p>A provider's answer that arrives after the state stopped waiting for it (a charge answer in CLOSING, a close
 * request after SUCCEEDED) is rejected: visible on the rejection topic, and harmless, since the state already
 * reflects something at least as final.
 */
public final class PaymentMachine {

    public enum State {
        /** The charge is handed to the gateway worker; no answer yet. */
        CREATED,
        /** The provider holds the charge and waits for the buyer. */
        PENDING,
        /** A call timed out or failed in a way that may or may not have charged: only the provider can say. */
        UNKNOWN,
        /** The close is sent to the provider: nobody may pay any more. */
        CLOSING,
        SUCCEEDED,
        FAILED,
        /** Closed at the provider, by us or by its own window, without being paid. */
        EXPIRED
    }

    /** The gateway worker's reports of what the provider said, the order's requests, and the payment's timers. */
    public enum Event {
        /** The order creates its payment. */
        CREATE,
        CHARGE_ACCEPTED,
        /** The provider refused to create the charge: there is nothing anyone could pay. */
        CHARGE_REFUSED,
        /** The charge call timed out or failed ambiguously, or its answer is overdue. */
        CHARGE_OUTCOME_UNKNOWN,
        /** Paid: a notification, a status query's answer, or a charge answer. */
        PROVIDER_SUCCEEDED,
        /** A status query: the charge exists and is not paid yet. */
        PROVIDER_NOT_PAID,
        /** The provider's final word that the payment failed. */
        PROVIDER_FAILED,
        /** The charge is closed at the provider (our close, or its own window), unpaid. */
        PROVIDER_CLOSED,
        /** A status query: the provider never received the charge. */
        PROVIDER_NO_SUCH_CHARGE,
        /** The payment's timer: query the provider again. */
        STATUS_QUERY_DUE,
        /** The payment's timer: the last query went unanswered or still pending. */
        STATUS_QUERIES_EXHAUSTED,
        /** The order gave up (cancelled or expired) and asks for the payment to be closed. */
        CLOSE_REQUESTED,
        /** The close failed because the charge is already paid (WeChat ORDERPAID, Alipay ACQ.TRADE_HAS_SUCCESS). */
        CLOSE_FAILED_ALREADY_PAID,
        /** The payment's timer: send the close again (it is idempotent). */
        CLOSE_DUE,
        CLOSE_ATTEMPTS_EXHAUSTED
    }

    /**
     * Calls for the gateway worker (to the provider, or to the ledger for a balance payment), and reports to the
     * order.
     */
    public enum Effect {
        /** Charge under the order's number: a repeat of the number is the same charge, never a second one. */
        CALL_PROVIDER_CHARGE,
        QUERY_PROVIDER_STATUS,
        CLOSE_AT_PROVIDER,
        /** Tell the order: PAYMENT_SUCCEEDED. */
        NOTIFY_ORDER_PAID,
        /** Tell the order: PAYMENT_FAILED (ended without taking money). */
        NOTIFY_ORDER_FAILED,
        EMIT_ALERT
    }

    /** The gateway worker answers every charge, even with a time-out, well within a minute. */
    static final Duration CHARGE_ANSWER_OVERDUE_AFTER = Duration.ofMinutes(1);

    public static final TransitionTable<State, Event, Effect> TABLE = TransitionTable
            .<State, Event, Effect>builder("payment", State.class, Event.class)
            .creates(CREATE, CREATED, CALL_PROVIDER_CHARGE)
            .on(CREATED, CHARGE_ACCEPTED, PENDING)
            .on(CREATED, CHARGE_REFUSED, FAILED, NOTIFY_ORDER_FAILED)
            // The ledger's refusal of a balance payment, or a provider's final word overtaking the charge's answer.
            .on(CREATED, PROVIDER_FAILED, FAILED, NOTIFY_ORDER_FAILED)
            .on(CREATED, CHARGE_OUTCOME_UNKNOWN, UNKNOWN)
            // A fast buyer's notification can overtake the charge's own answer.
            .on(CREATED, PROVIDER_SUCCEEDED, SUCCEEDED, NOTIFY_ORDER_PAID)
            .on(CREATED, CLOSE_REQUESTED, CLOSING, CLOSE_AT_PROVIDER)
            .deadline(CREATED, Deadline.once("cpl.payments.payment.charge-answer", CHARGE_ANSWER_OVERDUE_AFTER,
                    CHARGE_OUTCOME_UNKNOWN))
            .on(PENDING, PROVIDER_SUCCEEDED, SUCCEEDED, NOTIFY_ORDER_PAID)
            .on(PENDING, PROVIDER_NOT_PAID, PENDING)
            .on(PENDING, PROVIDER_FAILED, FAILED, NOTIFY_ORDER_FAILED)
            .on(PENDING, PROVIDER_CLOSED, EXPIRED, NOTIFY_ORDER_FAILED)
            .on(PENDING, STATUS_QUERY_DUE, PENDING, QUERY_PROVIDER_STATUS)
            // The order's window normally closes the payment first: giving up on our own means it did not.
            .on(PENDING, STATUS_QUERIES_EXHAUSTED, CLOSING, CLOSE_AT_PROVIDER, EMIT_ALERT)
            .on(PENDING, CLOSE_REQUESTED, CLOSING, CLOSE_AT_PROVIDER)
            .deadline(PENDING, Deadline.retrying("cpl.payments.payment.status-query",
                    RetrySchedule.PAYMENT_STATUS_QUERY, STATUS_QUERY_DUE, STATUS_QUERIES_EXHAUSTED))
            .on(UNKNOWN, CHARGE_ACCEPTED, PENDING)
            .on(UNKNOWN, CHARGE_REFUSED, FAILED, NOTIFY_ORDER_FAILED)
            .on(UNKNOWN, PROVIDER_SUCCEEDED, SUCCEEDED, NOTIFY_ORDER_PAID)
            .on(UNKNOWN, PROVIDER_NOT_PAID, PENDING)
            .on(UNKNOWN, PROVIDER_FAILED, FAILED, NOTIFY_ORDER_FAILED)
            .on(UNKNOWN, PROVIDER_CLOSED, EXPIRED, NOTIFY_ORDER_FAILED)
            // The charge may still be on its way: a close makes sure it can never be paid.
            .on(UNKNOWN, PROVIDER_NO_SUCH_CHARGE, CLOSING, CLOSE_AT_PROVIDER)
            .on(UNKNOWN, STATUS_QUERY_DUE, UNKNOWN, QUERY_PROVIDER_STATUS)
            .on(UNKNOWN, STATUS_QUERIES_EXHAUSTED, CLOSING, CLOSE_AT_PROVIDER, EMIT_ALERT)
            .on(UNKNOWN, CLOSE_REQUESTED, CLOSING, CLOSE_AT_PROVIDER)
            .deadline(UNKNOWN, Deadline.retrying("cpl.payments.payment.uncertain-query",
                    RetrySchedule.UNCERTAIN_PAYMENT_QUERY, STATUS_QUERY_DUE, STATUS_QUERIES_EXHAUSTED))
            .on(CLOSING, PROVIDER_CLOSED, EXPIRED, NOTIFY_ORDER_FAILED)
            // Paid between the last query and the close: treated as paid; the order decides to keep or refund it.
            .on(CLOSING, CLOSE_FAILED_ALREADY_PAID, SUCCEEDED, NOTIFY_ORDER_PAID)
            .on(CLOSING, PROVIDER_SUCCEEDED, SUCCEEDED, NOTIFY_ORDER_PAID)
            .on(CLOSING, PROVIDER_FAILED, FAILED, NOTIFY_ORDER_FAILED)
            .on(CLOSING, CLOSE_DUE, CLOSING, CLOSE_AT_PROVIDER)
            // Unsettled with the provider: a person takes over, and the daily bill reconciliation compares.
            .on(CLOSING, CLOSE_ATTEMPTS_EXHAUSTED, FAILED, NOTIFY_ORDER_FAILED, EMIT_ALERT)
            .deadline(CLOSING, Deadline.retrying("cpl.payments.payment.close", RetrySchedule.PAYMENT_CLOSE, CLOSE_DUE,
                    CLOSE_ATTEMPTS_EXHAUSTED))
            .terminal(SUCCEEDED, FAILED, EXPIRED)
            .build();

    private PaymentMachine() {
    }
}
