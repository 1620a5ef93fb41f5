package io.cloudphone.ledger.streams.runtime.query;

import io.cloudphone.ledger.streams.runtime.StoreUnavailableException;
import io.cloudphone.ledger.streams.runtime.StreamsRunner;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over a stream app's key-value stores, keyed by strings: which instance hosts a key, and the
 * store of one partition to read here. Anything that cannot be answered now (the client starting, a rebalance,
 * a partition moving) is a {@link StoreUnavailableException}: 503 with Retry-After, never 500.
 */
public class StoreQueries {

    private final StreamsRunner runner;

    public StoreQueries(StreamsRunner runner) {
        this.runner = runner;
    }

    public KeyLocation locate(String store, String key) {
        KafkaStreams streams = runner.streams();
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("metadata of " + store + " not available: " + e.getMessage(), e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new StoreUnavailableException("partitions of " + store + " are being assigned");
        }
        return new KeyLocation(runner.isThisInstance(metadata.activeHost()), metadata.partition(), metadata.activeHost());
    }

    /** The store's partition the location names; only for a location on this instance. */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name, KeyLocation location) {
        if (!location.local()) {
            throw new IllegalArgumentException("store " + name + " partition " + location.partition()
                    + " is hosted by " + location.host());
        }
        try {
            return runner.streams().store(StoreQueryParameters
                    .fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(location.partition()));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + name + " is not queryable now: " + e.getMessage(), e);
        }
    }

    /**
     * Every partition of the store this instance hosts, as one read-only view: for scans across keys (an operator's
     * list), which see this instance's share only.
     */
    public <V> ReadOnlyKeyValueStore<String, V> localStore(String name) {
        try {
            return runner.streams().store(StoreQueryParameters
                    .fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + name + " is not queryable now: " + e.getMessage(), e);
        }
    }
}
