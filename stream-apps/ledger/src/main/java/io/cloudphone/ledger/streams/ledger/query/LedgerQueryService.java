package io.cloudphone.ledger.streams.ledger.query;

import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.streams.ledger.LedgerStores;
import io.cloudphone.ledger.streams.runtime.query.KeyLocation;
import io.cloudphone.ledger.streams.runtime.query.StoreQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Service;


/**
 * Reads the ledger's stores for one account, at the location the runtime's router found for it. Every store is
 * partitioned by account id, so the account's location is that of all its state (decisions and holds are on
 * their account's partition too).
 */
@Service
public class LedgerQueryService {

    /** Bound on the entries an as-of-time read walks back through; older states are read by version. */
    public static final int AS_OF_TIME_SCAN_MAX = 10_000;

    private final StoreQueries stores;

    public LedgerQueryService(StoreQueries stores) {
        this.stores = stores;
    }

    /** The numbers of an account at one version. */
    public record BalanceAt(String accountId, String currency, long balance, long available, long held, long version) {
    }

    /** One page of entries, newest first; {@code nextBeforeVersion} continues it (null at the first entry). */
    public record EntriesRead(List<LedgerEntry> entries, Long nextBeforeVersion) {
    }

    public Optional<AccountBalance> balance(KeyLocation location, String accountId) {
        return Optional.ofNullable(this.<AccountBalance>store(LedgerStores.BALANCES, location).get(accountId));
    }

    public Optional<LedgerDecision> decision(KeyLocation location, String requestId) {
        return Optional.ofNullable(this.<LedgerDecision>store(LedgerStores.DECISIONS, location).get(requestId));
    }

    public Optional<Hold> hold(KeyLocation location, String holdId) {
        return Optional.ofNullable(this.<Hold>store(LedgerStores.HOLDS, location).get(holdId));
    }

    /** Entries at versions below {@code beforeVersion}, newest first, at most {@code limit}. */
    public EntriesRead entries(KeyLocation location, String accountId, long beforeVersion, int limit) {
        int pageSize = Math.clamp(limit, 1, PageRequest.LIMIT_MAX);
        List<LedgerEntry> page = new ArrayList<>(pageSize);
        if (beforeVersion <= 1) {
            return new EntriesRead(page, null);
        }
        ReadOnlyKeyValueStore<String, LedgerEntry> store = store(LedgerStores.ENTRIES, location);
        long lastVersion = Long.MAX_VALUE;
        try (KeyValueIterator<String, LedgerEntry> newestFirst = store.reverseRange(LedgerStores.entryPrefix(accountId),
                LedgerStores.entryKeyUpTo(accountId, beforeVersion - 1))) {
            while (newestFirst.hasNext()) {
                LedgerEntry entry = newestFirst.next().value;
                // A page never splits a version: its entries belong together.
                if (page.size() >= pageSize && entry.getVersionAfter() != lastVersion) {
                    return new EntriesRead(page, lastVersion);
                }
                page.add(entry);
                lastVersion = entry.getVersionAfter();
            }
        }
        return new EntriesRead(page, null);
    }

    /** The account as it was right after {@code version}; empty when the account has no such version. */
    public Optional<BalanceAt> balanceAsOfVersion(KeyLocation location, String accountId, long version) {
        Optional<AccountBalance> current = balance(location, accountId);
        if (current.isEmpty() || version < 1 || version > current.get().getVersion()) {
            return Optional.empty();
        }
        ReadOnlyKeyValueStore<String, LedgerEntry> store = store(LedgerStores.ENTRIES, location);
        try (KeyValueIterator<String, LedgerEntry> newestFirst = store.reverseRange(LedgerStores.entryPrefix(accountId),
                LedgerStores.entryKeyUpTo(accountId, version))) {
            // Versions without entries (opening, an overdraft limit) move no money: the last entry's numbers hold.
            BalanceAt at = newestFirst.hasNext() ? of(newestFirst.next().value, version)
                    : new BalanceAt(accountId, current.get().getCurrency(), 0, 0, 0, version);
            return Optional.of(at);
        }
    }

    /** The account as it was at {@code time}: the numbers after its last entry recorded at or before it. */
    public Optional<BalanceAt> balanceAsOfTime(KeyLocation location, String accountId, Instant time) {
        Optional<AccountBalance> current = balance(location, accountId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ReadOnlyKeyValueStore<String, LedgerEntry> store = store(LedgerStores.ENTRIES, location);
        int scanned = 0;
        try (KeyValueIterator<String, LedgerEntry> newestFirst = store.reverseRange(LedgerStores.entryPrefix(accountId),
                LedgerStores.entryKeyUpTo(accountId, current.get().getVersion()))) {
            while (newestFirst.hasNext()) {
                LedgerEntry entry = newestFirst.next().value;
                if (!entry.getRecordedAt().isAfter(time)) {
                    return Optional.of(of(entry, entry.getVersionAfter()));
                }
                if (++scanned >= AS_OF_TIME_SCAN_MAX) {
                    throw new AsOfTooFarBackException(AS_OF_TIME_SCAN_MAX);
                }
            }
        }
        return Optional.of(new BalanceAt(accountId, current.get().getCurrency(), 0, 0, 0, 1));
    }

    private static BalanceAt of(LedgerEntry entry, long version) {
        return new BalanceAt(entry.getAccountId(), entry.getCurrency(), entry.getBalanceAfter(), entry.getAvailableAfter(),
                entry.getHeldAfter(), version);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, KeyLocation location) {
        return stores.store(name, location);
    }

    /** An as-of-time read would walk back further than {@link #AS_OF_TIME_SCAN_MAX} entries. */
    public static final class AsOfTooFarBackException extends RuntimeException {
        AsOfTooFarBackException(int scanMax) {
            super("the state at that time lies more than " + scanMax + " entries back; read it by version instead");
        }
    }
}
