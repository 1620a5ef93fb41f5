package io.cloudphone.ledger.schemas;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.AccountBalance;
import io.cloudphone.ledger.schemas.ledger.Hold;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.notification.NotificationPreferenceChanged;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.GatewayOutcome;
import io.cloudphone.ledger.schemas.payment.PaymentAlert;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.payment.PaymentRejection;
import io.cloudphone.ledger.schemas.payment.PaymentTransition;
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

    /** Outbox topic of orders, their payments, refunds and invoices (PaymentCommand), keyed by order id. */
    public static final String PAYMENT_COMMANDS = "cpl.outbox.payment";
    /** Outbox topic of the provider gateway worker's recorded outcomes (GatewayOutcome), keyed by order id. */
    public static final String GATEWAY_OUTCOMES = "cpl.outbox.gateway";
    /** Every transition the payments app decided, in order per order: the history downstream consumers follow. */
    public static final String PAYMENT_TRANSITIONS = "cpl.payments.transitions";
    /** Inputs the payments app refused, with a stable code and a reason: they changed nothing. */
    public static final String PAYMENT_REJECTIONS = "cpl.payments.rejections";
    /** What a person must look at: retries ran out, a watchdog fired, a refund was reversed. */
    public static final String PAYMENT_ALERTS = "cpl.payments.alerts";
    /** Calls the payments app asks the provider gateway worker to make, keyed by order id. */
    public static final String GATEWAY_CALLS = "cpl.payments.gateway-calls";
    /**
     * The payments app's commands to the ledger (credit a top-up, consume a balance payment, hold, capture or release
     * a refund's money), keyed by account id: the ledger reads them beside command-api's.
     */
    public static final String PAYMENT_LEDGER_COMMANDS = "cpl.payments.ledger-commands";
    /** The ledger's decisions on the payments app's commands, re-keyed by order id: the app's own repartition. */
    public static final String PAYMENT_LEDGER_ANSWERS = "cpl.payments.ledger-answers";
    /** Input records the payments app set aside, as the ledger's dead letters. */
    public static final String PAYMENT_DEAD_LETTERS = "cpl.payments.dead-letters";

    /** Outbox aggregate types: Debezium routes aggregate type {@code t} to topic {@code cpl.outbox.t}. */
    public static final String ACCOUNT_AGGREGATE_TYPE = "account";
    public static final String USER_AGGREGATE_TYPE = "user";
    public static final String ROLE_AGGREGATE_TYPE = "role";
    public static final String NOTIFICATION_AGGREGATE_TYPE = "notification";
    public static final String PAYMENT_AGGREGATE_TYPE = "payment";
    public static final String GATEWAY_AGGREGATE_TYPE = "gateway";
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
            ledger(LEDGER_DEAD_LETTERS, TopicSpec.Cleanup.DELETE, DEAD_LETTER_RETENTION, TopicSpec.RAW, TopicSpec.RAW),
            outbox(PAYMENT_AGGREGATE_TYPE, "order id", "PaymentCommand"),
            outbox(GATEWAY_AGGREGATE_TYPE, "order id", "GatewayOutcome"),
            payments(PAYMENT_TRANSITIONS, null, "order id", "PaymentTransition"),
            payments(PAYMENT_REJECTIONS, null, "order id", "PaymentRejection"),
            payments(PAYMENT_ALERTS, null, "order id", "PaymentAlert"),
            payments(GATEWAY_CALLS, null, "order id", "GatewayCall"),
            payments(PAYMENT_LEDGER_COMMANDS, null, "account id", "AccountCommand"),
            payments(PAYMENT_LEDGER_ANSWERS, null, "order id", "LedgerDecision"),
            payments(PAYMENT_DEAD_LETTERS, DEAD_LETTER_RETENTION, TopicSpec.RAW, TopicSpec.RAW));

    private static TopicSpec outbox(String aggregateType, String key, String value) {
        return new TopicSpec(OUTBOX_TOPIC_PREFIX + aggregateType, PARTITIONS, TopicSpec.Cleanup.DELETE, null, key, value,
                TopicSpec.DEBEZIUM);
    }

    private static TopicSpec ledger(String name, TopicSpec.Cleanup cleanup, Duration retention, String key,
                                    String value) {
        return new TopicSpec(name, PARTITIONS, cleanup, retention, key, value, "ledger");
    }

    private static TopicSpec payments(String name, Duration retention, String key, String value) {
        return new TopicSpec(name, PARTITIONS, TopicSpec.Cleanup.DELETE, retention, key, value, "payments");
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

    public AvroSerde<PaymentCommand> paymentCommandSerde() {
        return valueSerde(PaymentCommand.getClassSchema());
    }

    public AvroSerde<GatewayCall> gatewayCallSerde() {
        return valueSerde(GatewayCall.getClassSchema());
    }

    public AvroSerde<GatewayOutcome> gatewayOutcomeSerde() {
        return valueSerde(GatewayOutcome.getClassSchema());
    }

    public AvroSerde<PaymentTransition> paymentTransitionSerde() {
        return valueSerde(PaymentTransition.getClassSchema());
    }

    public AvroSerde<PaymentRejection> paymentRejectionSerde() {
        return valueSerde(PaymentRejection.getClassSchema());
    }

    public AvroSerde<PaymentAlert> paymentAlertSerde() {
        return valueSerde(PaymentAlert.getClassSchema());
    }

    /** The payments app's state of one order, in its store and the store's changelog. */
    public AvroSerde<PaymentCase> paymentCaseSerde() {
        return valueSerde(PaymentCase.getClassSchema());
    }

    private <T extends SpecificRecord> AvroSerde<T> valueSerde(org.apache.avro.Schema schema) {
        return AvroSerde.forValues(registry, schema);
    }
}
