package io.cloudphone.ledger.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Deliver;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Outputs;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Step;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Wait;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the ledger topology over generated sequences of every operation (opening, recharge,
 * consumption, holds with and without expiry, captures, releases, adjustments, transfers, overdraft limits,
 * amounts up to Long.MAX_VALUE, accounts not open, wrong currencies) interleaved with the passing of time.
 */
class LedgerPropertiesTest {

    /** CNY accounts and one USD account; "closed" is never opened. */
    static final List<String> ACCOUNTS = List.of("alpha", "beta", "gamma", "dollar", "closed");
    static final List<String> HOLD_IDS = List.of("h0", "h1", "h2", "h3", "h4");

    @Property(tries = 60)
    void anySequenceConservesMoneyAndEveryBalanceIsTheSumOfItsEntries(@ForAll("runs") List<Step> steps) {
        Outputs outputs = LedgerRun.run(steps);
        // Shows in the report which operations the generated runs exercised, accepted and rejected.
        outputs.decisions().forEach(d -> Statistics.collect(d.getOperation() + " " + d.getOutcome() + " " + d.getRejectionCode()));

        // Sums in BigInteger: system accounts collect the generated near-Long.MAX_VALUE amounts many times over.
        Map<String, BigInteger> netByLedgerAccount = net(outputs.entries());
        assertThat(outputs.entries()).allSatisfy(entry -> {
            assertThat(entry.getAmountMinor()).isPositive();
            assertThat(entry.getDebitAccount()).isNotEqualTo(entry.getCreditAccount());
        });
        assertThat(netByLedgerAccount.values().stream().reduce(BigInteger.ZERO, BigInteger::add)).isZero();
        outputs.finalBalances().forEach((accountId, balance) -> {
            assertThat(BigInteger.valueOf(balance.getAvailable())).as("available of %s", accountId)
                    .isEqualTo(netByLedgerAccount.getOrDefault(accountId, BigInteger.ZERO));
            assertThat(BigInteger.valueOf(balance.getHeld())).as("held of %s", accountId)
                    .isEqualTo(netByLedgerAccount.getOrDefault(SystemAccounts.holds(accountId), BigInteger.ZERO));
        });
    }

    @Property(tries = 60)
    void availableNeverGoesBelowMinusTheOverdraftLimit(@ForAll("runs") List<Step> steps) {
        Outputs outputs = LedgerRun.run(steps);

        assertThat(outputs.balances()).allSatisfy(balance -> {
            assertThat(balance.getAvailable()).isGreaterThanOrEqualTo(-balance.getOverdraftLimit());
            assertThat(balance.getHeld()).isNotNegative();
            assertThat(balance.getAvailable()).isEqualTo(balance.getBalance() - balance.getHeld());
        });
        assertThat(outputs.decisions()).extracting(LedgerDecision::getRequestId).doesNotHaveDuplicates();
    }

    @Property(tries = 30)
    void deliveringAnyCommandTwiceChangesNothing(@ForAll("runs") List<Step> steps, @ForAll long seed) {
        Outputs once = LedgerRun.run(steps);

        Outputs twice = LedgerRun.run(withRedeliveries(steps, new Random(seed)));

        assertThat(twice).isEqualTo(once);
    }

    @Property(tries = 30)
    void theSameInputAlwaysGivesTheSameOutput(@ForAll("runs") List<Step> steps) {
        assertThat(LedgerRun.run(steps)).isEqualTo(LedgerRun.run(steps));
    }

    @Property(tries = 30)
    void everyAcceptedDecisionChangesTheVersionByOneAndEveryRejectionByNothing(@ForAll("runs") List<Step> steps) {
        Outputs outputs = LedgerRun.run(steps);
        Map<String, Long> versions = new HashMap<>();

        for (LedgerDecision decision : outputs.decisions()) {
            long before = versions.getOrDefault(decision.getAccountId(), 0L);
            long expected = decision.getOutcome() == DecisionOutcome.ACCEPTED ? before + 1 : before;
            assertThat(decision.getVersionAfter()).as(decision.toString()).isEqualTo(expected);
            versions.put(decision.getAccountId(), expected);
        }
    }

    /** Each command delivered again somewhere after its first delivery, as Debezium does after a restart. */
    static List<Step> withRedeliveries(List<Step> steps, Random random) {
        List<Step> result = new ArrayList<>(steps);
        for (Step step : steps) {
            if (step instanceof Deliver deliver) {
                int first = result.indexOf(deliver);
                result.add(first + 1 + random.nextInt(result.size() - first), deliver);
            }
        }
        return result;
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

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(12, deliveries()),
                Tuple.of(1, Arbitraries.integers().between(1, 90).map(s -> new Wait(Duration.ofSeconds(s)))));
        return step.list().ofMinSize(5).ofMaxSize(80).map(LedgerPropertiesTest::withOpenings);
    }

    /** Every run opens and funds the accounts first, so that money moves; the generated steps may open them again. */
    private static List<Step> withOpenings(List<Step> generated) {
        List<Step> steps = new ArrayList<>();
        for (String account : List.of("alpha", "beta", "gamma", "dollar")) {
            String currency = account.equals("dollar") ? "USD" : "CNY";
            steps.add(new Deliver(Commands.command("open-" + account, account, Commands.open(currency))));
            steps.add(new Deliver(Commands.command("fund-" + account, account, Commands.recharge(5_000, currency))));
        }
        // Request ids must be unique per request: number the generated ones by position. Each command is made
        // when it is delivered (its occurredAt), as command-api stamps it; a redelivery repeats it unchanged.
        Instant now = Commands.T0;
        for (int i = 0; i < generated.size(); i++) {
            if (generated.get(i) instanceof Wait wait) {
                now = now.plus(wait.duration());
                steps.add(wait);
            } else if (generated.get(i) instanceof Deliver deliver) {
                steps.add(new Deliver(AccountCommand.newBuilder(deliver.command()).setRequestId("r" + i)
                        .setOccurredAt(now).build()));
            }
        }
        return steps;
    }

    private Arbitrary<Step> deliveries() {
        return Arbitraries.frequency(Tuple.of(4, "alpha"), Tuple.of(3, "beta"), Tuple.of(2, "gamma"),
                        Tuple.of(1, "dollar"), Tuple.of(1, "closed"))
                .flatMap(account -> body(account).map(b -> (Step) new Deliver(Commands.command("pending", account, b))));
    }

    /** Mostly in the account's own currency, sometimes not; amounts mostly small, sometimes absurd. */
    private static Arbitrary<Object> body(String account) {
        String own = account.equals("dollar") ? "USD" : "CNY";
        Arbitrary<String> currency = Arbitraries.frequency(Tuple.of(19, own), Tuple.of(1, own.equals("USD") ? "CNY" : "USD"));
        Arbitrary<String> holdId = Arbitraries.of(HOLD_IDS);
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.longs().between(1, 1_000)),
                Tuple.of(1, Arbitraries.longs().between(-5, 0)),
                Tuple.of(2, Arbitraries.longs().between(Long.MAX_VALUE / 2, Long.MAX_VALUE)));
        return Arbitraries.frequencyOf(
                Tuple.of(1, currency.map(Commands::open)),
                Tuple.of(5, Combinators.combine(amount, currency).as(Commands::recharge)),
                Tuple.of(3, Combinators.combine(amount, currency).as(Commands::consume)),
                Tuple.of(3, Combinators.combine(holdId, amount, currency, Arbitraries.integers().between(-1, 120))
                        .as((id, a, c, expiry) -> Commands.hold(id, a, c, expiry < 0 ? null
                                : Commands.T0.plusSeconds(expiry)))),
                Tuple.of(2, Combinators.combine(holdId, amount.injectNull(0.5)).as(Commands::capture)),
                Tuple.of(2, holdId.map(Commands::release)),
                Tuple.of(1, Combinators.combine(amount, Arbitraries.of(1L, -1L), currency, Arbitraries.of("fix", "fix", " "))
                        .as((a, sign, c, reason) -> Commands.adjust(a * sign, c, reason))),
                Tuple.of(3, Combinators.combine(Arbitraries.of(ACCOUNTS), amount, currency)
                        .as((to, a, c) -> Commands.transfer("t-" + to + "-" + a, to, a, c))),
                Tuple.of(1, Arbitraries.longs().between(-10, 2_000).map(Commands::overdraft)));
    }

}
