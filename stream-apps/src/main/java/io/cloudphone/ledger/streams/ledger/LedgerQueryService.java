package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Service;

/**
 * Reads the ledger's stores for one account. Every store is partitioned by account id, so the account id
 * finds the partition and the instance that hosts it; {@link Location} tells the caller whether to read
 * here or forward.
 */
@Service
public class LedgerQueryService {

    /** Bound on one page of entries. */
    public static final int PAGE_ENTRIES_MAX = 200;
    /** Bound on the entries an as-of-time read walks back through; older states are read by version. */
    public static final int AS_OF_TIME_SCAN_MAX = 10_000;

    private final LedgerStreams ledger;

    public LedgerQueryService(LedgerStreams ledger) {
        this.ledger = ledger;
    }

    /** Where the account's data lives: this instance (with its partition) or another host. */
    public record Location(boolean local, int partition, HostInfo host) {
    }

    /** The numbers of an account at one version. */
    public record BalanceAt(String accountId, String currency, long balance, long available, long held, long version) {
    }

    /** One page of entries, newest first; {@code nextBeforeVersion} continues it (null at the first entry). */
    public record EntriesPage(List<LedgerEntry> entries, Long nextBeforeVersion) {
    }

    public Location locate(String accountId) {
        KafkaStreams streams = ledger.streams();
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(LedgerStores.BALANCES, accountId, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("ledger metadata not available: " + e.getMessage(), e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new StoreUnavailableException("ledger partitions are being assigned");
        }
        HostInfo active = metadata.activeHost();
        boolean local = active.host().equals(ledger.advertisedHost()) && active.port() == ledger.serverPort();
        return new Location(local, metadata.partition(), active);
    }

    public Optional<AccountBalance> balance(Location location, String accountId) {
        return Optional.ofNullable(this.<AccountBalance>store(LedgerStores.BALANCES, location).get(accountId));
    }

    public Optional<LedgerDecision> decision(Location location, String requestId) {
        return Optional.ofNullable(this.<LedgerDecision>store(LedgerStores.DECISIONS, location).get(requestId));
    }

    public Optional<Hold> hold(Location location, String holdId) {
        return Optional.ofNullable(this.<Hold>store(LedgerStores.HOLDS, location).get(holdId));
    }

    /** Entries at versions below {@code beforeVersion}, newest first, at most {@code limit}. */
    public EntriesPage entries(Location location, String accountId, long beforeVersion, int limit) {
        int pageSize = Math.clamp(limit, 1, PAGE_ENTRIES_MAX);
        List<LedgerEntry> page = new ArrayList<>(pageSize);
        if (beforeVersion <= 1) {
            return new EntriesPage(page, null);
        }
        ReadOnlyKeyValueStore<String, LedgerEntry> store = store(LedgerStores.ENTRIES, location);
        long lastVersion = Long.MAX_VALUE;
        try (KeyValueIterator<String, LedgerEntry> newestFirst = store.reverseRange(LedgerStores.entryPrefix(accountId),
                LedgerStores.entryKeyUpTo(accountId, beforeVersion - 1))) {
            while (newestFirst.hasNext()) {
                LedgerEntry entry = newestFirst.next().value;
                // A page never splits a version: its entries belong together.
                if (page.size() >= pageSize && entry.getVersionAfter() != lastVersion) {
                    return new EntriesPage(page, lastVersion);
                }
                page.add(entry);
                lastVersion = entry.getVersionAfter();
            }
        }
        return new EntriesPage(page, null);
    }

    /** The account as it was right after {@code version}; empty when the account has no such version. */
    public Optional<BalanceAt> balanceAsOfVersion(Location location, String accountId, long version) {
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
    public Optional<BalanceAt> balanceAsOfTime(Location location, String accountId, Instant time) {
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

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, Location location) {
        if (!location.local()) {
            throw new IllegalArgumentException("store " + name + " partition " + location.partition()
                    + " is hosted by " + location.host());
        }
        try {
            return ledger.streams().store(StoreQueryParameters
                    .fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(location.partition()));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + name + " is not queryable now: " + e.getMessage(), e);
        }
    }

    /** An as-of-time read would walk back further than {@link #AS_OF_TIME_SCAN_MAX} entries. */
    public static final class AsOfTooFarBackException extends RuntimeException {
        AsOfTooFarBackException(int scanMax) {
            super("the state at that time lies more than " + scanMax + " entries back; read it by version instead");
        }
    }
}
