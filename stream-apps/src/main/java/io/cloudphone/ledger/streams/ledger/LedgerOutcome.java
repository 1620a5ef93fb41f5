package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import java.util.List;

/**
 * What one command did: always a decision; entries and a new balance only when it was accepted
 * ({@code balanceAfter} is null when the balance did not change).
 */
public record LedgerOutcome(LedgerDecision decision, List<LedgerEntry> entries, AccountBalance balanceAfter) {

    public LedgerOutcome {
        entries = List.copyOf(entries);
    }
}
