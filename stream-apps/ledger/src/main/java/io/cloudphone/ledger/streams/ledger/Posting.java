package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.EntryKind;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes one accepted command makes to one account, as balanced moves between ledger accounts. Each
 * move takes a positive amount from one ledger account to another, so the entries of a request balance by
 * construction; the account's numbers change only through these methods, with exact arithmetic.
 *
 * <p>The account's own ledger account holds its available money; {@code @holds:<id>} its held money; so
 * available = sum of the account's entries, held = sum of its holds account's, balance = both.
 */
final class Posting {

    private record Move(EntryKind kind, String debit, String credit, long amount) {
    }

    private final AccountBalance before;
    private final String requestId;
    private final Instant at;
    private final List<Move> moves = new ArrayList<>(2);
    private long balance;
    private long available;
    private long held;
    private long overdraftLimit;

    Posting(AccountBalance before, String requestId, Instant at) {
        this.before = before;
        this.requestId = requestId;
        this.at = at;
        this.balance = before.getBalance();
        this.available = before.getAvailable();
        this.held = before.getHeld();
        this.overdraftLimit = before.getOverdraftLimit();
    }

    String accountId() {
        return before.getAccountId();
    }

    String requestId() {
        return requestId;
    }

    Instant at() {
        return at;
    }

    long available() {
        return available;
    }

    /** Whether {@code amount} can leave available money without going below minus the overdraft limit. */
    boolean canSpend(long amount) {
        try {
            return Math.subtractExact(available, amount) >= -overdraftLimit;
        } catch (ArithmeticException belowLongMin) {
            return false;
        }
    }

    /** Money in from {@code from}. @return false (and no change) when a number would overflow */
    boolean credit(long amount, EntryKind kind, String from) {
        try {
            long newBalance = Math.addExact(balance, amount);
            long newAvailable = Math.addExact(available, amount);
            balance = newBalance;
            available = newAvailable;
        } catch (ArithmeticException overflow) {
            return false;
        }
        moves.add(new Move(kind, from, accountId(), amount));
        return true;
    }

    /** Money out to {@code to}; the caller checked {@link #canSpend}. */
    void debit(long amount, EntryKind kind, String to) {
        balance = Math.subtractExact(balance, amount);
        available = Math.subtractExact(available, amount);
        moves.add(new Move(kind, accountId(), to, amount));
    }

    /** Available to held; the caller checked {@link #canSpend}. @return false (no change) on overflow */
    boolean hold(long amount) {
        try {
            long newHeld = Math.addExact(held, amount);
            available = Math.subtractExact(available, amount);
            held = newHeld;
        } catch (ArithmeticException overflow) {
            return false;
        }
        moves.add(new Move(EntryKind.HOLD, accountId(), SystemAccounts.holds(accountId()), amount));
        return true;
    }

    /** A whole hold back to available. */
    void release(long amount, EntryKind kind) {
        held = Math.subtractExact(held, amount);
        available = Math.addExact(available, amount);
        moves.add(new Move(kind, SystemAccounts.holds(accountId()), accountId(), amount));
    }

    /** {@code captured} of a hold of {@code heldAmount} is spent; the rest goes back to available. */
    void capture(long heldAmount, long captured, String currency) {
        long remainder = heldAmount - captured;
        held = Math.subtractExact(held, heldAmount);
        balance = Math.subtractExact(balance, captured);
        available = Math.addExact(available, remainder);
        moves.add(new Move(EntryKind.HOLD_CAPTURE, SystemAccounts.holds(accountId()),
                SystemAccounts.externalOutflow(currency), captured));
        if (remainder > 0) {
            moves.add(new Move(EntryKind.HOLD_RELEASE, SystemAccounts.holds(accountId()), accountId(), remainder));
        }
    }

    void setOverdraftLimit(long limit) {
        overdraftLimit = limit;
    }

    LedgerOutcome accept(String operation, List<Hold> holds, List<AccountCommand> legs) {
        AccountBalance after = AccountBalance.newBuilder(before)
                .setBalance(balance).setAvailable(available).setHeld(held).setOverdraftLimit(overdraftLimit)
                .setVersion(Math.addExact(before.getVersion(), 1)).setUpdatedAt(at)
                .build();
        checkInvariants(after);
        List<LedgerEntry> entries = new ArrayList<>(moves.size());
        for (int index = 0; index < moves.size(); index++) {
            entries.add(entry(moves.get(index), index, after));
        }
        return new LedgerOutcome(Decisions.of(requestId, accountId(), operation, DecisionOutcome.ACCEPTED, null, null,
                after, at), entries, after, holds, legs);
    }

    static LedgerOutcome opened(AccountBalance opened, String requestId, Instant at) {
        return new LedgerOutcome(Decisions.of(requestId, opened.getAccountId(), "OpenAccount", DecisionOutcome.ACCEPTED,
                null, null, opened, at), List.of(), opened, List.of(), List.of());
    }

    private LedgerEntry entry(Move move, int index, AccountBalance after) {
        return LedgerEntry.newBuilder()
                .setEntryId(requestId + "#" + index)
                .setRequestId(requestId)
                .setAccountId(accountId())
                .setKind(move.kind())
                .setDebitAccount(move.debit())
                .setCreditAccount(move.credit())
                .setAmountMinor(move.amount())
                .setCurrency(before.getCurrency())
                .setVersionBefore(before.getVersion())
                .setVersionAfter(after.getVersion())
                .setBalanceAfter(after.getBalance())
                .setAvailableAfter(after.getAvailable())
                .setHeldAfter(after.getHeld())
                .setRecordedAt(at)
                .build();
    }

    /** A broken invariant is a bug in this class: fail the record rather than post it. */
    private static void checkInvariants(AccountBalance after) {
        if (after.getHeld() < 0 || after.getOverdraftLimit() < 0
                || after.getAvailable() != after.getBalance() - after.getHeld()
                || after.getAvailable() < -after.getOverdraftLimit()) {
            throw new IllegalStateException("ledger invariant broken for " + after);
        }
    }
}
