package io.cloudphone.ledger.streams.payments.machine;

import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Effect.ASSIGN_INVOICE_NUMBER;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Effect.EMIT_ALERT;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Effect.FREEZE_TOTALS;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Event.CREATE;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Event.DISCARD;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Event.DRAFT_ABANDONED;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Event.EDIT_LINES;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Event.ORDER_CANCELLED;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Event.ORDER_PAID;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Event.PAYMENT_DUE_PASSED;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.Event.PUBLISH;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.State.DRAFT;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.State.PAID;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.State.PENDING;
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.State.VOID;

import java.time.Duration;

/**
 * The invoice of one order. Only its states live here: computing the totals (exact, an overflow rejects the publish)
 * and numbering are the app's decisions, which these effects name.
 *
 * <p>Published means frozen: from PENDING on, the lines and totals never change, and the number, gap-free per year,
 * is assigned in the publishing transaction. A voided invoice keeps its number, so no year has a gap. The order is
 * placed as its invoice is published, so PENDING lasts about as long as the order's payment window; a day is far
 * beyond any order's own deadlines.
 */
public final class InvoiceMachine {

    public enum State {
        /** Lines editable, no number. */
        DRAFT,
        /** Published: totals frozen, numbered, waiting for its order to be paid. */
        PENDING,
        PAID,
        VOID
    }

    public enum Event {
        CREATE,
        EDIT_LINES,
        PUBLISH,
        DISCARD,
        /** The invoice's timer: nobody published the draft. */
        DRAFT_ABANDONED,
        /** From the order: paid. */
        ORDER_PAID,
        /** From the order: cancelled (by the user, on expiry, or because its payment failed). */
        ORDER_CANCELLED,
        /** The invoice's timer: its order never ended, which its own deadlines should prevent. */
        PAYMENT_DUE_PASSED
    }

    public enum Effect {
        /** Compute the totals from the lines (exact; an overflow rejects the publish) and freeze lines and totals. */
        FREEZE_TOTALS,
        /** The year's next number, in the same transaction as the publish, so numbers have no gaps. */
        ASSIGN_INVOICE_NUMBER,
        EMIT_ALERT
    }

    static final Duration DRAFT_LIFETIME = io.cloudphone.ledger.schemas.payment.InvoiceDrafts.LIFETIME;

    static final Duration PAYMENT_DUE_AFTER = Duration.ofDays(1);

    public static final TransitionTable<State, Event, Effect> TABLE = TransitionTable
            .<State, Event, Effect>builder("invoice", State.class, Event.class)
            .creates(CREATE, DRAFT)
            .on(DRAFT, EDIT_LINES, DRAFT)
            .on(DRAFT, PUBLISH, PENDING, FREEZE_TOTALS, ASSIGN_INVOICE_NUMBER)
            .on(DRAFT, DISCARD, VOID)
            .on(DRAFT, DRAFT_ABANDONED, VOID)
            .deadline(DRAFT, Deadline.once("cpl.payments.invoice.draft-lifetime", DRAFT_LIFETIME, DRAFT_ABANDONED))
            .on(PENDING, ORDER_PAID, PAID)
            .on(PENDING, ORDER_CANCELLED, VOID)
            .on(PENDING, PAYMENT_DUE_PASSED, VOID, EMIT_ALERT)
            .deadline(PENDING, Deadline.once("cpl.payments.invoice.payment-due", PAYMENT_DUE_AFTER,
                    PAYMENT_DUE_PASSED))
            .terminal(PAID, VOID)
            .build();

    private InvoiceMachine() {
    }
}
