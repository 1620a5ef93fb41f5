package io.cloudphone.ledger.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerDeciderTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private final LedgerDecider decider = new LedgerDecider();

    @Test
    void opensAccountAtZeroWithVersionOne() {
        LedgerOutcome outcome = decider.decide(null, command(OpenAccount.newBuilder().setCurrency("CNY").build()), AT);

        assertThat(outcome.decision().getOutcome()).isEqualTo(DecisionOutcome.ACCEPTED);
        assertThat(outcome.balanceAfter().getBalance()).isZero();
        assertThat(outcome.balanceAfter().getVersion()).isEqualTo(1);
        assertThat(outcome.entries()).isEmpty();
    }

    @Test
    void refusesToOpenAnAccountTwice() {
        LedgerOutcome outcome = decider.decide(balance(0), command(OpenAccount.newBuilder().setCurrency("CNY").build()), AT);

        assertThat(outcome.decision().getRejectionCode()).isEqualTo(RejectionCode.ACCOUNT_ALREADY_OPEN);
        assertThat(outcome.balanceAfter()).isNull();
    }

    @Test
    void rejectsOtherCurrency() {
        LedgerOutcome outcome = decider.decide(balance(100), command(recharge(5, "USD")), AT);

        assertThat(outcome.decision().getRejectionCode()).isEqualTo(RejectionCode.CURRENCY_MISMATCH);
        assertThat(outcome.entries()).isEmpty();
    }

    @Test
    void rejectsRechargeThatWouldOverflow() {
        LedgerOutcome outcome = decider.decide(balance(Long.MAX_VALUE - 1), command(recharge(2, "CNY")), AT);

        assertThat(outcome.decision().getRejectionCode()).isEqualTo(RejectionCode.BALANCE_OVERFLOW);
        assertThat(outcome.balanceAfter()).isNull();
    }

    @Test
    void rejectsNonPositiveAmounts() {
        assertThat(decider.decide(balance(100), command(recharge(0, "CNY")), AT).decision().getRejectionCode())
                .isEqualTo(RejectionCode.INVALID_AMOUNT);
        assertThat(decider.decide(balance(100), command(consume(-1)), AT).decision().getRejectionCode())
                .isEqualTo(RejectionCode.INVALID_AMOUNT);
    }

    @Test
    void rejectsConsumptionOfLongMaxOnEmptyAccountWithoutOverflow() {
        LedgerOutcome outcome = decider.decide(balance(0), command(consume(Long.MAX_VALUE)), AT);

        assertThat(outcome.decision().getRejectionCode()).isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void consumptionDebitsAndBumpsVersion() {
        LedgerOutcome outcome = decider.decide(balance(100), command(consume(30)), AT);

        assertThat(outcome.balanceAfter().getBalance()).isEqualTo(70);
        assertThat(outcome.balanceAfter().getAvailable()).isEqualTo(70);
        assertThat(outcome.balanceAfter().getVersion()).isEqualTo(6);
        assertThat(outcome.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.getAmountMinor()).isEqualTo(-30);
            assertThat(entry.getVersionBefore()).isEqualTo(5);
            assertThat(entry.getBalanceAfter()).isEqualTo(70);
        });
    }

    private static AccountBalance balance(long amount) {
        return AccountBalance.newBuilder().setAccountId("acc-1").setCurrency("CNY")
                .setBalance(amount).setAvailable(amount).setVersion(5).setUpdatedAt(AT).build();
    }

    private static Recharge recharge(long amount, String currency) {
        return Recharge.newBuilder().setAmountMinor(amount).setCurrency(currency).build();
    }

    private static Consume consume(long amount) {
        return Consume.newBuilder().setAmountMinor(amount).setCurrency("CNY").build();
    }

    private static AccountCommand command(Object body) {
        return AccountCommand.newBuilder().setRequestId("req-1").setAccountId("acc-1").setOccurredAt(AT)
                .setCommand(body).build();
    }
}
