package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import java.util.List;

/**
 * What one command did: always a decision. When accepted, the account's new state and the entries that
 * explain the change; holds it opened or closed; transfer legs to send to another account's partition (a
 * rejected transfer credit also sends one: the refund).
 *
 * @param balanceAfter null when the account did not change
 */
public record LedgerOutcome(LedgerDecision decision, List<LedgerEntry> entries, AccountBalance balanceAfter,
                            List<Hold> holds, List<AccountCommand> transferLegs) {

    public LedgerOutcome {
        entries = List.copyOf(entries);
        holds = List.copyOf(holds);
        transferLegs = List.copyOf(transferLegs);
    }

    public boolean accepted() {
        return balanceAfter != null;
    }
}
