package io.cloudphone.ledger.streams.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.payment.CancelOrder;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.serde.InMemorySchemaRegistryClient;
import io.cloudphone.ledger.streams.payments.cases.CaseInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseIntakeTest {

    private static final String ORDER = "order-0001";
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    private final Topics topics = new Topics(new InMemorySchemaRegistryClient());
    private final CaseIntake intake = new CaseIntake(topics.paymentCommandSerde(), topics.gatewayOutcomeSerde(),
            topics.decisionSerde(), PaymentsTopics.PRODUCTION);

    @Test
    void aCommandKeyedByItsOrderIsToBeDecided() {
        CaseIntake.Intake read = readCommand(ORDER, cancel(ORDER));

        assertThat(read).isInstanceOfSatisfying(CaseIntake.ToDecide.class, toDecide ->
                assertThat(toDecide.input()).isInstanceOf(CaseInput.Command.class));
    }

    @Test
    void aCommandKeyedByAnotherOrderIsSetAside() {
        assertSetAside(readCommand("order-9999", cancel(ORDER)), "KEY_MISMATCH");
    }

    @Test
    void anOrderIdThatIsNoMerchantNumberIsSetAside() {
        assertSetAside(readCommand("a:b", cancel("a:b")), "INVALID_ID");
        assertSetAside(readCommand("short", cancel("short")), "INVALID_ID");
    }

    @Test
    void aLedgerAnswerToAnotherRequestIsSetAside() {
        LedgerDecision decision = LedgerDecision.newBuilder().setRequestId("a-client-request").setAccountId("acc-1")
                .setOutcome(DecisionOutcome.ACCEPTED).setRejectionCode(null).setReason(null).setCurrency("CNY")
                .setBalanceAfter(0).setAvailableAfter(0).setHeldAfter(0).setOperation("Consume").setVersionAfter(1)
                .setDecidedAt(AT).build();

        assertSetAside(intake.read(Topics.PAYMENT_LEDGER_ANSWERS, ORDER.getBytes(StandardCharsets.UTF_8),
                topics.decisionSerde().serialize(Topics.PAYMENT_LEDGER_ANSWERS, decision)), "NOT_A_PAYMENTS_REQUEST");
    }

    @Test
    void anUnreadableRecordIsSetAsideWithItsDecodingReason() {
        CaseIntake.Intake read = intake.read(Topics.PAYMENT_COMMANDS, ORDER.getBytes(StandardCharsets.UTF_8),
                new byte[] {0, 0, 0, 0, 42, 1});

        assertThat(read).isInstanceOfSatisfying(CaseIntake.SetAside.class, setAside ->
                assertThat(setAside.deadLetter().reason()).isNotBlank());
        assertSetAside(intake.read(Topics.PAYMENT_COMMANDS, ORDER.getBytes(StandardCharsets.UTF_8), null), "TOMBSTONE");
    }

    private CaseIntake.Intake readCommand(String key, PaymentCommand command) {
        return intake.read(Topics.PAYMENT_COMMANDS, key.getBytes(StandardCharsets.UTF_8),
                topics.paymentCommandSerde().serialize(Topics.PAYMENT_COMMANDS, command));
    }

    private static PaymentCommand cancel(String orderId) {
        return PaymentCommand.newBuilder().setEventId("evt-1").setOrderId(orderId).setOccurredAt(AT).setActorId(null)
                .setCommand(CancelOrder.newBuilder().setReason("r").build()).build();
    }

    private static void assertSetAside(CaseIntake.Intake read, String reason) {
        assertThat(read).isInstanceOfSatisfying(CaseIntake.SetAside.class, setAside ->
                assertThat(setAside.deadLetter().reason()).isEqualTo(reason));
    }
}
