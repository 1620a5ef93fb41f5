package io.cloudphone.ledger.reference;

import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.util.List;

/**
 * What the ledger must decide on one request: outcome, rejection code, the operation's name, the account's numbers
 * after it, and the moves it posts (none when rejected).
 */
public record Expected(String requestId, String accountId, String operation, DecisionOutcome outcome,
                       RejectionCode rejectionCode, long balanceAfter, long availableAfter, long heldAfter,
                       long versionAfter, List<Move> moves) {

    public Expected {
        moves = List.copyOf(moves);
    }

    public boolean accepted() {
        return outcome == DecisionOutcome.ACCEPTED;
    }

    /** One entry: {@code amount} from the ledger account {@code debit} to {@code credit}. */
    public record Move(EntryKind kind, String debit, String credit, long amount) {
    }
}
