package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.time.Instant;

/** Builds the one decision record every command gets, with the account's state after it. */
final class Decisions {

    private Decisions() {
    }

    /** @param state the account after the decision (unchanged on rejection); null when it does not exist */
    static LedgerDecision of(String requestId, String accountId, String operation, DecisionOutcome outcome,
                             RejectionCode code, String reason, AccountBalance state, Instant at) {
        return LedgerDecision.newBuilder()
                .setRequestId(requestId)
                .setAccountId(accountId)
                .setOperation(operation)
                .setOutcome(outcome)
                .setRejectionCode(code)
                .setReason(reason)
                .setCurrency(state == null ? null : state.getCurrency())
                .setBalanceAfter(state == null ? 0 : state.getBalance())
                .setAvailableAfter(state == null ? 0 : state.getAvailable())
                .setHeldAfter(state == null ? 0 : state.getHeld())
                .setVersionAfter(state == null ? 0 : state.getVersion())
                .setDecidedAt(at)
                .build();
    }
}
