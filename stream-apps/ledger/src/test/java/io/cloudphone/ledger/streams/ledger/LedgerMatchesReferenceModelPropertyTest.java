package io.cloudphone.ledger.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudphone.ledger.reference.ClientRecord;
import io.cloudphone.ledger.reference.ClientRequest;
import io.cloudphone.ledger.reference.ReferenceAudit;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Adjust;
import io.cloudphone.ledger.schemas.account.CaptureHold;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.PlaceHold;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.account.ReleaseHold;
import io.cloudphone.ledger.schemas.account.SetOverdraftLimit;
import io.cloudphone.ledger.schemas.account.TransferOut;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Deliver;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Outputs;
import io.cloudphone.ledger.streams.ledger.LedgerRun.Step;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * The ledger topology against the independent model of {@code infra/reference-ledger}: over the generated runs of
 * {@link LedgerInvariantsPropertyTest}, every decision (outcome, code, numbers, entries), every transfer's legs
 * and every final balance must be what the model derives from the commands alone, also when Debezium delivers
 * commands again. Fixed, printed seed as there.
 */
class LedgerMatchesReferenceModelPropertyTest {

    private static final int EXAMPLES = 200;
    /** Each shrink step is a run of the topology (~0.1 s): bounded, so that a failure is reported in a minute. */
    private static final int SHRINK_CYCLES = 300;

    @Test
    void everyDecisionIsWhatTheReferenceModelDerivesFromTheCommands() {
        Map<String, Integer> judged = new TreeMap<>();
        examples("everyDecisionIsWhatTheReferenceModelDerivesFromTheCommands").forAll(LedgerInvariantsPropertyTest.runs())
                .checkAssert(steps -> agreesWithModel(steps, LedgerRun.run(steps), judged));
        System.out.println("judged across the examples: " + judged);
        // A property whose runs never reach a rule proves nothing about it: every kind of case must be judged.
        assertThat(judged).containsKeys("accepted", "rejected", "legs");
        int decisions = judged.get("accepted") + judged.get("rejected");
        assertThat(judged.get("accepted")).as("share accepted").isGreaterThan(decisions / 3);
        assertThat(judged.get("rejected")).as("share rejected").isGreaterThan(decisions / 10);
        assertThat(judged.get("legs")).isGreaterThan(EXAMPLES / 4);
        assertThat(judged).as("cases judged").containsKeys("PlaceHold ACCEPTED", "CaptureHold ACCEPTED",
                "ReleaseHold ACCEPTED", "HoldExpired ACCEPTED", "TransferOut ACCEPTED", "TransferIn ACCEPTED",
                "TransferRefund ACCEPTED", "Consume REJECTED INSUFFICIENT_FUNDS", "Recharge REJECTED BALANCE_OVERFLOW",
                "CaptureHold REJECTED AMOUNT_EXCEEDS_HOLD", "CaptureHold REJECTED HOLD_EXPIRED",
                "PlaceHold REJECTED HOLD_ALREADY_EXISTS", "SetOverdraftLimit ACCEPTED", "Adjust ACCEPTED");
    }

    @Test
    void redeliveredCommandsAreDecidedOnceAsTheModelSays() {
        examples("redeliveredCommandsAreDecidedOnceAsTheModelSays").forAll(LedgerInvariantsPropertyTest.runs(), longs().all())
                .checkAssert((steps, seed) -> agreesWithModel(steps,
                        LedgerRun.run(LedgerInvariantsPropertyTest.withRedeliveries(steps, new Random(seed))),
                        new TreeMap<>()));
    }

    private static void agreesWithModel(List<Step> steps, Outputs outputs, Map<String, Integer> judged) {
        ClientRecord client = new ClientRecord();
        for (Step step : steps) {
            if (step instanceof Deliver deliver) {
                client.sent(clientRequest(deliver.command()), ClientRecord.Answer.ACCEPTED);
            }
        }

        ReferenceAudit.Verdict verdict = ReferenceAudit.judge(client, outputs.decisions(), outputs.entries());

        assertThat(verdict.findings()).as(verdict.summary(10)).isEmpty();
        outputs.finalBalances().forEach((accountId, balance) -> {
            var expected = verdict.model().balance(accountId).orElseThrow();
            assertThat(List.of(balance.getBalance(), balance.getAvailable(), balance.getHeld(), balance.getVersion()))
                    .as("final numbers of %s", accountId)
                    .containsExactly(expected.balance(), expected.available(), expected.held(), expected.version());
        });
        outputs.decisions().forEach(d -> {
            judged.merge(d.getOutcome().name().toLowerCase(), 1, Integer::sum);
            judged.merge(d.getOperation() + " " + d.getOutcome()
                    + (d.getRejectionCode() == null ? "" : " " + d.getRejectionCode()), 1, Integer::sum);
        });
        judged.merge("legs", verdict.legsJudged(), Integer::sum);
    }

    /** The command as its client asked it. */
    static ClientRequest clientRequest(AccountCommand command) {
        String id = command.getRequestId();
        String account = command.getAccountId();
        return switch (command.getCommand()) {
            case OpenAccount o -> new ClientRequest.Open(id, account, o.getCurrency());
            case Recharge r -> new ClientRequest.Recharge(id, account, r.getAmountMinor(), r.getCurrency());
            case Consume c -> new ClientRequest.Consume(id, account, c.getAmountMinor(), c.getCurrency());
            case Adjust a -> new ClientRequest.Adjust(id, account, a.getAmountMinor(), a.getCurrency(), a.getReason());
            case SetOverdraftLimit l -> new ClientRequest.SetOverdraftLimit(id, account, l.getLimitMinor());
            case PlaceHold h -> new ClientRequest.PlaceHold(id, account, h.getHoldId(), h.getAmountMinor(), h.getCurrency());
            case CaptureHold c -> new ClientRequest.CaptureHold(id, account, c.getHoldId(),
                    c.getAmountMinor() == null ? OptionalLong.empty() : OptionalLong.of(c.getAmountMinor()));
            case ReleaseHold r -> new ClientRequest.ReleaseHold(id, account, r.getHoldId());
            case TransferOut t -> new ClientRequest.Transfer(id, account, t.getToAccountId(), t.getAmountMinor(),
                    t.getCurrency());
            default -> throw new IllegalArgumentException("not a client's command: " + command);
        };
    }

    private static QuickTheory examples(String property) {
        long seed = LedgerInvariantsPropertyTest.SEED;
        System.out.printf("%s: %d examples, seed %d (-Dcpl.properties.seed=%d replays it)%n", property, EXAMPLES, seed, seed);
        return qt().withExamples(EXAMPLES).withFixedSeed(seed).withShrinkCycles(SHRINK_CYCLES);
    }
}
