package io.cloudphone.ledger.streams.ledger;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.TransferOut;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Deliver;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Step;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The runs every ledger property searches: generated sequences of every operation (opening, recharge, consumption,
 * holds with and without expiry, captures, releases, adjustments, transfers, overdraft limits, amounts up to
 * Long.MAX_VALUE, accounts never opened, wrong currencies) over 22 accounts, interleaved with the passing of time.
 *
 * <p>QuickTheories with a fixed seed, printed before each property: a failure replays with
 * {@code -Dcpl.properties.seed=<seed>}, and QuickTheories shrinks it to a smaller failing sequence first. Each
 * property tries {@link #EXAMPLES} runs; the nightly profile ({@code -Pnightly}) tries 20,000.
 */
final class GeneratedRuns {

    /** The seed of every property's examples; fixed so that a run can be repeated exactly. */
    static final long SEED = Long.getLong("cpl.properties.seed", 20_261_122L);
    /** Examples per property: 1,000 in every build, more in the nightly profile. */
    static final int EXAMPLES = Integer.getInteger("cpl.properties.examples", 1_000);
    /** Each shrink step is a run of the topology (~20 ms): bounded, so that a failure is reported in a minute. */
    static final int SHRINK_CYCLES = 2_000;

    /**
     * A few hot accounts take most of the traffic, so that one account's holds, limits and overflows meet; the rest
     * make a run touch many accounts, as transfers and hold ids from other accounts do.
     */
    static final List<String> HOT = List.of("cny-00", "cny-01", "cny-02", "usd-00");
    static final List<String> OPEN = Stream.concat(HOT.stream(), Stream.concat(
            IntStream.range(3, 18).mapToObj(n -> "cny-%02d".formatted(n)), Stream.of("usd-01"))).toList();
    /** Never opened: every command on them must be refused. */
    static final List<String> NEVER_OPENED = List.of("closed-00", "closed-01");
    static final List<String> ACCOUNTS = Stream.concat(OPEN.stream(), NEVER_OPENED.stream()).toList();
    /**
     * Each account's own hold ids, reused so that a hold is placed twice, captured after its release and so on. A
     * hold id names one account's hold, as command-api's random ids do: none is placed on two accounts.
     */
    static final int HOLD_IDS_PER_ACCOUNT = 3;
    static final long FUNDING = 5_000;

    private GeneratedRuns() {
    }

    /** The property's examples: {@link #EXAMPLES}, the fixed seed (printed, to replay a failure). */
    static QuickTheory examples(String property) {
        System.out.printf("%s: %d examples, seed %d (-Dcpl.properties.seed=%d replays it)%n", property, EXAMPLES, SEED,
                SEED);
        return qt().withExamples(EXAMPLES).withFixedSeed(SEED).withShrinkCycles(SHRINK_CYCLES);
    }

    /** 5 to 120 steps: mostly deliveries, sometimes 1 to 90 s of waiting; then the openings and request ids. */
    static Gen<List<Step>> runs() {
        Gen<Step> step = Generate.frequency(
                Pair.of(12, deliveries()),
                Pair.of(1, integers().between(1, 90).map(seconds -> (Step) new Wait(Duration.ofSeconds(seconds)))));
        return lists().of(step).ofSizeBetween(5, 120).map(GeneratedRuns::withOpenings);
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

    static String currencyOf(String account) {
        return account.startsWith("usd") ? "USD" : "CNY";
    }

    /** Every run opens and funds the accounts first, so that money moves; the generated steps may open them again. */
    private static List<Step> withOpenings(List<Step> generated) {
        List<Step> steps = new ArrayList<>();
        for (String account : OPEN) {
            String currency = currencyOf(account);
            steps.add(new Deliver(Commands.command("open-" + account, account, Commands.open(currency))));
            steps.add(new Deliver(Commands.command("fund-" + account, account, Commands.recharge(FUNDING, currency))));
        }
        // Request ids must be unique per request: number the generated ones by position. Each command is made
        // when it is delivered (its occurredAt), as command-api stamps it; a redelivery repeats it unchanged.
        Instant now = Commands.T0;
        for (int i = 0; i < generated.size(); i++) {
            if (generated.get(i) instanceof Wait wait) {
                now = now.plus(wait.duration());
                steps.add(wait);
            } else if (generated.get(i) instanceof Deliver deliver) {
                String requestId = "r" + i;
                // As command-api does: a transfer's id is its request's.
                Object body = deliver.command().getCommand() instanceof TransferOut out
                        ? TransferOut.newBuilder(out).setTransferId(requestId).build() : deliver.command().getCommand();
                steps.add(new Deliver(AccountCommand.newBuilder(deliver.command()).setRequestId(requestId)
                        .setOccurredAt(now).setCommand(body).build()));
            }
        }
        return steps;
    }

    private static Gen<Step> deliveries() {
        Gen<String> account = Generate.frequency(Pair.of(6, Generate.pick(HOT)), Pair.of(3, Generate.pick(OPEN)),
                Pair.of(1, Generate.pick(NEVER_OPENED)));
        return account.flatMap(name -> body(name).map(b -> (Step) new Deliver(Commands.command("pending", name, b))));
    }

    /** Mostly in the account's own currency, sometimes not; amounts mostly small, sometimes absurd. */
    private static Gen<Object> body(String account) {
        String own = currencyOf(account);
        Gen<String> currency = Generate.frequency(Pair.of(19, Generate.constant(own)),
                Pair.of(1, Generate.constant(own.equals("USD") ? "CNY" : "USD")));
        Gen<String> ownHoldId = integers().between(0, HOLD_IDS_PER_ACCOUNT - 1).map(n -> account + "-h" + n);
        // Captured and released: mostly the account's own holds; sometimes another's, which it must not find.
        Gen<String> holdId = Generate.frequency(Pair.of(9, Generate.constant(account)), Pair.of(1, Generate.pick(ACCOUNTS)))
                .zip(integers().between(0, HOLD_IDS_PER_ACCOUNT - 1), (owner, n) -> owner + "-h" + n);
        Gen<Long> amount = Generate.frequency(
                Pair.of(40, longs().between(1, 1_000)),
                Pair.of(1, longs().between(-5, 0)),
                Pair.of(3, longs().between(Long.MAX_VALUE / 2, Long.MAX_VALUE)),
                // Within a funded balance of the top: about half of these overflow at once.
                Pair.of(1, longs().between(Long.MAX_VALUE - 2 * FUNDING, Long.MAX_VALUE)));
        // Half never expire, so that captures and releases find them open; the rest expire within 0 to 10 minutes.
        Gen<Optional<Instant>> expiry = Generate.frequency(Pair.of(1, Generate.constant(Optional.empty())),
                Pair.of(1, integers().between(0, 600).map(seconds -> Optional.of(Commands.T0.plusSeconds(seconds)))));
        Gen<Long> amountOrWhole = Generate.frequency(Pair.of(1, amount), Pair.of(1, Generate.constant((Long) null)));
        // Transfers mostly between the hot accounts, so that legs, refunds and overdrawn senders meet.
        Gen<String> transferTarget = Generate.frequency(Pair.of(2, Generate.pick(HOT)), Pair.of(1, Generate.pick(ACCOUNTS)));
        return Generate.frequency(
                Pair.of(1, currency.map(c -> (Object) Commands.open(c))),
                Pair.of(5, amount.zip(currency, (a, c) -> (Object) Commands.recharge(a, c))),
                Pair.of(3, amount.zip(currency, (a, c) -> (Object) Commands.consume(a, c))),
                Pair.of(3, ownHoldId.zip(amount, currency, expiry, (id, a, c, expiresAt) ->
                        (Object) Commands.hold(id, a, c, expiresAt.orElse(null)))),
                Pair.of(2, holdId.zip(amountOrWhole, (id, a) -> (Object) Commands.capture(id, a))),
                Pair.of(2, holdId.map(id -> (Object) Commands.release(id))),
                Pair.of(1, amount.zip(Generate.pick(List.of(1L, -1L)), currency, Generate.pick(List.of("fix", "fix", " ")),
                        (a, sign, c, reason) -> (Object) Commands.adjust(a * sign, c, reason))),
                Pair.of(3, transferTarget.zip(amount, currency, (to, a, c) ->
                        (Object) Commands.transfer("t-" + to + "-" + a, to, a, c))),
                Pair.of(1, longs().between(-10, 2_000).map(limit -> (Object) Commands.overdraft(limit))));
    }
}
