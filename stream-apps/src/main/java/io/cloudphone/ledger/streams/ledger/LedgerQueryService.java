package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Service;

/**
 * Reads the ledger's stores for one account. Both stores are partitioned by account id, so the account id
 * finds the partition and the instance that hosts it; {@link Location} tells the caller whether to read
 * here or forward.
 */
@Service
public class LedgerQueryService {

    private final LedgerStreams ledger;

    public LedgerQueryService(LedgerStreams ledger) {
        this.ledger = ledger;
    }

    /** Where the account's data lives: this instance (with its partition) or another host. */
    public record Location(boolean local, int partition, HostInfo host) {
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
}
