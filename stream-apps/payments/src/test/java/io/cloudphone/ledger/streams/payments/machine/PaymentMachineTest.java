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
import static io.cloudphone.ledger.streams.payments.machine.PaymentMachine.TABLE;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertCreates;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertMoves;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertRejects;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.longestLifeUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaymentMachineTest {

    @Test
    void creatingAPaymentChargesAtOnce() {
        assertCreates(TABLE, CREATE, CREATED, CALL_PROVIDER_CHARGE);
    }

    @Test
    void anAcceptedChargeWaitsForTheBuyer() {
        assertMoves(TABLE, CREATED, CHARGE_ACCEPTED, PENDING);
    }

    @Test
    void aRefusedChargeFailsAndTellsTheOrder() {
        assertMoves(TABLE, CREATED, CHARGE_REFUSED, FAILED, NOTIFY_ORDER_FAILED);
        assertMoves(TABLE, UNKNOWN, CHARGE_REFUSED, FAILED, NOTIFY_ORDER_FAILED);
    }

    @Test
    void aFinalFailureBeforeTheChargesAnswerFailsThePayment() {
        assertMoves(TABLE, CREATED, PROVIDER_FAILED, FAILED, NOTIFY_ORDER_FAILED);
    }

    @Test
    void aChargeWithoutAnAnswerWithinAMinuteHasAnUnknownOutcome() {
        assertThat(TABLE.deadline(CREATED)).contains(Deadline.once("cpl.payments.payment.charge-answer",
                Duration.ofMinutes(1), CHARGE_OUTCOME_UNKNOWN));
        assertMoves(TABLE, CREATED, CHARGE_OUTCOME_UNKNOWN, UNKNOWN);
    }

    @Test
    void aFastBuyersNotificationMayOvertakeTheChargesAnswer() {
        assertMoves(TABLE, CREATED, PROVIDER_SUCCEEDED, SUCCEEDED, NOTIFY_ORDER_PAID);
    }

    @Test
    void aPendingPaymentIsQueriedOnHyperswitchsSchedule() {
        assertThat(TABLE.deadline(PENDING)).contains(Deadline.retrying("cpl.payments.payment.status-query",
                RetrySchedule.PAYMENT_STATUS_QUERY, STATUS_QUERY_DUE, STATUS_QUERIES_EXHAUSTED));
        assertMoves(TABLE, PENDING, STATUS_QUERY_DUE, PENDING, QUERY_PROVIDER_STATUS);
        assertMoves(TABLE, PENDING, PROVIDER_NOT_PAID, PENDING);
    }

    @Test
    void aPendingPaymentEndsAsTheProviderSays() {
        assertMoves(TABLE, PENDING, PROVIDER_SUCCEEDED, SUCCEEDED, NOTIFY_ORDER_PAID);
        assertMoves(TABLE, PENDING, PROVIDER_FAILED, FAILED, NOTIFY_ORDER_FAILED);
        assertMoves(TABLE, PENDING, PROVIDER_CLOSED, EXPIRED, NOTIFY_ORDER_FAILED);
    }

    @Test
    void anUnknownOutcomeIsResolvedOnlyByAskingTheProvider() {
        assertThat(TABLE.deadline(UNKNOWN)).contains(Deadline.retrying("cpl.payments.payment.uncertain-query",
                RetrySchedule.UNCERTAIN_PAYMENT_QUERY, STATUS_QUERY_DUE, STATUS_QUERIES_EXHAUSTED));
        assertMoves(TABLE, UNKNOWN, STATUS_QUERY_DUE, UNKNOWN, QUERY_PROVIDER_STATUS);
        assertMoves(TABLE, UNKNOWN, PROVIDER_SUCCEEDED, SUCCEEDED, NOTIFY_ORDER_PAID);
        assertMoves(TABLE, UNKNOWN, PROVIDER_NOT_PAID, PENDING);
        assertMoves(TABLE, UNKNOWN, CHARGE_ACCEPTED, PENDING);
        assertMoves(TABLE, UNKNOWN, PROVIDER_FAILED, FAILED, NOTIFY_ORDER_FAILED);
        assertMoves(TABLE, UNKNOWN, PROVIDER_CLOSED, EXPIRED, NOTIFY_ORDER_FAILED);
    }

    @Test
    void aChargeTheProviderNeverReceivedIsClosedInCaseItIsStillOnItsWay() {
        assertMoves(TABLE, UNKNOWN, PROVIDER_NO_SUCH_CHARGE, CLOSING, CLOSE_AT_PROVIDER);
    }

    @Test
    void givingUpOnTheQueriesClosesThePaymentWithAnAlert() {
        assertMoves(TABLE, PENDING, STATUS_QUERIES_EXHAUSTED, CLOSING, CLOSE_AT_PROVIDER, EMIT_ALERT);
        assertMoves(TABLE, UNKNOWN, STATUS_QUERIES_EXHAUSTED, CLOSING, CLOSE_AT_PROVIDER, EMIT_ALERT);
    }

    @Test
    void aPendingPaymentGivesUpOnlyAfterTheOrdersWindowShouldHaveClosedIt() {
        assertThat(RetrySchedule.PAYMENT_STATUS_QUERY.untilGivingUp()).isGreaterThan(OrderMachine.PAYMENT_WINDOW);
    }

    @Test
    void theOrdersCancelClosesThePaymentWhereverItWaits() {
        assertMoves(TABLE, CREATED, CLOSE_REQUESTED, CLOSING, CLOSE_AT_PROVIDER);
        assertMoves(TABLE, PENDING, CLOSE_REQUESTED, CLOSING, CLOSE_AT_PROVIDER);
        assertMoves(TABLE, UNKNOWN, CLOSE_REQUESTED, CLOSING, CLOSE_AT_PROVIDER);
    }

    @Test
    void aCloseThatFailsBecauseTheCustomerAlreadyPaidIsTreatedAsPaid() {
        assertMoves(TABLE, CLOSING, CLOSE_FAILED_ALREADY_PAID, SUCCEEDED, NOTIFY_ORDER_PAID);
    }

    @Test
    void aSuccessThatArrivesWhileClosingIsNotLost() {
        assertMoves(TABLE, CLOSING, PROVIDER_SUCCEEDED, SUCCEEDED, NOTIFY_ORDER_PAID);
    }

    @Test
    void aCloseTheProviderConfirmsExpiresThePayment() {
        assertMoves(TABLE, CLOSING, PROVIDER_CLOSED, EXPIRED, NOTIFY_ORDER_FAILED);
        assertMoves(TABLE, CLOSING, PROVIDER_FAILED, FAILED, NOTIFY_ORDER_FAILED);
    }

    @Test
    void aCloseIsRetriedPastWeChatPaysFiveMinutesThenGivenUpWithAnAlert() {
        assertMoves(TABLE, CLOSING, CLOSE_DUE, CLOSING, CLOSE_AT_PROVIDER);
        assertMoves(TABLE, CLOSING, CLOSE_ATTEMPTS_EXHAUSTED, FAILED, NOTIFY_ORDER_FAILED, EMIT_ALERT);
        RetrySchedule close = RetrySchedule.PAYMENT_CLOSE;
        Duration lastAttempt = close.untilGivingUp().minus(close.delayBefore(close.maxAttempts() + 1));
        assertThat(lastAttempt).isGreaterThan(Duration.ofMinutes(5));
    }

    @Test
    void aCloseRequestThatCrossesASuccessIsRejectedForTheOrderRefundsIt() {
        assertRejects(TABLE, SUCCEEDED, CLOSE_REQUESTED);
    }

    @Test
    void everyPaymentEndsWithinThreeHoursOnItsOwnTimers() {
        assertThat(longestLifeUntil(TABLE, TABLE.terminalStates())).isLessThan(Duration.ofHours(3));
        assertThat(TABLE.terminalStates()).containsExactlyInAnyOrder(SUCCEEDED, FAILED, EXPIRED);
    }
}
