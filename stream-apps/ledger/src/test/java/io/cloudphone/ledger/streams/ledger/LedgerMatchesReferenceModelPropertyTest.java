package io.cloudphone.ledger.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static io.cloudphone.ledger.streams.ledger.GeneratedRuns.examples;
import static io.cloudphone.ledger.streams.ledger.GeneratedRuns.runs;
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
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ledger topology against the independent model of {@code infra/reference-ledger}: over {@link GeneratedRuns},
 * every decision (outcome, code, numbers, entries), every transfer's legs and every final balance must be what the
 * model derives from the commands alone, also when Debezium delivers commands again.
 */
class LedgerMatchesReferenceModelPropertyTest {

    /** The request id the ledger gives its own expiry of a hold: {@code hold-expiry:<holdId>} (README). */
    private static final String HOLD_EXPIRY_PREFIX = "hold-expiry:";

    @Test
    void everyDecisionIsWhatTheReferenceModelDerivesFromTheCommands() {
        Coverage coverage = new Coverage();
        examples("everyDecisionIsWhatTheReferenceModelDerivesFromTheCommands").forAll(runs())
                .checkAssert(steps -> agreesWithModel(steps, LedgerRun.run(steps), coverage));
        coverage.assertSearchedEverywhere("everyDecisionIsWhatTheReferenceModelDerivesFromTheCommands");
        coverage.assertLegsJudged(GeneratedRuns.EXAMPLES);
    }

    @Test
    void redeliveredCommandsAreDecidedOnceAsTheModelSays() {
        Coverage coverage = new Coverage();
        examples("redeliveredCommandsAreDecidedOnceAsTheModelSays").forAll(runs(), longs().all())
                .checkAssert((steps, seed) -> agreesWithModel(steps,
                        LedgerRun.run(GeneratedRuns.withRedeliveries(steps, new Random(seed))), coverage));
        coverage.assertSearchedEverywhere("redeliveredCommandsAreDecidedOnceAsTheModelSays");
    }

    /**
     * The model has no clock: it takes the ledger's word for when a hold expired. So here, from the commands' own
     * times: no hold expires before its expiresAt, and no capture or release made at or after it is accepted.
     */
    @Test
    void aHoldExpiresOnlyOnceItsTimeHasComeAndIsNeverUsedAfter() {
        long[] judged = new long[2];
        examples("aHoldExpiresOnlyOnceItsTimeHasComeAndIsNeverUsedAfter").forAll(runs()).checkAssert(steps -> {
            Map<String, AccountCommand> commands = new HashMap<>();
            steps.stream().filter(Deliver.class::isInstance).map(step -> ((Deliver) step).command())
                    .forEach(command -> commands.put(command.getRequestId(), command));
            Map<String, Instant> expiries = new HashMap<>();
            for (LedgerDecision decision : LedgerRun.run(steps).decisions()) {
                if (decision.getOutcome() != DecisionOutcome.ACCEPTED) {
                    continue;
                }
                switch (decision.getOperation()) {
                    case "PlaceHold" -> {
                        PlaceHold placed = (PlaceHold) commands.get(decision.getRequestId()).getCommand();
                        if (placed.getExpiresAt() != null) {
                            expiries.put(placed.getHoldId(), placed.getExpiresAt());
                        }
                    }
                    case "HoldExpired" -> {
                        String holdId = decision.getRequestId().substring(HOLD_EXPIRY_PREFIX.length());
                        assertThat(decision.getDecidedAt()).as("expiry of %s", holdId)
                                .isAfterOrEqualTo(expiries.get(holdId));
                        judged[0]++;
                    }
                    case "CaptureHold", "ReleaseHold" -> {
                        AccountCommand used = commands.get(decision.getRequestId());
                        String holdId = used.getCommand() instanceof CaptureHold capture ? capture.getHoldId()
                                : ((ReleaseHold) used.getCommand()).getHoldId();
                        if (expiries.containsKey(holdId)) {
                            assertThat(used.getOccurredAt()).as("%s of %s", decision.getOperation(), holdId)
                                    .isBefore(expiries.get(holdId));
                            judged[1]++;
                        }
                    }
                    default -> {
                    }
                }
            }
        });
        System.out.printf("judged %d expiries and %d uses of holds that had an expiry%n", judged[0], judged[1]);
        assertThat(judged[0]).as("expiries judged").isGreaterThan(GeneratedRuns.EXAMPLES / 10);
        assertThat(judged[1]).as("uses of expiring holds judged").isGreaterThan(GeneratedRuns.EXAMPLES / 10);
    }

    private static void agreesWithModel(List<Step> steps, Outputs outputs, Coverage coverage) {
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
        coverage.count(outputs.decisions());
        coverage.countLegs(verdict.legsJudged());
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
}
