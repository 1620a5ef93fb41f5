package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.HoldStatus;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.time.Instant;
import java.util.List;

/** The rejections of one command: a decision with a code and a reason, and no change to any state. */
final class Rejection {

    private final AccountCommand command;
    private final AccountBalance account;
    private final Instant at;

    Rejection(AccountCommand command, AccountBalance account, Instant at) {
        this.command = command;
        this.account = account;
        this.at = at;
    }

    AccountCommand command() {
        return command;
    }

    Instant at() {
        return at;
    }

    LedgerOutcome of(RejectionCode code, String reason) {
        Object body = command.getCommand();
        String operation = body == null ? "Unknown" : body.getClass().getSimpleName();
        return new LedgerOutcome(Decisions.of(command.getRequestId(), command.getAccountId(), operation,
                DecisionOutcome.REJECTED, code, reason, account, at), List.of(), null, List.of(), List.of());
    }

    LedgerOutcome withLegs(LedgerOutcome rejected, List<AccountCommand> legs) {
        return new LedgerOutcome(rejected.decision(), List.of(), null, List.of(), legs);
    }

    /** A positive amount in the account's currency, or the rejection saying which it is not. */
    LedgerOutcome ifInvalid(long amount, String currency) {
        if (amount <= 0) {
            return of(RejectionCode.INVALID_AMOUNT, "amount must be positive, was " + amount);
        }
        return ifOtherCurrency(currency);
    }

    LedgerOutcome ifOtherCurrency(String currency) {
        if (!account.getCurrency().equals(currency)) {
            return of(RejectionCode.CURRENCY_MISMATCH, "account is in " + account.getCurrency() + ", request in " + currency);
        }
        return null;
    }

    /**
     * A hold of another account is reported as missing: it is none of this account's business. A hold whose
     * expiry had passed when the command was made is expired for it, even if nobody released it yet.
     */
    LedgerOutcome ifNotOpenHold(Hold hold, String holdId, String accountId) {
        if (hold == null || !hold.getAccountId().equals(accountId)) {
            return of(RejectionCode.HOLD_NOT_FOUND, "hold " + holdId + " does not exist on account " + accountId);
        }
        Instant requestedAt = command.getOccurredAt();
        if (hold.getStatus() == HoldStatus.EXPIRED
                || hold.getStatus() == HoldStatus.OPEN && LedgerDecider.isExpiredAt(hold, requestedAt)) {
            return of(RejectionCode.HOLD_EXPIRED, "hold " + holdId + " expired at " + hold.getExpiresAt()
                    + ", before this request was made at " + requestedAt);
        }
        if (hold.getStatus() != HoldStatus.OPEN) {
            return of(RejectionCode.HOLD_NOT_OPEN, "hold " + holdId + " is " + hold.getStatus());
        }
        return null;
    }

    LedgerOutcome insufficientFunds(long amount) {
        String limit = account.getOverdraftLimit() == 0 ? "" : " (overdraft limit " + account.getOverdraftLimit() + ")";
        return of(RejectionCode.INSUFFICIENT_FUNDS, "available " + account.getAvailable() + limit
                + " is less than " + amount);
    }

    LedgerOutcome overflow() {
        return of(RejectionCode.BALANCE_OVERFLOW, "the balance would exceed " + Long.MAX_VALUE + " minor units");
    }
}
