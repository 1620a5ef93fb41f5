package io.cloudphone.ledger.streams.payments;

import static io.cloudphone.ledger.streams.runtime.topology.TopologyParts.untyped;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import io.cloudphone.ledger.streams.runtime.topology.TopologyParts;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The payments app: two sub-topologies.
 * <ol>
 *   <li>The ledger's decisions (keyed by account) pass {@link LedgerAnswerRouter}, which sends those on the app's own
 *       commands, keyed by order, to the answers topic: the app's explicit repartition.</li>
 *   <li>The order's commands, the gateway's outcomes and those answers, all keyed by order id, feed one
 *       {@link CaseProcessor} with its four stores; its sinks: transitions, rejections, alerts, gateway calls, ledger
 *       commands (keyed by account), dead letters.</li>
 * </ol>
 * Sources read bytes and the processors decode them, so that a record that cannot be read becomes a dead letter and
 * never an exception. Processor API, as the ledger's, because one input reads and writes several stores and emits to
 * several topics in one step, and deadlines are a punctuation over a store.
 */
public final class PaymentsTopology {

    static final String DECISIONS_SOURCE = "ledger-decisions";
    static final String ROUTER = "ledger-answer-router";
    static final String ANSWERS_SINK = "ledger-answers-sink";
    static final String INPUTS_SOURCE = "case-inputs";
    static final String PROCESSOR = "case-processor";
    static final String TRANSITIONS_SINK = "transitions-sink";
    static final String REJECTIONS_SINK = "rejections-sink";
    static final String ALERTS_SINK = "alerts-sink";
    static final String GATEWAY_CALLS_SINK = "gateway-calls-sink";
    static final String LEDGER_COMMANDS_SINK = "ledger-commands-sink";
    static final String DEAD_LETTERS_SINK = "dead-letters-sink";

    private PaymentsTopology() {
    }

    public static Topology build(Topics topics, PaymentsTopics names, PaymentsSettings settings,
                                 DeadLetterCounter deadLetterCounter) {
        Serde<String> keys = topics.keySerde();
        Topology topology = new Topology();
        topology.addSource(DECISIONS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                names.ledgerDecisions());
        topology.addProcessor(ROUTER, () -> new LedgerAnswerRouter(topics.decisionSerde(), names.ledgerDecisions()),
                DECISIONS_SOURCE);
        topology.addSink(ANSWERS_SINK, names.ledgerAnswers(), new ByteArraySerializer(), new ByteArraySerializer(),
                ROUTER);

        CaseIntake intake = new CaseIntake(topics.paymentCommandSerde(), topics.gatewayOutcomeSerde(),
                topics.decisionSerde(), names);
        topology.addSource(INPUTS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), names.commands(),
                names.gatewayOutcomes(), names.ledgerAnswers());
        topology.addProcessor(PROCESSOR, () -> new CaseProcessor(intake, settings, deadLetterCounter), INPUTS_SOURCE);
        topology.addStateStore(store(PaymentsStores.CASES, keys, topics.paymentCaseSerde()), PROCESSOR);
        topology.addStateStore(store(PaymentsStores.HISTORY, keys, topics.paymentTransitionSerde()), PROCESSOR);
        topology.addStateStore(store(PaymentsStores.TIMERS, keys, Serdes.String()), PROCESSOR);
        topology.addStateStore(store(PaymentsStores.SEEN, keys, Serdes.String()), PROCESSOR);
        Serializer<Object> keyWriter = untyped(keys.serializer());
        topology.addSink(TRANSITIONS_SINK, names.transitions(), keyWriter,
                untyped(topics.paymentTransitionSerde().serializer()), PROCESSOR);
        topology.addSink(REJECTIONS_SINK, names.rejections(), keyWriter,
                untyped(topics.paymentRejectionSerde().serializer()), PROCESSOR);
        topology.addSink(ALERTS_SINK, names.alerts(), keyWriter, untyped(topics.paymentAlertSerde().serializer()),
                PROCESSOR);
        topology.addSink(GATEWAY_CALLS_SINK, names.gatewayCalls(), keyWriter,
                untyped(topics.gatewayCallSerde().serializer()), PROCESSOR);
        topology.addSink(LEDGER_COMMANDS_SINK, names.ledgerCommands(), keyWriter,
                untyped(topics.accountCommandSerde().serializer()), PROCESSOR);
        topology.addSink(DEAD_LETTERS_SINK, names.deadLetters(), untyped(new ByteArraySerializer()),
                untyped(new ByteArraySerializer()), PROCESSOR);
        return topology;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<String> keys, Serde<V> values) {
        return TopologyParts.store(Stores.persistentKeyValueStore(name), keys, values);
    }
}
