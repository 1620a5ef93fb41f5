package io.cloudphone.ledger.schemas.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;

/**
 * An account's numbers: balance = available + held. {@code overdraftLimit} is left out of a past state (the limit
 * of the time is not kept), rather than answered as null.
 */
public record BalanceView(String accountId, String currency, long balance, long available, long held,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long overdraftLimit, long version) {

    public static BalanceView of(AccountBalance balance) {
        return new BalanceView(balance.getAccountId(), balance.getCurrency(), balance.getBalance(),
                balance.getAvailable(), balance.getHeld(), balance.getOverdraftLimit(), balance.getVersion());
    }
}
