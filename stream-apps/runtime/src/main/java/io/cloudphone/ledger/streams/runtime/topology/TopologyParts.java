package io.cloudphone.ledger.streams.runtime.topology;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The pieces every processor-API topology of the apps is built from: stores as the apps keep them, and sinks fed by
 * one processor that forwards several value types.
 */
public final class TopologyParts {

    private TopologyParts() {
    }

    /**
     * A key-value store with its changelog and no record cache: the apps read each key once per input, so a cache
     * only churns (the ledger-alone benchmark measured it 12-30% slower with one).
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> store(KeyValueBytesStoreSupplier supplier,
                                                                   Serde<String> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(supplier, keys, values)
                .withCachingDisabled()
                .withLoggingEnabled(Map.of());
    }

    /** A sink's serializer, for a processor that forwards several value types: each sink only receives its own. */
    @SuppressWarnings("unchecked")
    public static <V> Serializer<Object> untyped(Serializer<V> serializer) {
        return (Serializer<Object>) serializer;
    }
}
