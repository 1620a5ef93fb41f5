package io.cloudphone.ledger.schemas.query;

import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import java.time.Instant;

/** One immutable ledger entry: {@code amount} moved from {@code debitAccount} to {@code creditAccount}. */
public record EntryView(String entryId, String requestId, String kind, String debitAccount, String creditAccount,
                        long amount, String currency, long versionBefore, long versionAfter, long balanceAfter,
                        long availableAfter, long heldAfter, Instant recordedAt) {

    public static EntryView of(LedgerEntry entry) {
        return new EntryView(entry.getEntryId(), entry.getRequestId(), entry.getKind().name(),
                entry.getDebitAccount(), entry.getCreditAccount(), entry.getAmountMinor(), entry.getCurrency(),
                entry.getVersionBefore(), entry.getVersionAfter(), entry.getBalanceAfter(), entry.getAvailableAfter(),
                entry.getHeldAfter(), entry.getRecordedAt());
    }
}
