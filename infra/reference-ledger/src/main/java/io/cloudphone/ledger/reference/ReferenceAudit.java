package io.cloudphone.ledger.reference;

import io.cloudphone.ledger.reference.Expected.Move;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges what the ledger published against {@link ReferenceLedger}, fed the client's own {@link ClientRecord}.
 * Each account's decisions must be, in their topic order, the client's requests in the order it sent them (the
 * ones it got a 202 for, and those it got no answer for if they were written) interleaved only with the ledger's
 * own legs (a transfer's credit after its debit, a refund after a refused credit) and hold expiries; each one
 * with the outcome, code, numbers and entries the model gives. At the end every accepted request is decided,
 * every transfer settled (exactly one credit, or a refused credit and its refund) and nothing is left in flight.
 *
 * <p>The interleaving of legs is the one thing the client cannot know (they are decided on another account,
 * whenever the ledger gets there), so it is taken from the topic: the model is fed each leg where it appears.
 */
public final class ReferenceAudit {

    private static final String IN = ":in";
    private static final String REFUND = ":refund";
    private static final String EXPIRY = "hold-expiry:";

    private final ReferenceLedger model = new ReferenceLedger();
    private final List<String> findings = new ArrayList<>();
    /** Findings that more time could still resolve: a decision or a leg not made yet. The rest are final. */
    private final List<String> pendingFindings = new ArrayList<>();
    private final Map<String, Deque<ClientRecord.Sent>> pending = new LinkedHashMap<>();
    private final Map<String, Deque<LedgerDecision>> observed = new LinkedHashMap<>();
    private final Map<String, List<LedgerEntry>> entriesByDecision = new HashMap<>();
    private final Set<String> judged = new HashSet<>();
    private final Set<String> neverDecided = new HashSet<>();
    private int decisionsJudged;
    private int legsJudged;

    /**
     * The outcome: what disagreed (empty when nothing did), and the model's state after all of it.
     *
     * @param pending the findings that waiting could still resolve (a request or a leg not decided yet); a wrong,
     *                repeated or misplaced decision is published for good, so every other finding is final
     */
    public record Verdict(List<String> findings, List<String> pending, ReferenceLedger model, int decisionsJudged,
                          int legsJudged) {

        public boolean agrees() {
            return findings.isEmpty();
        }

        /** Whether a later snapshot could still agree: nothing is wrong yet, only missing. */
        public boolean mayStillAgree() {
            return pending.size() == findings.size();
        }

        /** The first findings, one per line, for an assertion message. */
        public String summary(int limit) {
            List<String> shown = findings.subList(0, Math.min(limit, findings.size()));
            return findings.size() + " finding(s):\n  " + String.join("\n  ", shown)
                    + (findings.size() > limit ? "\n  ..." : "");
        }
    }

    private ReferenceAudit(ClientRecord client, List<LedgerDecision> decisions, List<LedgerEntry> entries) {
        for (String account : client.accounts()) {
            pending.put(account, new ArrayDeque<>(client.of(account)));
            observed.put(account, new ArrayDeque<>());
            for (ClientRecord.Sent sent : client.of(account)) {
                // A destination no client wrote to still decides its credit legs (and refuses them if not open).
                if (sent.request() instanceof ClientRequest.Transfer transfer) {
                    observed.putIfAbsent(transfer.toAccountId(), new ArrayDeque<>());
                    pending.putIfAbsent(transfer.toAccountId(), new ArrayDeque<>());
                }
            }
        }
        for (LedgerDecision decision : decisions) {
            Deque<LedgerDecision> ofAccount = observed.get(decision.getAccountId());
            if (ofAccount != null) {
                ofAccount.add(decision);
            }
        }
        for (LedgerEntry entry : entries) {
            if (observed.containsKey(entry.getAccountId())) {
                entriesByDecision.computeIfAbsent(key(entry.getAccountId(), entry.getRequestId()), k -> new ArrayList<>())
                        .add(entry);
            }
        }
    }

    /**
     * @param decisions the ledger's decisions as read from its topic (any accounts; the client's are judged), each
     *                  account's in their topic order
     * @param entries   its entries, likewise
     */
    public static Verdict judge(ClientRecord client, List<LedgerDecision> decisions, List<LedgerEntry> entries) {
        ReferenceAudit audit = new ReferenceAudit(client, decisions, entries);
        audit.walk();
        audit.checkEnd();
        return new Verdict(List.copyOf(audit.findings), List.copyOf(audit.pendingFindings), audit.model,
                audit.decisionsJudged, audit.legsJudged);
    }

    /** Takes each account's next decision whenever the model can judge it; a leg waits until its cause is judged. */
    private void walk() {
        while (observed.values().stream().anyMatch(decisions -> !decisions.isEmpty())) {
            boolean progressed = false;
            for (Map.Entry<String, Deque<LedgerDecision>> account : observed.entrySet()) {
                while (!account.getValue().isEmpty() && judgeNext(account.getKey(), account.getValue().peek())) {
                    account.getValue().poll();
                    progressed = true;
                }
            }
            if (!progressed) {
                // Every account waits on a leg whose cause is nowhere: report one and go on with the rest.
                Deque<LedgerDecision> stuck = observed.values().stream().filter(d -> !d.isEmpty()).findFirst().orElseThrow();
                LedgerDecision orphan = stuck.poll();
                findings.add("decision " + orphan.getRequestId() + " on " + orphan.getAccountId()
                        + " is a leg of a transfer that was never debited (or not in this state): " + orphan);
            }
        }
    }

    /** @return false when the decision is a leg whose transfer is not yet where the leg needs it (try later) */
    private boolean judgeNext(String account, LedgerDecision decision) {
        String requestId = decision.getRequestId();
        if (!judged.add(key(account, requestId))) {
            findings.add("request " + requestId + " decided more than once on " + account);
            return true;
        }
        if (requestId.endsWith(IN) || requestId.endsWith(REFUND)) {
            return judgeLeg(account, decision);
        }
        if (requestId.startsWith(EXPIRY)) {
            String holdId = requestId.substring(EXPIRY.length());
            if (model.hold(holdId).orElse(null) != ReferenceLedger.HoldState.OPEN) {
                findings.add("hold " + holdId + " expired on " + account + " but it was not open: " + model.hold(holdId));
                return true;
            }
            compare(model.expireHold(holdId), decision);
            return true;
        }
        return judgeClientRequest(account, decision);
    }

    private boolean judgeLeg(String account, LedgerDecision decision) {
        String requestId = decision.getRequestId();
        boolean credit = requestId.endsWith(IN);
        String transferId = requestId.substring(0, requestId.length() - (credit ? IN : REFUND).length());
        ReferenceLedger.TransferView transfer = model.transfer(transferId).orElse(null);
        ReferenceLedger.TransferState needed = credit ? ReferenceLedger.TransferState.IN_FLIGHT
                : ReferenceLedger.TransferState.REFUND_IN_FLIGHT;
        if (transfer == null || transfer.state() != needed) {
            judged.remove(key(account, requestId)); // not judged yet: its cause may come from another account
            return false;
        }
        String legAccount = credit ? transfer.to() : transfer.from();
        if (!legAccount.equals(account)) {
            findings.add("leg " + requestId + " decided on " + account + ", not on " + legAccount);
            return true;
        }
        legsJudged++;
        compare(credit ? model.creditLeg(transferId) : model.refundLeg(transferId), decision);
        return true;
    }

    private boolean judgeClientRequest(String account, LedgerDecision decision) {
        Deque<ClientRecord.Sent> sent = pending.get(account);
        // Requests the client got no 202 for may never have been written: passing them is not a finding.
        while (!sent.isEmpty() && !sent.peek().request().requestId().equals(decision.getRequestId())
                && sent.peek().answer() != ClientRecord.Answer.ACCEPTED) {
            neverDecided.add(sent.poll().request().requestId());
        }
        ClientRecord.Sent next = sent.peek();
        if (next == null || !next.request().requestId().equals(decision.getRequestId())) {
            findings.add("decision " + decision.getRequestId() + " on " + account + " is not the client's next request "
                    + (next == null ? "(it sent no more)" : next.request()) + (neverDecided.contains(decision.getRequestId())
                    ? "; it comes after a later request was decided" : "") + ": " + decision);
            return true;
        }
        sent.poll();
        if (next.answer() == ClientRecord.Answer.REFUSED) {
            findings.add("request " + next.request().requestId() + " was refused to its client but decided: " + decision);
        }
        compare(model.decide(next.request()), decision);
        return true;
    }

    private void compare(Expected expected, LedgerDecision decision) {
        decisionsJudged++;
        List<String> differences = new ArrayList<>();
        differ(differences, "outcome", expected.outcome(), decision.getOutcome());
        differ(differences, "rejectionCode", expected.rejectionCode(), decision.getRejectionCode());
        differ(differences, "operation", expected.operation(), decision.getOperation());
        differ(differences, "balanceAfter", expected.balanceAfter(), decision.getBalanceAfter());
        differ(differences, "availableAfter", expected.availableAfter(), decision.getAvailableAfter());
        differ(differences, "heldAfter", expected.heldAfter(), decision.getHeldAfter());
        differ(differences, "versionAfter", expected.versionAfter(), decision.getVersionAfter());
        List<LedgerEntry> entries = entriesByDecision.getOrDefault(key(decision.getAccountId(), decision.getRequestId()),
                List.of());
        List<Move> posted = entries.stream().sorted(Comparator.comparing(LedgerEntry::getEntryId))
                .map(e -> new Move(e.getKind(), e.getDebitAccount(), e.getCreditAccount(), e.getAmountMinor())).toList();
        differ(differences, "entries", expected.moves(), posted);
        if (!differences.isEmpty()) {
            findings.add("request " + decision.getRequestId() + " on " + decision.getAccountId() + ": "
                    + String.join("; ", differences));
        }
    }

    private static void differ(List<String> differences, String what, Object expected, Object actual) {
        Object shownActual = actual instanceof CharSequence text ? text.toString() : actual;
        if (!Objects.equals(expected, shownActual)) {
            differences.add(what + " expected " + expected + " but was " + shownActual);
        }
    }

    private void checkEnd() {
        for (Map.Entry<String, Deque<ClientRecord.Sent>> account : pending.entrySet()) {
            account.getValue().stream().filter(sent -> sent.answer() == ClientRecord.Answer.ACCEPTED).limit(5)
                    .forEach(sent -> pendingFinding("accepted request " + sent.request() + " was never decided"));
        }
        for (ReferenceLedger.TransferView transfer : model.transfers()) {
            if (transfer.state() == ReferenceLedger.TransferState.IN_FLIGHT
                    || transfer.state() == ReferenceLedger.TransferState.REFUND_IN_FLIGHT) {
                pendingFinding("transfer " + transfer.transferId() + " never settled: " + transfer.state()
                        + " (no " + (transfer.state() == ReferenceLedger.TransferState.IN_FLIGHT ? IN : REFUND) + " decision)");
            }
        }
        Set<String> undecided = new TreeSet<>(entriesByDecision.keySet());
        undecided.removeAll(judged);
        undecided.stream().limit(5).forEach(key -> findings.add("entries without a decision: " + key));
        BigInteger inFlight = BigInteger.ZERO;
        for (List<LedgerEntry> entries : entriesByDecision.values()) {
            for (LedgerEntry entry : entries) {
                BigInteger amount = BigInteger.valueOf(entry.getAmountMinor());
                inFlight = entry.getCreditAccount().startsWith("@transfers-in-flight:") ? inFlight.add(amount) : inFlight;
                inFlight = entry.getDebitAccount().startsWith("@transfers-in-flight:") ? inFlight.subtract(amount) : inFlight;
            }
        }
        if (inFlight.signum() != 0 && model.transfers().stream()
                .noneMatch(t -> t.state() == ReferenceLedger.TransferState.STUCK_IN_FLIGHT)) {
            pendingFinding("@transfers-in-flight holds " + inFlight + " of these accounts' money");
        }
    }

    private void pendingFinding(String finding) {
        findings.add(finding);
        pendingFindings.add(finding);
    }

    private static String key(String accountId, String requestId) {
        return accountId + "|" + requestId;
    }
}
