package io.cloudphone.ledger.schemas.query;

import io.cloudphone.ledger.schemas.ledger.AccountBalance;

/**
 * An account's numbers: balance = available + held. {@code overdraftLimit} is null for a past state (the
 * limit of the time is not kept).
 */
public record BalanceView(String accountId, String currency, long balance, long available, long held,
                          Long overdraftLimit, long version) {

    public static BalanceView of(AccountBalance balance) {
        return new BalanceView(balance.getAccountId(), balance.getCurrency(), balance.getBalance(),
                balance.getAvailable(), balance.getHeld(), balance.getOverdraftLimit(), balance.getVersion());
    }
}
