package io.cloudphone.ledger.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static io.cloudphone.ledger.streams.ledger.GeneratedRuns.examples;
import static io.cloudphone.ledger.streams.ledger.GeneratedRuns.runs;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Outputs;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Step;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the ledger topology over {@link GeneratedRuns}: every entry moves money between two accounts and
 * balances are sums of entries (the whole of each decision is judged by {@link LedgerMatchesReferenceModelPropertyTest}),
 * limits hold, redelivery and repetition change nothing, versions move by one per acceptance.
 */
class LedgerInvariantsPropertyTest {

    @Test
    void everyBalanceIsTheSumOfItsEntries() {
        Coverage coverage = new Coverage();
        examples("everyBalanceIsTheSumOfItsEntries").forAll(runs())
                .checkAssert(steps -> balancesAreSumsOfEntries(steps, coverage));
        coverage.assertSearchedEverywhere("everyBalanceIsTheSumOfItsEntries");
    }

    private static void balancesAreSumsOfEntries(List<Step> steps, Coverage coverage) {
        Outputs outputs = LedgerRun.run(steps);
        coverage.count(outputs.decisions());

        // Sums in BigInteger: system accounts collect the generated near-Long.MAX_VALUE amounts many times over.
        Map<String, BigInteger> netByLedgerAccount = net(outputs.entries());
        assertThat(outputs.entries()).allSatisfy(entry -> {
            assertThat(entry.getAmountMinor()).isPositive();
            assertThat(entry.getDebitAccount()).isNotEqualTo(entry.getCreditAccount());
        });
        outputs.finalBalances().forEach((accountId, balance) -> {
            assertThat(BigInteger.valueOf(balance.getAvailable())).as("available of %s", accountId)
                    .isEqualTo(netByLedgerAccount.getOrDefault(accountId, BigInteger.ZERO));
            assertThat(BigInteger.valueOf(balance.getHeld())).as("held of %s", accountId)
                    .isEqualTo(netByLedgerAccount.getOrDefault(SystemAccounts.holds(accountId), BigInteger.ZERO));
        });
    }

    @Test
    void availableNeverGoesBelowMinusTheOverdraftLimit() {
        examples("availableNeverGoesBelowMinusTheOverdraftLimit").forAll(runs()).checkAssert(steps -> {
            Outputs outputs = LedgerRun.run(steps);

            assertThat(outputs.balances()).allSatisfy(balance -> {
                assertThat(balance.getAvailable()).isGreaterThanOrEqualTo(-balance.getOverdraftLimit());
                assertThat(balance.getHeld()).isNotNegative();
                assertThat(balance.getAvailable()).isEqualTo(balance.getBalance() - balance.getHeld());
            });
            assertThat(outputs.decisions()).extracting(LedgerDecision::getRequestId).doesNotHaveDuplicates();
        });
    }

    @Test
    void deliveringAnyCommandTwiceChangesNothing() {
        examples("deliveringAnyCommandTwiceChangesNothing").forAll(runs(), longs().all()).checkAssert((steps, seed) -> {
            Outputs once = LedgerRun.run(steps);

            Outputs twice = LedgerRun.run(GeneratedRuns.withRedeliveries(steps, new Random(seed)));

            assertThat(twice).isEqualTo(once);
        });
    }

    /** The other properties run on in-memory stores ({@link LedgerRun}); production runs on RocksDB. */
    @Test
    void rocksDbStoresDecideExactlyAsTheInMemoryStoresTheOtherPropertiesUse() {
        examples("rocksDbStoresDecideExactlyAsTheInMemoryStoresTheOtherPropertiesUse").forAll(runs())
                .checkAssert(steps -> assertThat(LedgerRun.runOnRocksDb(steps)).isEqualTo(LedgerRun.run(steps)));
    }

    @Test
    void theSameInputAlwaysGivesTheSameOutput() {
        examples("theSameInputAlwaysGivesTheSameOutput").forAll(runs())
                .checkAssert(steps -> assertThat(LedgerRun.run(steps)).isEqualTo(LedgerRun.run(steps)));
    }

    @Test
    void everyAcceptedDecisionChangesTheVersionByOneAndEveryRejectionByNothing() {
        examples("everyAcceptedDecisionChangesTheVersionByOneAndEveryRejectionByNothing").forAll(runs())
                .checkAssert(steps -> {
                    Outputs outputs = LedgerRun.run(steps);
                    Map<String, Long> versions = new HashMap<>();

                    for (LedgerDecision decision : outputs.decisions()) {
                        long before = versions.getOrDefault(decision.getAccountId(), 0L);
                        long expected = decision.getOutcome() == DecisionOutcome.ACCEPTED ? before + 1 : before;
                        assertThat(decision.getVersionAfter()).as(decision.toString()).isEqualTo(expected);
                        versions.put(decision.getAccountId(), expected);
                    }
                });
    }

    private static Map<String, BigInteger> net(List<LedgerEntry> entries) {
        Map<String, BigInteger> net = new HashMap<>();
        for (LedgerEntry entry : entries) {
            BigInteger amount = BigInteger.valueOf(entry.getAmountMinor());
            net.merge(entry.getCreditAccount(), amount, BigInteger::add);
            net.merge(entry.getDebitAccount(), amount.negate(), BigInteger::add);
        }
        return net;
    }
}
