package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.Hold;

/** What the decider may read: the state of this partition's accounts and holds. Null when absent. */
public interface LedgerView {

    AccountBalance account(String accountId);

    Hold hold(String holdId);
}
