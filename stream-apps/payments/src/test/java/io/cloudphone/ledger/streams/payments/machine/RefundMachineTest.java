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
import static io.cloudphone.ledger.streams.payments.machine.RefundMachine.TABLE;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertCreates;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertMoves;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.assertRejects;
import static io.cloudphone.ledger.streams.payments.machine.TableAssertions.longestLifeUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefundMachineTest {

    /** The longest the ledger keeps a hold before releasing it itself (its holds expire at most 30 days away). */
    private static final Duration LEDGER_HOLD_LIFETIME_MAX = Duration.ofDays(30);

    @Test
    void aTopUpRefundHoldsTheLedgerBalanceBeforeAskingTheProvider() {
        assertCreates(TABLE, REQUEST_TOP_UP_REFUND, REQUESTED, PLACE_LEDGER_HOLD);
        assertMoves(TABLE, REQUESTED, LEDGER_HOLD_PLACED, SUBMITTED, SUBMIT_REFUND_TO_PROVIDER);
    }

    @Test
    void anyOtherRefundGoesStraightToTheProvider() {
        assertCreates(TABLE, REQUEST_REFUND, SUBMITTED, SUBMIT_REFUND_TO_PROVIDER);
    }

    @Test
    void topUpMoneyAlreadySpentIsNotRefunded() {
        assertMoves(TABLE, REQUESTED, LEDGER_HOLD_REFUSED, FAILED, NOTIFY_ORDER_FAILED);
    }

    @Test
    void aLedgerThatNeverAnswersTheHoldFailsTheRefundAndReleasesAnyHold() {
        assertThat(TABLE.deadline(REQUESTED)).contains(Deadline.once("cpl.payments.refund.hold-answer",
                Duration.ofMinutes(10), HOLD_ANSWER_OVERDUE));
        assertMoves(TABLE, REQUESTED, HOLD_ANSWER_OVERDUE, FAILED, RELEASE_LEDGER_HOLD, NOTIFY_ORDER_FAILED,
                EMIT_ALERT);
    }

    @Test
    void aSuccessCapturesTheHoldAndTellsTheOrder() {
        assertMoves(TABLE, SUBMITTED, PROVIDER_SUCCEEDED, SUCCEEDED, CAPTURE_LEDGER_HOLD, NOTIFY_ORDER_SUCCEEDED);
    }

    @Test
    void aFailureReleasesTheHoldTellsTheOrderAndAlerts() {
        assertMoves(TABLE, SUBMITTED, PROVIDER_FAILED, FAILED, RELEASE_LEDGER_HOLD, NOTIFY_ORDER_FAILED, EMIT_ALERT);
    }

    @Test
    void aSubmittedRefundIsQueriedWithBackoffWhileTheProviderProcessesIt() {
        assertThat(TABLE.deadline(SUBMITTED)).contains(Deadline.retrying("cpl.payments.refund.status-query",
                RetrySchedule.REFUND_STATUS_QUERY, STATUS_QUERY_DUE, STATUS_QUERIES_EXHAUSTED));
        assertMoves(TABLE, SUBMITTED, STATUS_QUERY_DUE, SUBMITTED, QUERY_REFUND_STATUS);
        assertMoves(TABLE, SUBMITTED, PROVIDER_PROCESSING, SUBMITTED);
    }

    @Test
    void aRefundTheProviderNeverReceivedIsSubmittedAgainUnderItsOwnNumber() {
        assertMoves(TABLE, SUBMITTED, PROVIDER_NO_SUCH_REFUND, SUBMITTED, SUBMIT_REFUND_TO_PROVIDER);
    }

    @Test
    void givingUpOnTheQueriesFailsWithAnAlertButKeepsTheHoldForAPersonToSettle() {
        assertMoves(TABLE, SUBMITTED, STATUS_QUERIES_EXHAUSTED, FAILED, NOTIFY_ORDER_FAILED, EMIT_ALERT);
    }

    @Test
    void theHoldOutlivesTheRefundsOwnTimers() {
        assertThat(longestLifeUntil(TABLE, Set.of(SUCCEEDED, FAILED))).isLessThan(LEDGER_HOLD_LIFETIME_MAX);
    }

    @Test
    void aReversalAfterSuccessIsAnOrdinaryTransitionThatGivesTopUpMoneyBackAndAlerts() {
        assertMoves(TABLE, SUCCEEDED, PROVIDER_FAILED, REVERSED, CREDIT_LEDGER, EMIT_ALERT);
    }

    @Test
    void aSuccessSettlesOnceTheReversalWindowHasPassed() {
        assertThat(TABLE.deadline(SUCCEEDED)).contains(Deadline.once("cpl.payments.refund.reversal-window",
                Duration.ofDays(30), REVERSAL_WINDOW_PASSED));
        assertMoves(TABLE, SUCCEEDED, REVERSAL_WINDOW_PASSED, SETTLED);
        assertRejects(TABLE, SETTLED, PROVIDER_FAILED);
    }

    @Test
    void aFailedReversedOrSettledRefundIsFinal() {
        assertThat(TABLE.terminalStates()).containsExactlyInAnyOrder(FAILED, REVERSED, SETTLED);
        assertRejects(TABLE, FAILED, PROVIDER_SUCCEEDED);
    }
}
