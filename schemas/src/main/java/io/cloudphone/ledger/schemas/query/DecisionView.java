package io.cloudphone.ledger.schemas.query;

import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;

/** The ledger's decision on one request, with the account's numbers after it. */
public record DecisionView(String requestId, String accountId, String operation, String outcome, String rejectionCode,
                           String reason, long balanceAfter, long availableAfter, long heldAfter, long versionAfter,
                           String decidedAt) {

    /** Whether the ledger accepted the request (the outcome is {@link DecisionOutcome#ACCEPTED}). */
    public boolean accepted() {
        return DecisionOutcome.ACCEPTED.name().equals(outcome);
    }

    public static DecisionView of(LedgerDecision decision) {
        return new DecisionView(decision.getRequestId(), decision.getAccountId(), decision.getOperation(),
                decision.getOutcome().name(),
                decision.getRejectionCode() == null ? null : decision.getRejectionCode().name(),
                decision.getReason(), decision.getBalanceAfter(), decision.getAvailableAfter(), decision.getHeldAfter(),
                decision.getVersionAfter(), decision.getDecidedAt().toString());
    }
}
