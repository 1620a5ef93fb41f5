package io.cloudphone.ledger.schemas;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.notification.NotificationPreferenceChanged;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.schemas.serde.SchemaRegistryClient;
import io.cloudphone.ledger.schemas.user.RoleEvent;
import io.cloudphone.ledger.schemas.user.UserEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the system with its key and value serdes: the one place to learn what flows where.
 * Keys are plain UTF-8 strings (the account id), so that Debezium's StringConverter, Kafka Streams and
 * any downstream consumer hash them to the same partition.
 */
public final class Topics {

    /** Outbox topic of the account aggregate, written by Debezium's EventRouter: route.topic.replacement. */
    public static final String ACCOUNT_COMMANDS = "cpl.outbox.account";
    public static final String LEDGER_DECISIONS = "cpl.ledger.decisions";
    public static final String LEDGER_ENTRIES = "cpl.ledger.entries";
    public static final String LEDGER_BALANCES = "cpl.ledger.balances";
    /** The ledger's own transfer legs (TransferIn, TransferRefund as AccountCommand), keyed by the leg's account. */
    public static final String LEDGER_TRANSFER_LEGS = "cpl.ledger.transfer-legs";
    /**
     * Input records the ledger set aside (unreadable, or readable but invalid): key and value bytes as they
     * came, headers {@code cpl.dead-letter.*} saying why, from where and when.
     */
    public static final String LEDGER_DEAD_LETTERS = "cpl.ledger.dead-letters";
    /** Outbox topic of the user aggregate, keyed by user id. */
    public static final String USER_EVENTS = "cpl.outbox.user";
    /** Outbox topic of roles, keyed by role name. */
    public static final String ROLE_EVENTS = "cpl.outbox.role";
    /** Outbox topic of notification preferences, keyed by user id. */
    public static final String NOTIFICATION_EVENTS = "cpl.outbox.notification";

    /** Outbox aggregate types: Debezium routes aggregate type {@code t} to topic {@code cpl.outbox.t}. */
    public static final String ACCOUNT_AGGREGATE_TYPE = "account";
    public static final String USER_AGGREGATE_TYPE = "user";
    public static final String ROLE_AGGREGATE_TYPE = "role";
    public static final String NOTIFICATION_AGGREGATE_TYPE = "notification";
    /** How Debezium's EventRouter names an aggregate type's topic (the connector's route.topic.replacement). */
    public static final String OUTBOX_TOPIC_PREFIX = "cpl.outbox.";

    /** 6 for every topic: room for a few stream threads or instances on a dev machine, and co-partitioned keys. */
    public static final int PARTITIONS = 6;
    /** Dead letters wait for an operator this long; bounded, so a flood of bad records cannot fill the disk for ever. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    /**
     * Every topic of the system, defined once: the launcher creates these (the broker creates none), the apps
     * check they exist, README's topic table lists them.
     */
    public static final List<TopicSpec> ALL = List.of(
            outbox(ACCOUNT_AGGREGATE_TYPE, "account id", "AccountCommand"),
            outbox(USER_AGGREGATE_TYPE, "user id", "UserEvent"),
            outbox(ROLE_AGGREGATE_TYPE, "role name", "RoleEvent"),
            outbox(NOTIFICATION_AGGREGATE_TYPE, "user id", "NotificationPreferenceChanged"),
            ledger(LEDGER_DECISIONS, TopicSpec.Cleanup.DELETE, null, "account id", "LedgerDecision"),
            ledger(LEDGER_ENTRIES, TopicSpec.Cleanup.DELETE, null, "account id", "LedgerEntry"),
            ledger(LEDGER_BALANCES, TopicSpec.Cleanup.COMPACT, null, "account id", "AccountBalance"),
            ledger(LEDGER_TRANSFER_LEGS, TopicSpec.Cleanup.DELETE, null, "account id of the leg", "AccountCommand"),
            ledger(LEDGER_DEAD_LETTERS, TopicSpec.Cleanup.DELETE, DEAD_LETTER_RETENTION, TopicSpec.RAW, TopicSpec.RAW));

    private static TopicSpec outbox(String aggregateType, String key, String value) {
        return new TopicSpec(OUTBOX_TOPIC_PREFIX + aggregateType, PARTITIONS, TopicSpec.Cleanup.DELETE, null, key, value,
                TopicSpec.DEBEZIUM);
    }

    private static TopicSpec ledger(String name, TopicSpec.Cleanup cleanup, Duration retention, String key,
                                    String value) {
        return new TopicSpec(name, PARTITIONS, cleanup, retention, key, value, "ledger");
    }

    /** The topic a name names. */
    public static Optional<TopicSpec> named(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private final SchemaRegistryClient registry;

    public Topics(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public AvroSerde<AccountCommand> accountCommandSerde() {
        return valueSerde(AccountCommand.getClassSchema());
    }

    public AvroSerde<UserEvent> userEventSerde() {
        return valueSerde(UserEvent.getClassSchema());
    }

    public AvroSerde<RoleEvent> roleEventSerde() {
        return valueSerde(RoleEvent.getClassSchema());
    }

    public AvroSerde<NotificationPreferenceChanged> notificationPreferenceSerde() {
        return valueSerde(NotificationPreferenceChanged.getClassSchema());
    }

    public AvroSerde<LedgerDecision> decisionSerde() {
        return valueSerde(LedgerDecision.getClassSchema());
    }

    public AvroSerde<LedgerEntry> entrySerde() {
        return valueSerde(LedgerEntry.getClassSchema());
    }

    public AvroSerde<Hold> holdSerde() {
        return valueSerde(Hold.getClassSchema());
    }

    public AvroSerde<AccountBalance> balanceSerde() {
        return valueSerde(AccountBalance.getClassSchema());
    }

    private <T extends SpecificRecord> AvroSerde<T> valueSerde(org.apache.avro.Schema schema) {
        return AvroSerde.forValues(registry, schema);
    }
}
