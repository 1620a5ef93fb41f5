package io.cloudphone.ledger.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.reference.ClientRequest.Adjust;
import io.cloudphone.ledger.reference.ClientRequest.CaptureHold;
import io.cloudphone.ledger.reference.ClientRequest.Consume;
import io.cloudphone.ledger.reference.ClientRequest.Open;
import io.cloudphone.ledger.reference.ClientRequest.PlaceHold;
import io.cloudphone.ledger.reference.ClientRequest.Recharge;
import io.cloudphone.ledger.reference.ClientRequest.ReleaseHold;
import io.cloudphone.ledger.reference.ClientRequest.SetOverdraftLimit;
import io.cloudphone.ledger.reference.ClientRequest.Transfer;
import io.cloudphone.ledger.reference.Expected.Move;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rules of README's Ledger API, as the model reads them. */
class ReferenceLedgerTest {

    private final ReferenceLedger ledger = new ReferenceLedger();

    @Test
    void aConsumptionBeyondAvailableIsRejectedAndChangesNothing() {
        funded("a", 1_000);

        Expected refused = ledger.decide(new Consume("c", "a", 1_500, "CNY"));

        assertThat(refused.outcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(refused.rejectionCode()).isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);
        assertThat(refused.balanceAfter()).isEqualTo(1_000);
        assertThat(refused.versionAfter()).isEqualTo(2);
        assertThat(refused.moves()).isEmpty();
    }

    @Test
    void aPartialCaptureSpendsPartAndReleasesTheRestAndAHoldEndsOnce() {
        funded("a", 1_000);
        Expected placed = ledger.decide(new PlaceHold("p", "a", "h", 600, "CNY"));
        assertThat(placed.availableAfter()).isEqualTo(400);
        assertThat(placed.heldAfter()).isEqualTo(600);

        Expected captured = ledger.decide(new CaptureHold("c", "a", "h", OptionalLong.of(200)));

        assertThat(captured.moves()).containsExactly(
                new Move(EntryKind.HOLD_CAPTURE, "@holds:a", "@external-outflow:CNY", 200),
                new Move(EntryKind.HOLD_RELEASE, "@holds:a", "a", 400));
        assertThat(captured.balanceAfter()).isEqualTo(800);
        assertThat(captured.heldAfter()).isZero();
        assertThat(ledger.decide(new ReleaseHold("again", "a", "h")).rejectionCode()).isEqualTo(RejectionCode.HOLD_NOT_OPEN);
    }

    @Test
    void aHoldOfAnotherAccountIsNotFoundAndACaptureAboveTheHoldIsRefused() {
        funded("a", 1_000);
        funded("b", 0);
        ledger.decide(new PlaceHold("p", "a", "h", 300, "CNY"));

        assertThat(ledger.decide(new ReleaseHold("x", "b", "h")).rejectionCode()).isEqualTo(RejectionCode.HOLD_NOT_FOUND);
        assertThat(ledger.decide(new CaptureHold("y", "a", "h", OptionalLong.of(301))).rejectionCode())
                .isEqualTo(RejectionCode.AMOUNT_EXCEEDS_HOLD);
        assertThat(ledger.decide(new CaptureHold("z", "a", "h", OptionalLong.empty())).moves())
                .containsExactly(new Move(EntryKind.HOLD_CAPTURE, "@holds:a", "@external-outflow:CNY", 300));
    }

    @Test
    void anExpiredHoldCannotBeCapturedAndItsMoneyIsBack() {
        funded("a", 1_000);
        ledger.decide(new PlaceHold("p", "a", "h", 300, "CNY"));

        Expected expired = ledger.expireHold("h");

        assertThat(expired.requestId()).isEqualTo("hold-expiry:h");
        assertThat(expired.availableAfter()).isEqualTo(1_000);
        assertThat(ledger.decide(new CaptureHold("c", "a", "h", OptionalLong.empty())).rejectionCode())
                .isEqualTo(RejectionCode.HOLD_EXPIRED);
        assertThatThrownBy(() -> ledger.expireHold("h")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransferToAnAccountThatIsNotOpenComesBackAsARefund() {
        funded("a", 1_000);

        Expected out = ledger.decide(new Transfer("t", "a", "nowhere", 400, "CNY"));
        Expected in = ledger.creditLeg("t");
        Expected refund = ledger.refundLeg("t");

        assertThat(out.moves()).containsExactly(new Move(EntryKind.TRANSFER_OUT, "a", "@transfers-in-flight:CNY", 400));
        assertThat(in.requestId()).isEqualTo("t:in");
        assertThat(in.rejectionCode()).isEqualTo(RejectionCode.ACCOUNT_NOT_OPEN);
        assertThat(in.versionAfter()).isZero();
        assertThat(refund.requestId()).isEqualTo("t:refund");
        assertThat(refund.balanceAfter()).isEqualTo(1_000);
        assertThat(ledger.transfer("t").orElseThrow().state()).isEqualTo(ReferenceLedger.TransferState.REFUNDED);
        assertThatThrownBy(() -> ledger.creditLeg("t")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransferCreditsItsDestinationOnce() {
        funded("a", 1_000);
        funded("b", 0);
        ledger.decide(new Transfer("t", "a", "b", 400, "CNY"));

        Expected in = ledger.creditLeg("t");

        assertThat(in.moves()).containsExactly(new Move(EntryKind.TRANSFER_IN, "@transfers-in-flight:CNY", "b", 400));
        assertThat(ledger.balance("b").orElseThrow().available()).isEqualTo(400);
        assertThat(ledger.decide(new Transfer("self", "a", "a", 1, "CNY")).rejectionCode())
                .isEqualTo(RejectionCode.TRANSFER_TO_SELF);
    }

    @Test
    void aRechargePastTheLargestBalanceIsAnOverflowNotAWrap() {
        ledger.decide(new Open("o", "a", "CNY"));
        ledger.decide(new Recharge("r", "a", Long.MAX_VALUE, "CNY"));

        Expected overflow = ledger.decide(new Recharge("r2", "a", 1, "CNY"));

        assertThat(overflow.rejectionCode()).isEqualTo(RejectionCode.BALANCE_OVERFLOW);
        assertThat(overflow.balanceAfter()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theOverdraftLimitIsHowFarBelowZeroAvailableMayGo() {
        ledger.decide(new Open("o", "a", "CNY"));
        ledger.decide(new SetOverdraftLimit("l", "a", 100));

        assertThat(ledger.decide(new Consume("c1", "a", 100, "CNY")).availableAfter()).isEqualTo(-100);
        assertThat(ledger.decide(new Consume("c2", "a", 1, "CNY")).rejectionCode()).isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);
        assertThat(ledger.decide(new SetOverdraftLimit("l2", "a", 99)).rejectionCode()).isEqualTo(RejectionCode.INVALID_LIMIT);
        assertThat(ledger.decide(new SetOverdraftLimit("l3", "a", -1)).rejectionCode()).isEqualTo(RejectionCode.INVALID_LIMIT);
    }

    @Test
    void anAdjustmentNeedsAReasonAndANonZeroAmountInTheAccountsCurrency() {
        ledger.decide(new Open("o", "a", "CNY"));

        assertThat(ledger.decide(new Adjust("a1", "a", 5, "CNY", " ")).rejectionCode()).isEqualTo(RejectionCode.MISSING_REASON);
        assertThat(ledger.decide(new Adjust("a2", "a", 0, "CNY", "fix")).rejectionCode()).isEqualTo(RejectionCode.INVALID_AMOUNT);
        assertThat(ledger.decide(new Adjust("a3", "a", 5, "USD", "fix")).rejectionCode()).isEqualTo(RejectionCode.CURRENCY_MISMATCH);
        assertThat(ledger.decide(new Adjust("a4", "a", -5, "CNY", "fix")).rejectionCode()).isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);
        assertThat(ledger.decide(new Adjust("a5", "a", 5, "CNY", "fix")).moves())
                .containsExactly(new Move(EntryKind.ADJUSTMENT, "@adjustments:CNY", "a", 5));
    }

    @Test
    void nothingIsDecidedOnAnAccountThatIsNotOpenAndNoAccountOpensTwice() {
        assertThat(ledger.decide(new Recharge("r", "a", 5, "CNY")).rejectionCode()).isEqualTo(RejectionCode.ACCOUNT_NOT_OPEN);
        ledger.decide(new Open("o", "a", "CNY"));
        assertThat(ledger.decide(new Open("o2", "a", "USD")).rejectionCode()).isEqualTo(RejectionCode.ACCOUNT_ALREADY_OPEN);
        assertThat(ledger.balance("a").orElseThrow().currency()).isEqualTo("CNY");
    }

    /** Opens the account in CNY and, for a positive amount, recharges it with that much. */
    private void funded(String account, long amount) {
        ledger.decide(new Open("open-" + account, account, "CNY"));
        if (amount > 0) {
            ledger.decide(new Recharge("fund-" + account, account, amount, "CNY"));
        }
    }
}
