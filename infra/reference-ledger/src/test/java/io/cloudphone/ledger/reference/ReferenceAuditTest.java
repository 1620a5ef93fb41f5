package io.cloudphone.ledger.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.reference.ClientRecord.Answer;
import io.cloudphone.ledger.reference.ClientRequest.CaptureHold;
import io.cloudphone.ledger.reference.ClientRequest.Consume;
import io.cloudphone.ledger.reference.ClientRequest.Open;
import io.cloudphone.ledger.reference.ClientRequest.PlaceHold;
import io.cloudphone.ledger.reference.ClientRequest.Recharge;
import io.cloudphone.ledger.reference.ClientRequest.Transfer;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit against a ledger that publishes what it must (built here from a second model run), and against the
 * same output broken the ways a crash could break it: each break must be found.
 */
class ReferenceAuditTest {

    private final ClientRecord client = new ClientRecord();
    private final List<LedgerDecision> decisions = new ArrayList<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final ReferenceLedger truth = new ReferenceLedger();

    @BeforeEach
    void twoAccountsWithAHoldATransferAndARefusal() {
        sentAndDecided(new Open("oa", "a", "CNY"));
        sentAndDecided(new Open("ob", "b", "CNY"));
        sentAndDecided(new Recharge("ra", "a", 1_000, "CNY"));
        sentAndDecided(new PlaceHold("pa", "a", "h1", 300, "CNY"));
        sentAndDecided(new Transfer("t1", "a", "b", 200, "CNY"));
        sentAndDecided(new Consume("cb", "b", 50, "CNY")); // before the credit lands: rejected
        published(truth.creditLeg("t1"));
        sentAndDecided(new CaptureHold("ca", "a", "h1", OptionalLong.of(100)));
        sentAndDecided(new Consume("cb2", "b", 50, "CNY")); // after it: accepted
    }

    @Test
    void aLedgerThatDecidedWhatItMustAgrees() {
        ReferenceAudit.Verdict verdict = ReferenceAudit.judge(client, decisions, entries);

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.decisionsJudged()).isEqualTo(9);
        assertThat(verdict.legsJudged()).isEqualTo(1);
        assertThat(verdict.model().balance("b").orElseThrow().available()).isEqualTo(150);
    }

    @Test
    void aLedgerThatLostItsHoldsFindsNoHoldToCaptureAndIsCaught() {
        replaceDecision("ca", decision -> decision.setOutcome(DecisionOutcome.REJECTED)
                .setRejectionCode(RejectionCode.HOLD_NOT_FOUND));
        entries.removeIf(entry -> entry.getRequestId().equals("ca"));

        ReferenceAudit.Verdict verdict = ReferenceAudit.judge(client, decisions, entries);

        assertThat(verdict.findings())
                .anySatisfy(finding -> assertThat(finding).contains("request ca").contains("HOLD_NOT_FOUND"));
        assertThat(verdict.mayStillAgree()).as("a wrong decision is final").isFalse();
    }

    @Test
    void aDroppedLegLeavesMoneyInFlightAndIsCaught() {
        decisions.removeIf(decision -> decision.getRequestId().equals("t1:in"));
        entries.removeIf(entry -> entry.getRequestId().equals("t1:in"));
        // Without the credit, b's second consumption must have been rejected too; publish it so.
        replaceDecision("cb2", decision -> decision.setOutcome(DecisionOutcome.REJECTED)
                .setRejectionCode(RejectionCode.INSUFFICIENT_FUNDS).setBalanceAfter(0).setAvailableAfter(0)
                .setVersionAfter(1));
        entries.removeIf(entry -> entry.getRequestId().equals("cb2"));

        ReferenceAudit.Verdict verdict = ReferenceAudit.judge(client, decisions, entries);

        assertThat(verdict.findings()).anySatisfy(finding -> assertThat(finding).contains("transfer t1 never settled"));
        assertThat(verdict.findings()).anySatisfy(finding -> assertThat(finding).contains("@transfers-in-flight holds 200"));
        assertThat(verdict.mayStillAgree()).as("a leg not decided yet may still come").isTrue();
    }

    @Test
    void aDuplicateDecisionOrADuplicateEntryIsCaught() {
        LedgerDecision recharge = decisions.stream().filter(d -> d.getRequestId().equals("ra")).findFirst().orElseThrow();
        decisions.add(decisions.indexOf(recharge) + 1, LedgerDecision.newBuilder(recharge).build());
        assertThat(ReferenceAudit.judge(client, decisions, entries).findings())
                .anySatisfy(finding -> assertThat(finding).contains("ra decided more than once"));

        decisions.remove(decisions.indexOf(recharge) + 1);
        entries.add(LedgerEntry.newBuilder(entries.stream().filter(e -> e.getRequestId().equals("ra")).findFirst()
                .orElseThrow()).build());
        assertThat(ReferenceAudit.judge(client, decisions, entries).findings())
                .anySatisfy(finding -> assertThat(finding).contains("request ra").contains("entries expected"));
    }

    @Test
    void decisionsOutOfTheClientsOrderAreCaught() {
        int placed = indexOf("pa");
        decisions.add(placed + 1, decisions.remove(placed)); // the hold decided after the transfer

        assertThat(ReferenceAudit.judge(client, decisions, entries).findings())
                .anySatisfy(finding -> assertThat(finding).contains("not the client's next request"));
    }

    @Test
    void anAcceptedRequestThatIsNeverDecidedIsCaught() {
        client.sent(new Consume("lost", "a", 1, "CNY"), Answer.ACCEPTED);

        assertThat(ReferenceAudit.judge(client, decisions, entries).findings())
                .anySatisfy(finding -> assertThat(finding).contains("lost").contains("never decided"));
    }

    @Test
    void aRequestWithoutAnswerMayBeDecidedOrNotButARefusedOneMustNotBe() {
        client.sent(new Consume("unknown", "a", 1, "CNY"), Answer.NO_ANSWER);
        assertThat(ReferenceAudit.judge(client, decisions, entries).findings()).isEmpty();
        published(truth.decide(new Consume("unknown", "a", 1, "CNY")));
        assertThat(ReferenceAudit.judge(client, decisions, entries).findings()).isEmpty();

        client.sent(new Consume("refused", "a", 1, "CNY"), Answer.REFUSED);
        published(truth.decide(new Consume("refused", "a", 1, "CNY")));
        assertThat(ReferenceAudit.judge(client, decisions, entries).findings())
                .anySatisfy(finding -> assertThat(finding).contains("refused to its client but decided"));
    }

    private void sentAndDecided(ClientRequest request) {
        client.sent(request, Answer.ACCEPTED);
        published(truth.decide(request));
    }

    /** What a correct ledger publishes for this decision. */
    private void published(Expected expected) {
        Instant at = Instant.parse("2026-12-02T00:00:00Z");
        decisions.add(LedgerDecision.newBuilder().setRequestId(expected.requestId()).setAccountId(expected.accountId())
                .setOutcome(expected.outcome()).setRejectionCode(expected.rejectionCode()).setReason(null)
                .setCurrency("CNY").setBalanceAfter(expected.balanceAfter()).setAvailableAfter(expected.availableAfter())
                .setHeldAfter(expected.heldAfter()).setOperation(expected.operation())
                .setVersionAfter(expected.versionAfter()).setDecidedAt(at).build());
        for (int index = 0; index < expected.moves().size(); index++) {
            Expected.Move move = expected.moves().get(index);
            entries.add(LedgerEntry.newBuilder().setEntryId(expected.requestId() + "#" + index)
                    .setRequestId(expected.requestId()).setAccountId(expected.accountId()).setKind(move.kind())
                    .setDebitAccount(move.debit()).setCreditAccount(move.credit()).setAmountMinor(move.amount())
                    .setCurrency("CNY").setVersionBefore(expected.versionAfter() - 1)
                    .setVersionAfter(expected.versionAfter()).setBalanceAfter(expected.balanceAfter())
                    .setAvailableAfter(expected.availableAfter()).setHeldAfter(expected.heldAfter())
                    .setRecordedAt(at).build());
        }
    }

    private void replaceDecision(String requestId, java.util.function.Consumer<LedgerDecision.Builder> change) {
        int index = indexOf(requestId);
        LedgerDecision.Builder changed = LedgerDecision.newBuilder(decisions.get(index));
        change.accept(changed);
        decisions.set(index, changed.build());
    }

    private int indexOf(String requestId) {
        for (int index = 0; index < decisions.size(); index++) {
            if (decisions.get(index).getRequestId().equals(requestId)) {
                return index;
            }
        }
        throw new IllegalArgumentException(requestId);
    }
}
