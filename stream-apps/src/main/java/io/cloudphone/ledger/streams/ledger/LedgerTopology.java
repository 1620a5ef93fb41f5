package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The ledger: one source (account commands from the outbox, and the ledger's own transfer legs, both keyed
 * by account), one processor with its stores, four sinks. Processor API rather than the DSL because a
 * command reads and writes several stores and emits to several topics in one step, and hold expiry is a
 * punctuation over a store.
 */
public final class LedgerTopology {

    static final String SOURCE = "account-commands";
    static final String PROCESSOR = "account-command-processor";
    static final String DECISIONS_SINK = "decisions-sink";
    static final String ENTRIES_SINK = "entries-sink";
    static final String BALANCES_SINK = "balances-sink";
    static final String TRANSFER_LEGS_SINK = "transfer-legs-sink";

    /** How often open holds are checked for expiry (wall-clock). */
    public static final Duration HOLD_EXPIRY_CHECK_INTERVAL = Duration.ofSeconds(1);

    private LedgerTopology() {
    }

    public static Topology build(Topics topics) {
        return build(topics, LedgerTopics.PRODUCTION, HOLD_EXPIRY_CHECK_INTERVAL);
    }

    public static Topology build(Topics topics, LedgerTopics names, Duration holdExpiryCheckInterval) {
        Serde<String> keys = topics.keySerde();
        Topology topology = new Topology();
        topology.addSource(SOURCE, keys.deserializer(), topics.accountCommandSerde().deserializer(),
                names.commands(), names.transferLegs());
        topology.addProcessor(PROCESSOR, () -> new AccountCommandProcessor(holdExpiryCheckInterval), SOURCE);
        topology.addStateStore(store(LedgerStores.BALANCES, keys, topics.balanceSerde()), PROCESSOR);
        topology.addStateStore(store(LedgerStores.DECISIONS, keys, topics.decisionSerde()), PROCESSOR);
        topology.addStateStore(store(LedgerStores.HOLDS, keys, topics.holdSerde()), PROCESSOR);
        topology.addStateStore(store(LedgerStores.HOLD_EXPIRIES, keys, Serdes.String()), PROCESSOR);
        topology.addStateStore(store(LedgerStores.ENTRIES, keys, topics.entrySerde()), PROCESSOR);
        topology.addSink(DECISIONS_SINK, names.decisions(), keys.serializer(),
                untyped(topics.decisionSerde().serializer()), PROCESSOR);
        topology.addSink(ENTRIES_SINK, names.entries(), keys.serializer(),
                untyped(topics.entrySerde().serializer()), PROCESSOR);
        topology.addSink(BALANCES_SINK, names.balances(), keys.serializer(),
                untyped(topics.balanceSerde().serializer()), PROCESSOR);
        topology.addSink(TRANSFER_LEGS_SINK, names.transferLegs(), keys.serializer(),
                untyped(topics.accountCommandSerde().serializer()), PROCESSOR);
        return topology;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<String> keys, Serde<V> values) {
        // No record cache: every key is read once per command, so the cache only churns (stack-facts: -12..30%).
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
                .withCachingDisabled()
                .withLoggingEnabled(Map.of());
    }

    /** The processor forwards several value types; each sink only ever receives its own. */
    @SuppressWarnings("unchecked")
    private static <V> Serializer<Object> untyped(Serializer<V> serializer) {
        return (Serializer<Object>) serializer;
    }
}
