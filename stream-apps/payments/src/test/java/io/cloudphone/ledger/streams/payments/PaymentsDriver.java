package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.RejectionCode;
import io.cloudphone.ledger.schemas.payment.CancelOrder;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.GatewayCallKind;
import io.cloudphone.ledger.schemas.payment.GatewayOutcome;
import io.cloudphone.ledger.schemas.payment.GatewayOutcomeKind;
import io.cloudphone.ledger.schemas.payment.NotificationKind;
import io.cloudphone.ledger.schemas.payment.NotifiedStatus;
import io.cloudphone.ledger.schemas.payment.OrderKind;
import io.cloudphone.ledger.schemas.payment.PayOrder;
import io.cloudphone.ledger.schemas.payment.PaymentAlert;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.payment.PaymentMethod;
import io.cloudphone.ledger.schemas.payment.PaymentRejection;
import io.cloudphone.ledger.schemas.payment.PaymentTransition;
import io.cloudphone.ledger.schemas.payment.PlaceOrder;
import io.cloudphone.ledger.schemas.payment.ProviderName;
import io.cloudphone.ledger.schemas.payment.ProviderNotified;
import io.cloudphone.ledger.schemas.payment.RequestRefund;
import io.cloudphone.ledger.schemas.serde.InMemorySchemaRegistryClient;
import io.cloudphone.ledger.streams.payments.cases.Deadlines;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The payments topology in a TopologyTestDriver, with the inputs its neighbours send (command-api's commands, the
 * gateway's outcomes, the ledger's decisions) and its outputs read back. Deadlines run on their production timing
 * unless a test compresses them; the driver's wall clock drives the timers.
 */
final class PaymentsDriver implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final String ACCOUNT = "acc-1";

    final Topics topics = new Topics(new InMemorySchemaRegistryClient());
    final TopologyTestDriver driver;
    final TestInputTopic<String, PaymentCommand> commands;
    final TestInputTopic<String, GatewayOutcome> outcomes;
    final TestInputTopic<String, LedgerDecision> ledgerDecisions;
    final TestInputTopic<byte[], byte[]> rawCommands;
    final TestOutputTopic<String, PaymentTransition> transitions;
    final TestOutputTopic<String, PaymentRejection> rejections;
    final TestOutputTopic<String, PaymentAlert> alerts;
    final TestOutputTopic<String, GatewayCall> calls;
    final TestOutputTopic<String, AccountCommand> ledgerCommands;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    private int nextEvent;
    private int nextDecision;
    private Instant clock = T0;

    PaymentsDriver() {
        this(Deadlines.PRODUCTION);
    }

    PaymentsDriver(Deadlines deadlines) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "payments-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(PaymentsTopology.build(topics, PaymentsTopics.PRODUCTION,
                new PaymentsSettings(deadlines, Duration.ofSeconds(1)), DeadLetterCounter.NONE), settings, T0);
        commands = driver.createInputTopic(Topics.PAYMENT_COMMANDS, Serdes.String().serializer(),
                topics.paymentCommandSerde().serializer());
        rawCommands = driver.createInputTopic(Topics.PAYMENT_COMMANDS, new ByteArraySerializer(),
                new ByteArraySerializer());
        outcomes = driver.createInputTopic(Topics.GATEWAY_OUTCOMES, Serdes.String().serializer(),
                topics.gatewayOutcomeSerde().serializer());
        ledgerDecisions = driver.createInputTopic(Topics.LEDGER_DECISIONS, Serdes.String().serializer(),
                topics.decisionSerde().serializer());
        transitions = driver.createOutputTopic(Topics.PAYMENT_TRANSITIONS, Serdes.String().deserializer(),
                topics.paymentTransitionSerde().deserializer());
        rejections = driver.createOutputTopic(Topics.PAYMENT_REJECTIONS, Serdes.String().deserializer(),
                topics.paymentRejectionSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.PAYMENT_ALERTS, Serdes.String().deserializer(),
                topics.paymentAlertSerde().deserializer());
        calls = driver.createOutputTopic(Topics.GATEWAY_CALLS, Serdes.String().deserializer(),
                topics.gatewayCallSerde().deserializer());
        ledgerCommands = driver.createOutputTopic(Topics.PAYMENT_LEDGER_COMMANDS, Serdes.String().deserializer(),
                topics.accountCommandSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.PAYMENT_DEAD_LETTERS, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Deadlines divided by {@code divisor}: a 30-minute window becomes 1.8 s at 1,000. */
    static Deadlines compressed(long divisor) {
        return new Deadlines(divisor, Map.of());
    }

    PaymentCommand send(String orderId, Object command) {
        PaymentCommand record = PaymentCommand.newBuilder().setEventId("evt-" + (++nextEvent)).setOrderId(orderId)
                .setOccurredAt(now()).setActorId("user-1").setCommand(command).build();
        commands.pipeInput(orderId, record, now());
        return record;
    }

    void redeliver(PaymentCommand record) {
        commands.pipeInput(record.getOrderId(), record, now());
    }

    void place(String orderId, OrderKind kind, long amountMinor) {
        send(orderId, PlaceOrder.newBuilder().setUserId("user-1").setAccountId(ACCOUNT).setKind(kind)
                .setAmountMinor(amountMinor).setCurrency("CNY").setDescription("test order").setInvoiceId(null)
                .build());
    }

    void payWithProvider(String orderId) {
        send(orderId, PayOrder.newBuilder().setPaymentId("pay-" + orderId).setMethod(PaymentMethod.PROVIDER)
                .setProvider(ProviderName.WECHAT_PAY).build());
    }

    void payFromBalance(String orderId) {
        send(orderId, PayOrder.newBuilder().setPaymentId("pay-" + orderId).setMethod(PaymentMethod.BALANCE)
                .setProvider(null).build());
    }

    void cancel(String orderId) {
        send(orderId, CancelOrder.newBuilder().setReason("changed my mind").build());
    }

    void refund(String orderId, String refundId, long amountMinor) {
        send(orderId, RequestRefund.newBuilder().setRefundId(refundId).setAmountMinor(amountMinor)
                .setReason("test refund").build());
    }

    void notified(String orderId, NotifiedStatus status, long amountMinor) {
        send(orderId, ProviderNotified.newBuilder().setNotificationId("n-" + nextEvent).setProvider(
                ProviderName.WECHAT_PAY).setKind(NotificationKind.PAYMENT).setRefundId(null).setStatus(status)
                .setAmountMinor(amountMinor).setCurrency("CNY").build());
    }

    void outcome(String orderId, GatewayCallKind kind, GatewayOutcomeKind outcome, String refundId) {
        outcomes.pipeInput(orderId, GatewayOutcome.newBuilder().setEventId("out-" + (++nextEvent)).setCallId("call")
                .setOrderId(orderId).setKind(kind).setMerchantRefundNo(refundId).setOutcome(outcome)
                .setProviderCode(null).setDetail("test").setOccurredAt(now()).build(), now());
    }

    /** The ledger's decision on {@code requestId}, as it appears on cpl.ledger.decisions (keyed by account). */
    void ledgerDecides(String requestId, boolean accepted) {
        ledgerDecisions.pipeInput(ACCOUNT, LedgerDecision.newBuilder().setRequestId(requestId).setAccountId(ACCOUNT)
                .setOutcome(accepted ? DecisionOutcome.ACCEPTED : DecisionOutcome.REJECTED)
                .setRejectionCode(accepted ? null : RejectionCode.INSUFFICIENT_FUNDS)
                .setReason(accepted ? null : "available 0 < 300").setCurrency("CNY").setBalanceAfter(0)
                .setAvailableAfter(0).setHeldAfter(0).setOperation("test").setVersionAfter(++nextDecision)
                .setDecidedAt(now()).build(), now());
    }

    /** Moves the wall clock in steps of a second, so that every due timer fires on its step. */
    void advance(Duration duration) {
        for (long second = 0; second < duration.toSeconds(); second++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            clock = clock.plusSeconds(1);
        }
    }

    Instant now() {
        return clock;
    }

    PaymentCase stored(String orderId) {
        KeyValueStore<String, PaymentCase> cases = driver.getKeyValueStore(PaymentsStores.CASES);
        return cases.get(orderId);
    }

    /** Every transition emitted since the last read, as "AGGREGATE from -EVENT-> to". */
    List<String> transitionLines() {
        return transitions.readValuesToList().stream().map(PaymentsDriver::line).toList();
    }

    static String line(PaymentTransition transition) {
        return transition.getAggregate() + " " + (transition.getFromState() == null ? "(new)"
                : transition.getFromState()) + " -" + transition.getEvent() + "-> " + transition.getToState();
    }

    @Override
    public void close() {
        driver.close();
    }
}
