package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.Hold;
import java.util.HashMap;
import java.util.Map;

/** The decider's view over plain maps, updated with each outcome the way the processor updates its stores. */
final class MapLedgerView implements LedgerView {

    final Map<String, AccountBalance> accounts = new HashMap<>();
    final Map<String, Hold> holds = new HashMap<>();

    @Override
    public AccountBalance account(String accountId) {
        return accounts.get(accountId);
    }

    @Override
    public Hold hold(String holdId) {
        return holds.get(holdId);
    }

    LedgerOutcome apply(LedgerOutcome outcome) {
        if (outcome.balanceAfter() != null) {
            accounts.put(outcome.balanceAfter().getAccountId(), outcome.balanceAfter());
        }
        outcome.holds().forEach(hold -> holds.put(hold.getHoldId(), hold));
        return outcome;
    }
}
