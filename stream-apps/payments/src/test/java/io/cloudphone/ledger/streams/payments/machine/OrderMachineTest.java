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
import static io.cloudphone.ledger.streams.payments.machine.OrderMachine.TABLE;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertCreates;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertMoves;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertRejects;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.longestLifeUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderMachineTest {

    @Test
    void placingAnOrderAsksForNothingYet() {
        assertCreates(TABLE, PLACE, PENDING);
    }

    @Test
    void payingCreatesTheOrdersOnePayment() {
        assertMoves(TABLE, PENDING, PAY, PAYING, CREATE_PAYMENT);
        assertRejects(TABLE, PAYING, PAY);
    }

    @Test
    void aPaidOrderDeliversWhatWasBoughtAndMarksItsInvoicePaid() {
        assertMoves(TABLE, PAYING, PAYMENT_SUCCEEDED, PAID, DELIVER, MARK_INVOICE_PAID);
    }

    @Test
    void aPaymentThatEndsUnpaidCancelsTheOrderAndVoidsItsInvoice() {
        assertMoves(TABLE, PAYING, PAYMENT_FAILED, CANCELLED, VOID_INVOICE);
    }

    @Test
    void anOrderNobodyPaidYetIsCancelledAtOnceWithNothingToClose() {
        assertMoves(TABLE, PENDING, USER_CANCEL, CANCELLED, VOID_INVOICE);
        assertMoves(TABLE, PENDING, EXPIRE, CANCELLED, VOID_INVOICE);
    }

    @Test
    void theUserCancelsAPaymentUnderWayByClosingItFirst() {
        assertMoves(TABLE, PAYING, USER_CANCEL, CANCELLING, CLOSE_PAYMENT);
    }

    @Test
    void anUnpaidOrderExpiresAfterThirtyMinutesLikeACancel() {
        Deadline<OrderMachine.Event> window = Deadline.once("cpl.payments.order.payment-window", Duration.ofMinutes(30),
                EXPIRE);
        assertThat(TABLE.deadline(PENDING)).contains(window);
        assertThat(TABLE.deadline(PAYING)).contains(window);
        assertMoves(TABLE, PAYING, EXPIRE, CANCELLING, CLOSE_PAYMENT);
    }

    @Test
    void aPaymentCannotSucceedOrFailBeforeItExists() {
        assertRejects(TABLE, PENDING, PAYMENT_SUCCEEDED);
        assertRejects(TABLE, PENDING, PAYMENT_FAILED);
    }

    @Test
    void aPaymentThatSucceedsWhileTheOrderIsCancellingIsRefundedAutomatically() {
        assertMoves(TABLE, CANCELLING, PAYMENT_SUCCEEDED, CANCELLED, REQUEST_AUTOMATIC_REFUND, VOID_INVOICE);
    }

    @Test
    void aCancellingOrderIsCancelledOnceItsPaymentEndsUnpaid() {
        assertMoves(TABLE, CANCELLING, PAYMENT_FAILED, CANCELLED, VOID_INVOICE);
    }

    @Test
    void aCancellingOrderCanNeitherBeCancelledAgainNorExpire() {
        assertRejects(TABLE, CANCELLING, USER_CANCEL);
        assertRejects(TABLE, CANCELLING, EXPIRE);
    }

    @Test
    void aPaymentThatNeverSettlesEndsTheCancelWithAnAlertLongAfterAnyPaymentCouldHaveEnded() {
        assertMoves(TABLE, CANCELLING, CANCEL_OVERDUE, CANCELLED, VOID_INVOICE, EMIT_ALERT);
        Duration longestPayment = longestLifeUntil(PaymentMachine.TABLE, PaymentMachine.TABLE.terminalStates());
        assertThat(OrderMachine.CANCEL_OVERDUE_AFTER).isGreaterThan(longestPayment);
    }

    @Test
    void aFirstRefundThatFailsReturnsTheOrderToPaid() {
        assertMoves(TABLE, PAID, REFUND_REQUESTED, REFUND_PENDING, REQUEST_REFUND);
        assertMoves(TABLE, REFUND_PENDING, REFUND_FAILED, PAID);
    }

    @Test
    void aFurtherRefundThatFailsReturnsTheOrderToPartiallyRefunded() {
        assertMoves(TABLE, PARTIALLY_REFUNDED, REFUND_REQUESTED, FURTHER_REFUND_PENDING, REQUEST_REFUND);
        assertMoves(TABLE, FURTHER_REFUND_PENDING, REFUND_FAILED, PARTIALLY_REFUNDED);
    }

    @Test
    void aSucceededRefundLeavesTheOrderPartiallyOrFullyRefundedByItsRefundedTotal() {
        assertMoves(TABLE, REFUND_PENDING, REFUND_SUCCEEDED_IN_PART, PARTIALLY_REFUNDED);
        assertMoves(TABLE, REFUND_PENDING, REFUND_SUCCEEDED_IN_FULL, REFUNDED);
        assertMoves(TABLE, FURTHER_REFUND_PENDING, REFUND_SUCCEEDED_IN_PART, PARTIALLY_REFUNDED);
        assertMoves(TABLE, FURTHER_REFUND_PENDING, REFUND_SUCCEEDED_IN_FULL, REFUNDED);
    }

    @Test
    void refundsGoOneAtATimeSoConcurrentRequestsCannotAddUpToMoreThanWasPaid() {
        assertRejects(TABLE, REFUND_PENDING, REFUND_REQUESTED);
        assertRejects(TABLE, FURTHER_REFUND_PENDING, REFUND_REQUESTED);
    }

    @Test
    void aRefundThatNeverEndsReturnsTheOrderWithAnAlertLongAfterAnyRefundCouldHaveEnded() {
        assertMoves(TABLE, REFUND_PENDING, REFUND_OVERDUE, PAID, EMIT_ALERT);
        assertMoves(TABLE, FURTHER_REFUND_PENDING, REFUND_OVERDUE, PARTIALLY_REFUNDED, EMIT_ALERT);
        Duration longestRefund = longestLifeUntil(RefundMachine.TABLE,
                Set.of(RefundMachine.State.SUCCEEDED, RefundMachine.State.FAILED));
        assertThat(OrderMachine.REFUND_OVERDUE_AFTER).isGreaterThan(longestRefund);
    }

    @Test
    void refundsAreNoLongerPossibleAYearAfterThePayment() {
        assertMoves(TABLE, PAID, REFUND_WINDOW_PASSED, COMPLETED);
        assertMoves(TABLE, PARTIALLY_REFUNDED, REFUND_WINDOW_PASSED, COMPLETED);
        assertThat(TABLE.deadline(PAID)).contains(Deadline.once("cpl.payments.order.refund-window",
                Duration.ofDays(365), REFUND_WINDOW_PASSED));
    }

    @Test
    void aCancelledRefundedOrCompletedOrderIsFinal() {
        assertThat(TABLE.terminalStates()).containsExactlyInAnyOrder(CANCELLED, REFUNDED, COMPLETED);
        assertRejects(TABLE, CANCELLED, PAYMENT_SUCCEEDED);
        assertRejects(TABLE, REFUNDED, REFUND_REQUESTED);
    }
}
