package io.cloudphone.ledger.streams.payments.machine;

import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Effect.CLOSE_PAYMENT;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Effect.CREATE_PAYMENT;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Effect.DELIVER;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Effect.EMIT_ALERT;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Effect.MARK_INVOICE_PAID;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Effect.REQUEST_AUTOMATIC_REFUND;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Effect.REQUEST_REFUND;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Effect.VOID_INVOICE;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.CANCEL_OVERDUE;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.EXPIRE;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.PAY;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.PAYMENT_FAILED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.PAYMENT_SUCCEEDED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.PLACE;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.REFUND_FAILED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.REFUND_OVERDUE;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.REFUND_REQUESTED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.REFUND_SUCCEEDED_IN_FULL;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.REFUND_SUCCEEDED_IN_PART;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.REFUND_WINDOW_PASSED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.Event.USER_CANCEL;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.CANCELLED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.CANCELLING;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.COMPLETED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.FURTHER_REFUND_PENDING;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.PAID;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.PARTIALLY_REFUNDED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.PAYING;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.PENDING;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.REFUNDED;
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.State.REFUND_PENDING;

import java.time.Duration;

/**
 * The order: what a user buys, a TOP_UP of their ledger balance or a PURCHASE of a cloud-phone plan or device, paid
 * through its one payment (a provider's, or the ledger balance's: see {@link PaymentMachine}).
 *
 * <p>The order, not the payment, decides whether it still wants the money: the payment only reports what the
 * provider says. A user's cancel or the 30-minute expiry therefore leaves the order CANCELLING until its payment is
 * settled with the provider. If the payment turns out to have succeeded after all (the customer paid between the
 * last query and the close, and the close failed as already paid; or a success crossed the cancel on the way), the
 * order ends CANCELLED and requests an automatic refund of that money: a refund of its own, visible like any other.
 *
 * <p>Refunds go one at a time (a request while one is pending is rejected): with the app's check that a request is
 * at most what the payment captured less what was refunded, concurrent requests can never add up to more than that.
 * The pending state remembers where the order came from, so that a refund that fails returns it there: PAID (nothing
 * refunded yet) or PARTIALLY_REFUNDED. The app raises IN_PART or IN_FULL by the order's refunded total.
 */
public final class OrderMachine {

    /** The order's states. PAID and PARTIALLY_REFUNDED wait for refund requests until the refund window closes. */
    public enum State {
        /** Placed; no payment asked for yet. */
        PENDING,
        /** Its one payment is under way. */
        PAYING,
        CANCELLING, PAID, REFUND_PENDING, PARTIALLY_REFUNDED, FURTHER_REFUND_PENDING, REFUNDED, CANCELLED,
        COMPLETED
    }

    /** What happens to an order: the user's commands, its payment's and refunds' outcomes, and its timers. */
    public enum Event {
        /** The user places the order (for an invoice published with it). */
        PLACE,
        /** The user pays: the order's one payment is created (a provider's charge, or a consume of the balance). */
        PAY,
        /** Its payment took the money: in time, or late (after a failed close). */
        PAYMENT_SUCCEEDED,
        /** Its payment ended without taking money: refused, expired or closed at the provider. */
        PAYMENT_FAILED,
        USER_CANCEL,
        /** The order's timer: the payment window (30 minutes by default) has passed. */
        EXPIRE,
        /** The order's timer: its payment never settled while it was cancelling (a bug: the payment's are bounded). */
        CANCEL_OVERDUE,
        REFUND_REQUESTED,
        /** The refund succeeded, and the order's refunds now add up to less than it was paid. */
        REFUND_SUCCEEDED_IN_PART,
        /** The refund succeeded, and the order's refunds now add up to all it was paid. */
        REFUND_SUCCEEDED_IN_FULL,
        REFUND_FAILED,
        /** The order's timer: its refund never ended (a bug: a refund's own timers are bounded). */
        REFUND_OVERDUE,
        /** The order's timer: refunds are no longer possible (providers refuse them after a year). */
        REFUND_WINDOW_PASSED
    }

    /** Side effects of an order's transitions, emitted by the app for other aggregates and workers. */
    public enum Effect {
        /** Create the order's payment (it charges at once). */
        CREATE_PAYMENT,
        /** Ask the payment to close at its provider; it reports back whether it closed or had succeeded. */
        CLOSE_PAYMENT,
        /**
         * Give what was bought: a TOP_UP credits the account's ledger balance (the ledger's recharge); a PURCHASE
         * activates the cloud-phone plan or device.
         */
        DELIVER,
        MARK_INVOICE_PAID,
        /** Void the order's invoice: it keeps its number, so the year's numbers stay gap-free. */
        VOID_INVOICE,
        /** Create a refund of the requested amount (see {@link RefundMachine}). */
        REQUEST_REFUND,
        /** Create a refund of a payment that succeeded after the order gave up: all of it, with that reason. */
        REQUEST_AUTOMATIC_REFUND,
        /** Tell an operator: something that should be impossible happened, and a person must look. */
        EMIT_ALERT
    }

    /** The order's payment window: how long a user has to pay before the order cancels itself. */
    static final Duration PAYMENT_WINDOW = Duration.ofMinutes(30);

    /** Far longer than a payment can take to settle (its own deadlines give up within about two hours). */
    static final Duration CANCEL_OVERDUE_AFTER = Duration.ofDays(1);

    /** Far longer than a refund can stay open (its status queries give up after about 7 days). */
    static final Duration REFUND_OVERDUE_AFTER = Duration.ofDays(10);

    /** WeChat Pay accepts refunds for a year after the payment. */
    static final Duration REFUND_WINDOW = Duration.ofDays(365);

    public static final TransitionTable<State, Event, Effect> TABLE = TransitionTable
            .<State, Event, Effect>builder("order", State.class, Event.class)
            .creates(PLACE, PENDING)
            .on(PENDING, PAY, PAYING, CREATE_PAYMENT)
            // No payment exists yet, so there is nothing to close.
            .on(PENDING, USER_CANCEL, CANCELLED, VOID_INVOICE)
            .on(PENDING, EXPIRE, CANCELLED, VOID_INVOICE)
            .deadline(PENDING, paymentWindow())
            .on(PAYING, PAYMENT_SUCCEEDED, PAID, DELIVER, MARK_INVOICE_PAID)
            .on(PAYING, PAYMENT_FAILED, CANCELLED, VOID_INVOICE)
            .on(PAYING, USER_CANCEL, CANCELLING, CLOSE_PAYMENT)
            .on(PAYING, EXPIRE, CANCELLING, CLOSE_PAYMENT)
            .deadline(PAYING, paymentWindow())
            .on(CANCELLING, PAYMENT_FAILED, CANCELLED, VOID_INVOICE)
            .on(CANCELLING, PAYMENT_SUCCEEDED, CANCELLED, REQUEST_AUTOMATIC_REFUND, VOID_INVOICE)
            .on(CANCELLING, CANCEL_OVERDUE, CANCELLED, VOID_INVOICE, EMIT_ALERT)
            .deadline(CANCELLING, Deadline.once("cpl.payments.order.cancel-overdue", CANCEL_OVERDUE_AFTER,
                    CANCEL_OVERDUE))
            .on(PAID, REFUND_REQUESTED, REFUND_PENDING, REQUEST_REFUND)
            .on(PAID, REFUND_WINDOW_PASSED, COMPLETED)
            .deadline(PAID, refundWindow())
            .on(REFUND_PENDING, REFUND_SUCCEEDED_IN_PART, PARTIALLY_REFUNDED)
            .on(REFUND_PENDING, REFUND_SUCCEEDED_IN_FULL, REFUNDED)
            .on(REFUND_PENDING, REFUND_FAILED, PAID)
            .on(REFUND_PENDING, REFUND_OVERDUE, PAID, EMIT_ALERT)
            .deadline(REFUND_PENDING, refundOverdue())
            .on(PARTIALLY_REFUNDED, REFUND_REQUESTED, FURTHER_REFUND_PENDING, REQUEST_REFUND)
            .on(PARTIALLY_REFUNDED, REFUND_WINDOW_PASSED, COMPLETED)
            .deadline(PARTIALLY_REFUNDED, refundWindow())
            .on(FURTHER_REFUND_PENDING, REFUND_SUCCEEDED_IN_PART, PARTIALLY_REFUNDED)
            .on(FURTHER_REFUND_PENDING, REFUND_SUCCEEDED_IN_FULL, REFUNDED)
            .on(FURTHER_REFUND_PENDING, REFUND_FAILED, PARTIALLY_REFUNDED)
            .on(FURTHER_REFUND_PENDING, REFUND_OVERDUE, PARTIALLY_REFUNDED, EMIT_ALERT)
            .deadline(FURTHER_REFUND_PENDING, refundOverdue())
            .terminal(REFUNDED, CANCELLED, COMPLETED)
            .build();

    private OrderMachine() {
    }

    /**
     * Measured from entering the state, so a partial refund starts it again; the provider's own one-year limit
     * still refuses an older refund, which then fails like any other.
     */
    /**
     * Measured from entering the state, like every deadline: the user has the window to start paying, and the payment
     * has it again to complete (a provider's own charge window is of the same order: WeChat Pay's default is 2 h).
     */
    private static Deadline<Event> paymentWindow() {
        return Deadline.once("cpl.payments.order.payment-window", PAYMENT_WINDOW, EXPIRE);
    }

    private static Deadline<Event> refundWindow() {
        return Deadline.once("cpl.payments.order.refund-window", REFUND_WINDOW, REFUND_WINDOW_PASSED);
    }

    private static Deadline<Event> refundOverdue() {
        return Deadline.once("cpl.payments.order.refund-overdue", REFUND_OVERDUE_AFTER, REFUND_OVERDUE);
    }
}
