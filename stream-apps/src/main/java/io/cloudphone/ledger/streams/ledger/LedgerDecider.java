package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import java.time.Instant;
import java.util.List;

/**
 * Decides one account command against the account's current balance. Pure: no I/O and no clock (the
 * caller passes the record's time), so the same input always gives the same output and every rule is
 * unit-testable without Kafka.
 */
public final class LedgerDecider {

    /** The overdraft limit of every account until per-account limits exist: available may not go below 0. */
    static final long OVERDRAFT_LIMIT_MINOR = 0;

    public LedgerOutcome decide(AccountBalance current, AccountCommand command, Instant at) {
        Object body = command.getCommand();
        if (body instanceof OpenAccount open) {
            return open(current, command, open, at);
        }
        if (current == null) {
            return reject(null, command, RejectionCode.ACCOUNT_NOT_OPEN, "account is not open", at);
        }
        if (body instanceof Recharge recharge) {
            return recharge(current, command, recharge, at);
        }
        if (body instanceof Consume consume) {
            return consume(current, command, consume, at);
        }
        return reject(current, command, RejectionCode.MALFORMED_COMMAND, "unknown command " + describe(body), at);
    }

    private LedgerOutcome open(AccountBalance current, AccountCommand command, OpenAccount open, Instant at) {
        if (current != null) {
            return reject(current, command, RejectionCode.ACCOUNT_ALREADY_OPEN, "account is already open", at);
        }
        AccountBalance opened = AccountBalance.newBuilder()
                .setAccountId(command.getAccountId())
                .setCurrency(open.getCurrency())
                .setBalance(0).setAvailable(0).setVersion(1)
                .setUpdatedAt(at)
                .build();
        return accept(command, opened, List.of(), at);
    }

    private LedgerOutcome recharge(AccountBalance current, AccountCommand command, Recharge recharge, Instant at) {
        LedgerOutcome invalid = checkAmount(current, command, recharge.getAmountMinor(), recharge.getCurrency(), at);
        if (invalid != null) {
            return invalid;
        }
        long balance;
        long available;
        try {
            balance = Math.addExact(current.getBalance(), recharge.getAmountMinor());
            available = Math.addExact(current.getAvailable(), recharge.getAmountMinor());
        } catch (ArithmeticException overflow) {
            return reject(current, command, RejectionCode.BALANCE_OVERFLOW,
                    "balance would exceed " + Long.MAX_VALUE + " minor units", at);
        }
        return apply(current, command, EntryKind.RECHARGE, recharge.getAmountMinor(), balance, available, at);
    }

    private LedgerOutcome consume(AccountBalance current, AccountCommand command, Consume consume, Instant at) {
        LedgerOutcome invalid = checkAmount(current, command, consume.getAmountMinor(), consume.getCurrency(), at);
        if (invalid != null) {
            return invalid;
        }
        long amount = consume.getAmountMinor();
        long available = current.getAvailable() - amount; // cannot overflow: available >= -limit, amount > 0
        if (available < -OVERDRAFT_LIMIT_MINOR) {
            return reject(current, command, RejectionCode.INSUFFICIENT_FUNDS,
                    "available " + current.getAvailable() + " is less than " + amount, at);
        }
        long balance = Math.subtractExact(current.getBalance(), amount);
        return apply(current, command, EntryKind.CONSUMPTION, -amount, balance, available, at);
    }

    private LedgerOutcome checkAmount(AccountBalance current, AccountCommand command, long amount, String currency,
                                      Instant at) {
        if (amount <= 0) {
            return reject(current, command, RejectionCode.INVALID_AMOUNT, "amount must be positive, was " + amount, at);
        }
        if (!current.getCurrency().equals(currency)) {
            return reject(current, command, RejectionCode.CURRENCY_MISMATCH,
                    "account is in " + current.getCurrency() + ", request in " + currency, at);
        }
        return null;
    }

    private LedgerOutcome apply(AccountBalance current, AccountCommand command, EntryKind kind, long signedAmount,
                                long balance, long available, Instant at) {
        long versionAfter = Math.addExact(current.getVersion(), 1);
        AccountBalance after = AccountBalance.newBuilder(current)
                .setBalance(balance).setAvailable(available).setVersion(versionAfter).setUpdatedAt(at)
                .build();
        LedgerEntry entry = LedgerEntry.newBuilder()
                .setEntryId(command.getRequestId() + "#0")
                .setRequestId(command.getRequestId())
                .setAccountId(command.getAccountId())
                .setKind(kind)
                .setAmountMinor(signedAmount)
                .setCurrency(current.getCurrency())
                .setVersionBefore(current.getVersion())
                .setVersionAfter(versionAfter)
                .setBalanceAfter(balance)
                .setRecordedAt(at)
                .build();
        return accept(command, after, List.of(entry), at);
    }

    private static LedgerOutcome accept(AccountCommand command, AccountBalance after, List<LedgerEntry> entries,
                                        Instant at) {
        LedgerDecision decision = decision(command, after, DecisionOutcome.ACCEPTED, null, null, at);
        return new LedgerOutcome(decision, entries, after);
    }

    private static LedgerOutcome reject(AccountBalance current, AccountCommand command, RejectionCode code,
                                        String reason, Instant at) {
        return new LedgerOutcome(decision(command, current, DecisionOutcome.REJECTED, code, reason, at), List.of(), null);
    }

    private static LedgerDecision decision(AccountCommand command, AccountBalance balance, DecisionOutcome outcome,
                                           RejectionCode code, String reason, Instant at) {
        return LedgerDecision.newBuilder()
                .setRequestId(command.getRequestId())
                .setAccountId(command.getAccountId())
                .setOutcome(outcome)
                .setRejectionCode(code)
                .setReason(reason)
                .setCurrency(balance == null ? null : balance.getCurrency())
                .setBalanceAfter(balance == null ? 0 : balance.getBalance())
                .setAvailableAfter(balance == null ? 0 : balance.getAvailable())
                .setVersionAfter(balance == null ? 0 : balance.getVersion())
                .setDecidedAt(at)
                .build();
    }

    private static String describe(Object body) {
        return body == null ? "null" : body.getClass().getSimpleName();
    }
}
