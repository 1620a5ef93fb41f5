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
import static io.cloudphone.ledger.streams.payments.machine.InvoiceMachine.TABLE;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertCreates;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertMoves;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvoiceMachineTest {

    @Test
    void anInvoiceStartsAsADraftWhoseLinesCanBeEdited() {
        assertCreates(TABLE, CREATE, DRAFT);
        assertMoves(TABLE, DRAFT, EDIT_LINES, DRAFT);
    }

    @Test
    void publishingFreezesTheTotalsAndAssignsTheYearsNextNumber() {
        assertMoves(TABLE, DRAFT, PUBLISH, PENDING, FREEZE_TOTALS, ASSIGN_INVOICE_NUMBER);
    }

    @Test
    void aPublishedInvoiceCanNeitherBeEditedNorPublishedAgain() {
        assertRejects(TABLE, PENDING, EDIT_LINES);
        assertRejects(TABLE, PENDING, PUBLISH);
    }

    @Test
    void aDraftIsVoidedWhenDiscardedOrAbandonedForAWeek() {
        assertMoves(TABLE, DRAFT, DISCARD, VOID);
        assertMoves(TABLE, DRAFT, DRAFT_ABANDONED, VOID);
        assertThat(TABLE.deadline(DRAFT)).contains(Deadline.once("cpl.payments.invoice.draft-lifetime",
                Duration.ofDays(7), DRAFT_ABANDONED));
    }

    @Test
    void anInvoiceIsPaidWhenItsOrderIsAndVoidedWhenItsOrderIsCancelled() {
        assertMoves(TABLE, PENDING, ORDER_PAID, PAID);
        assertMoves(TABLE, PENDING, ORDER_CANCELLED, VOID);
    }

    @Test
    void aDraftCannotBePaid() {
        assertRejects(TABLE, DRAFT, ORDER_PAID);
    }

    @Test
    void anInvoiceWhoseOrderNeverEndsIsVoidedWithAnAlertLongAfterTheOrdersWindow() {
        assertMoves(TABLE, PENDING, PAYMENT_DUE_PASSED, VOID, EMIT_ALERT);
        assertThat(TABLE.deadline(PENDING)).contains(Deadline.once("cpl.payments.invoice.payment-due",
                Duration.ofDays(1), PAYMENT_DUE_PASSED));
        assertThat(InvoiceMachine.PAYMENT_DUE_AFTER).isGreaterThan(OrderMachine.PAYMENT_WINDOW);
    }

    @Test
    void aPaidOrVoidInvoiceIsFinal() {
        assertThat(TABLE.terminalStates()).containsExactlyInAnyOrder(PAID, VOID);
        assertRejects(TABLE, VOID, ORDER_PAID);
    }
}
