package io.cloudphone.ledger.streams.ledger;

import static io.cloudphone.ledger.streams.ledger.Commands.T0;
import static io.cloudphone.ledger.streams.ledger.Commands.adjust;
import static io.cloudphone.ledger.streams.ledger.Commands.capture;
import static io.cloudphone.ledger.streams.ledger.Commands.command;
import static io.cloudphone.ledger.streams.ledger.Commands.consume;
import static io.cloudphone.ledger.streams.ledger.Commands.hold;
import static io.cloudphone.ledger.streams.ledger.Commands.open;
import static io.cloudphone.ledger.streams.ledger.Commands.overdraft;
import static io.cloudphone.ledger.streams.ledger.Commands.recharge;
import static io.cloudphone.ledger.streams.ledger.Commands.release;
import static io.cloudphone.ledger.streams.ledger.Commands.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.TransferIn;
import io.cloudphone.ledger.schemas.account.TransferRefund;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.HoldLifetime;
import io.cloudphone.ledger.schemas.ledger.HoldStatus;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerDeciderTest {

    private final LedgerDecider decider = new LedgerDecider();
    private final MapLedgerView view = new MapLedgerView();
    private int requests;

    @BeforeEach
    void openAccountWith100() {
        decide("acc-1", open("CNY"));
        decide("acc-1", recharge(100, "CNY"));
    }

    @Test
    void opensAccountAtZeroWithVersionOne() {
        LedgerOutcome outcome = decide("acc-new", open("CNY"));

        assertThat(outcome.decision().getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED);
        assertThat(outcome.balanceAfter().getBalance()).isZero();
        assertThat(outcome.balanceAfter().getVersion()).isEqualTo(1);
        assertThat(outcome.entries()).isEmpty();
    }

    @Test
    void refusesToOpenAnAccountTwice() {
        assertRejected(decide("acc-1", open("CNY")), RejectionCode.ACCOUNT_ALREADY_OPEN);
    }

    @Test
    void rejectsOtherCurrencyAndNonPositiveAmounts() {
        assertRejected(decide("acc-1", recharge(5, "USD")), RejectionCode.CURRENCY_MISMATCH);
        assertRejected(decide("acc-1", recharge(0, "CNY")), RejectionCode.INVALID_AMOUNT);
        assertRejected(decide("acc-1", consume(-1, "CNY")), RejectionCode.INVALID_AMOUNT);
    }

    @Test
    void rejectsRechargeThatWouldOverflow() {
        assertRejected(decide("acc-1", recharge(Long.MAX_VALUE - 50, "CNY")), RejectionCode.BALANCE_OVERFLOW);
    }

    @Test
    void rejectsConsumptionOfLongMaxWithoutOverflow() {
        assertRejected(decide("acc-1", consume(Long.MAX_VALUE, "CNY")), RejectionCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void rechargeIsOneBalancedEntryFromExternalInflow() {
        LedgerOutcome outcome = decide("acc-1", recharge(40, "CNY"));

        assertThat(outcome.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.getKind()).isEqualTo(EntryKind.RECHARGE);
            assertThat(entry.getDebitAccount()).isEqualTo("@external-inflow:CNY");
            assertThat(entry.getCreditAccount()).isEqualTo("acc-1");
            assertThat(entry.getAmountMinor()).isEqualTo(40);
            assertThat(entry.getVersionBefore()).isEqualTo(2);
            assertThat(entry.getVersionAfter()).isEqualTo(3);
            assertThat(entry.getBalanceAfter()).isEqualTo(140);
        });
    }

    @Test
    void consumptionDebitsToExternalOutflowAndBumpsVersion() {
        LedgerOutcome outcome = decide("acc-1", consume(30, "CNY"));

        assertThat(outcome.balanceAfter().getBalance()).isEqualTo(70);
        assertThat(outcome.balanceAfter().getVersion()).isEqualTo(3);
        assertThat(outcome.entries()).extracting(LedgerEntry::getDebitAccount, LedgerEntry::getCreditAccount)
                .containsExactly(tuple("acc-1", "@external-outflow:CNY"));
    }

    @Test
    void holdFreezesAvailableButKeepsBalance() {
        LedgerOutcome outcome = decide("acc-1", hold("h-1", 60, "CNY", null));

        assertThat(outcome.balanceAfter()).extracting(AccountBalance::getBalance, AccountBalance::getAvailable,
                AccountBalance::getHeld).containsExactly(100L, 40L, 60L);
        assertThat(outcome.entries()).extracting(LedgerEntry::getDebitAccount, LedgerEntry::getCreditAccount)
                .containsExactly(tuple("acc-1", "@holds:acc-1"));
        assertThat(outcome.holds()).singleElement().extracting(h -> h.getStatus()).isEqualTo(HoldStatus.OPEN);
        assertRejected(decide("acc-1", consume(41, "CNY")), RejectionCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void partialCaptureSpendsPartAndReleasesTheRest() {
        decide("acc-1", hold("h-1", 60, "CNY", null));

        LedgerOutcome outcome = decide("acc-1", capture("h-1", 25L));

        assertThat(outcome.balanceAfter()).extracting(AccountBalance::getBalance, AccountBalance::getAvailable,
                AccountBalance::getHeld).containsExactly(75L, 75L, 0L);
        assertThat(outcome.entries()).extracting(LedgerEntry::getKind, LedgerEntry::getDebitAccount,
                        LedgerEntry::getCreditAccount, LedgerEntry::getAmountMinor)
                .containsExactly(tuple(EntryKind.HOLD_CAPTURE, "@holds:acc-1", "@external-outflow:CNY", 25L),
                        tuple(EntryKind.HOLD_RELEASE, "@holds:acc-1", "acc-1", 35L));
        assertThat(view.hold("h-1").getStatus()).isEqualTo(HoldStatus.CAPTURED);
        assertRejected(decide("acc-1", release("h-1")), RejectionCode.HOLD_NOT_OPEN);
    }

    @Test
    void captureBeyondTheHoldAndHoldsOfOtherAccountsAreRefused() {
        decide("acc-1", hold("h-1", 60, "CNY", null));
        decide("acc-2", open("CNY"));

        assertRejected(decide("acc-1", capture("h-1", 61L)), RejectionCode.AMOUNT_EXCEEDS_HOLD);
        assertRejected(decide("acc-2", release("h-1")), RejectionCode.HOLD_NOT_FOUND);
        assertRejected(decide("acc-1", capture("no-such-hold", null)), RejectionCode.HOLD_NOT_FOUND);
    }

    @Test
    void releaseAndExpiryGiveTheWholeHoldBack() {
        decide("acc-1", hold("h-1", 60, "CNY", null));
        decide("acc-1", hold("h-2", 30, "CNY", T0.plusSeconds(60)));

        LedgerOutcome released = decide("acc-1", release("h-1"));
        LedgerOutcome expired = view.apply(decider.expire(view, view.hold("h-2"), T0.plusSeconds(61)));

        assertThat(released.balanceAfter().getAvailable()).isEqualTo(70);
        assertThat(expired.decision().getRequestId()).isEqualTo("hold-expiry:h-2");
        assertThat(expired.entries()).extracting(LedgerEntry::getKind).containsExactly(EntryKind.HOLD_EXPIRY);
        assertThat(expired.balanceAfter()).extracting(AccountBalance::getAvailable, AccountBalance::getHeld)
                .containsExactly(100L, 0L);
        assertThat(view.hold("h-2").getStatus()).isEqualTo(HoldStatus.EXPIRED);
    }

    @Test
    void adjustmentNeedsAReasonAndPostsAgainstTheAdjustmentsAccount() {
        assertRejected(decide("acc-1", adjust(5, "CNY", " ")), RejectionCode.MISSING_REASON);

        LedgerOutcome down = decide("acc-1", adjust(-30, "CNY", "duplicate charge reversed wrongly"));

        assertThat(down.balanceAfter().getBalance()).isEqualTo(70);
        assertThat(down.entries()).extracting(LedgerEntry::getDebitAccount, LedgerEntry::getCreditAccount)
                .containsExactly(tuple("acc-1", "@adjustments:CNY"));
        assertRejected(decide("acc-1", adjust(-71, "CNY", "too much")), RejectionCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void transferDebitsTheSourceIntoFlightAndSendsACreditLeg() {
        LedgerOutcome outcome = decide("acc-1", transfer("t-1", "acc-2", 40, "CNY"));

        assertThat(outcome.balanceAfter().getBalance()).isEqualTo(60);
        assertThat(outcome.entries()).extracting(LedgerEntry::getCreditAccount).containsExactly("@transfers-in-flight:CNY");
        assertThat(outcome.transferLegs()).singleElement().satisfies(leg -> {
            assertThat(leg.getAccountId()).isEqualTo("acc-2");
            assertThat(leg.getRequestId()).isEqualTo("t-1:in");
            assertThat(leg.getCommand()).isInstanceOf(TransferIn.class);
        });
        assertRejected(decide("acc-1", transfer("t-2", "acc-1", 1, "CNY")), RejectionCode.TRANSFER_TO_SELF);
        assertRejected(decide("acc-1", transfer("t-3", "acc-2", 61, "CNY")), RejectionCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void aTransferToAMissingAccountIsRefusedAndRefunded() {
        LedgerOutcome out = decide("acc-1", transfer("t-1", "nobody", 40, "CNY"));

        LedgerOutcome in = view.apply(decider.decide(view, out.transferLegs().getFirst(), T0));
        assertRejected(in, RejectionCode.ACCOUNT_NOT_OPEN);
        assertThat(in.transferLegs()).singleElement().satisfies(leg -> {
            assertThat(leg.getAccountId()).isEqualTo("acc-1");
            assertThat(leg.getCommand()).isInstanceOf(TransferRefund.class);
        });

        LedgerOutcome refund = view.apply(decider.decide(view, in.transferLegs().getFirst(), T0));
        assertThat(refund.balanceAfter().getBalance()).isEqualTo(100);
        assertThat(refund.entries()).extracting(LedgerEntry::getKind).containsExactly(EntryKind.TRANSFER_REFUND);
    }

    @Test
    void overdraftLimitLetsAvailableGoThatFarBelowZeroAndNoFurther() {
        assertRejected(decide("acc-1", overdraft(-1)), RejectionCode.INVALID_LIMIT);
        decide("acc-1", overdraft(50));

        assertThat(decide("acc-1", consume(150, "CNY")).balanceAfter().getAvailable()).isEqualTo(-50);
        assertRejected(decide("acc-1", consume(1, "CNY")), RejectionCode.INSUFFICIENT_FUNDS);
        assertRejected(decide("acc-1", overdraft(49)), RejectionCode.INVALID_LIMIT);
    }

    @Test
    void aHoldIdCanBePlacedOnlyOnce() {
        decide("acc-1", hold("h-1", 10, "CNY", null));

        assertRejected(decide("acc-1", hold("h-1", 10, "CNY", null)), RejectionCode.HOLD_ALREADY_EXISTS);
    }

    @Test
    void aCaptureMadeBeforeTheExpiryIsDecidedAsOpenWhateverTheDecisionTime() {
        decide("acc-1", hold("h-1", 60, "CNY", T0.plusSeconds(30)));
        AccountCommand capture = Commands.commandAt("req-c", "acc-1", T0.plusSeconds(30).minusMillis(1), capture("h-1", null));

        assertThat(decider.holdExpiredBy(view, capture)).isEmpty();
        LedgerOutcome outcome = decider.decide(view, capture, T0.plusSeconds(3_600));

        assertThat(outcome.decision().getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED);
    }

    @Test
    void aCaptureOrReleaseMadeAtTheExpiryFindsTheHoldExpired() {
        decide("acc-1", hold("h-1", 60, "CNY", T0.plusSeconds(30)));
        for (Object body : List.of(capture("h-1", 10L), release("h-1"))) {
            AccountCommand late = Commands.commandAt("req-late", "acc-1", T0.plusSeconds(30), body);

            assertThat(decider.holdExpiredBy(view, late)).get().extracting(h -> h.getHoldId()).isEqualTo("h-1");
            assertRejected(decider.decide(view, late, T0), RejectionCode.HOLD_EXPIRED);
        }
    }

    @Test
    void aHoldBeforeItsDeadlineOrOfAnotherAccountIsNotExpiredByACommand() {
        decide("acc-1", hold("h-1", 60, "CNY", null));
        decide("acc-1", hold("h-2", 10, "CNY", T0.plusSeconds(1)));

        assertThat(decider.holdExpiredBy(view, Commands.commandAt("r", "acc-1", T0.plusSeconds(86_400), capture("h-1", null))))
                .isEmpty();
        assertThat(decider.holdExpiredBy(view, Commands.commandAt("r", "acc-2", T0.plusSeconds(86_400), release("h-2"))))
                .isEmpty();
    }

    /** No hold stays open for ever: one placed without an expiry gets the longest lifetime from its request. */
    @Test
    void aHoldPlacedWithoutExpiryExpiresTheLongestLifetimeAfterItsRequest() {
        decide("acc-1", hold("h-1", 60, "CNY", null));

        assertThat(view.hold("h-1").getExpiresAt()).isEqualTo(T0.plus(HoldLifetime.MAX));
        Instant justBefore = T0.plus(HoldLifetime.MAX).minusMillis(1);
        assertThat(decider.holdExpiredBy(view, Commands.commandAt("r1", "acc-1", justBefore, capture("h-1", null))))
                .isEmpty();
        assertThat(decider.holdExpiredBy(view,
                Commands.commandAt("r2", "acc-1", T0.plus(HoldLifetime.MAX), capture("h-1", null)))).isPresent();
    }

    @Test
    void commandsOnAnAccountThatIsNotOpenAreRejected() {
        assertRejected(decide("nobody", recharge(5, "CNY")), RejectionCode.ACCOUNT_NOT_OPEN);
    }

    private LedgerOutcome decide(String accountId, Object body) {
        return view.apply(decider.decide(view, command("req-" + ++requests, accountId, body), T0));
    }

    private static void assertRejected(LedgerOutcome outcome, RejectionCode code) {
        assertThat(outcome.decision().getOutcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(outcome.decision().getRejectionCode()).isEqualTo(code);
        assertThat(outcome.decision().getReason()).isNotBlank();
        assertThat(outcome.balanceAfter()).isNull();
        assertThat(outcome.entries()).isEmpty();
        assertThat(outcome.holds()).isEmpty();
    }
}
