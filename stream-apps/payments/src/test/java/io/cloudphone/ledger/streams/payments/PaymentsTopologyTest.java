package io.cloudphone.ledger.streams.payments;

import static io.cloudphone.ledger.streams.payments.PaymentsDriver.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.CaptureHold;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.PlaceHold;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.account.ReleaseHold;
import io.cloudphone.ledger.schemas.deadletter.DeadLetterHeaders;
import io.cloudphone.ledger.schemas.payment.CreateInvoice;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.GatewayCallKind;
import io.cloudphone.ledger.schemas.payment.GatewayOutcomeKind;
import io.cloudphone.ledger.schemas.payment.NotifiedStatus;
import io.cloudphone.ledger.schemas.payment.OrderKind;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentRejection;
import io.cloudphone.ledger.schemas.payment.PlaceOrder;
import io.cloudphone.ledger.schemas.payment.PublishInvoice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaymentsTopologyTest {

    private static final String ORDER = "order-0001";

    private PaymentsDriver payments = new PaymentsDriver();

    @AfterEach
    void close() {
        payments.close();
    }

    @Test
    void aTopUpPaidThroughTheProviderCreditsTheAccountOnce() {
        payments.place(ORDER, OrderKind.TOP_UP, 1_000);
        payments.payWithProvider(ORDER);
        GatewayCall charge = payments.calls.readValue();
        payments.outcome(ORDER, GatewayCallKind.CHARGE, GatewayOutcomeKind.CHARGE_ACCEPTED, null);
        payments.notified(ORDER, NotifiedStatus.SUCCEEDED, 1_000);

        assertThat(charge.getKind()).isEqualTo(GatewayCallKind.CHARGE);
        assertThat(charge.getMerchantOrderNo()).isEqualTo(ORDER);
        assertThat(charge.getAmountMinor()).isEqualTo(1_000);
        assertThat(payments.transitionLines()).containsExactly(
                "ORDER (new) -PLACE-> PENDING",
                "ORDER PENDING -PAY-> PAYING",
                "PAYMENT (new) -CREATE-> CREATED",
                "PAYMENT CREATED -CHARGE_ACCEPTED-> PENDING",
                "PAYMENT PENDING -PROVIDER_SUCCEEDED-> SUCCEEDED",
                "ORDER PAYING -PAYMENT_SUCCEEDED-> PAID");
        List<AccountCommand> credits = payments.ledgerCommands.readValuesToList();
        assertThat(credits).singleElement().satisfies(credit -> {
            assertThat(credit.getRequestId()).isEqualTo("pay:" + ORDER + ":credit");
            assertThat(credit.getAccountId()).isEqualTo(ACCOUNT);
            assertThat(credit.getCommand()).isEqualTo(new Recharge(1_000L, "CNY"));
        });
        assertThat(payments.stored(ORDER).getPayment().getCapturedMinor()).isEqualTo(1_000);
    }

    @Test
    void aDuplicateNotificationIsRejectedAndCreditsNothingMore() {
        paidTopUp(1_000);

        payments.notified(ORDER, NotifiedStatus.SUCCEEDED, 1_000);

        assertThat(payments.ledgerCommands.isEmpty()).isTrue();
        assertThat(payments.transitions.isEmpty()).isTrue();
        assertThat(payments.rejections.readValue().getCode()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void aRedeliveredCommandIsDroppedSilently() {
        var place = payments.send(ORDER, PlaceOrder.newBuilder().setUserId("user-1").setAccountId(ACCOUNT)
                .setKind(OrderKind.PURCHASE).setAmountMinor(500).setCurrency("CNY").setDescription("plan")
                .setInvoiceId(null).build());
        payments.transitions.readValuesToList();

        payments.redeliver(place);

        assertThat(payments.transitions.isEmpty()).isTrue();
        assertThat(payments.rejections.isEmpty()).isTrue();
    }

    @Test
    void anUnpaidOrderExpiresByItsTimerAndClosesItsPaymentAtTheProvider() {
        payments.place(ORDER, OrderKind.PURCHASE, 800);
        payments.payWithProvider(ORDER);
        payments.outcome(ORDER, GatewayCallKind.CHARGE, GatewayOutcomeKind.CHARGE_ACCEPTED, null);
        payments.calls.readValuesToList();
        payments.transitionLines();

        payments.advance(Duration.ofMinutes(30).plusSeconds(1));

        List<String> lines = payments.transitionLines();
        assertThat(lines).contains("ORDER PAYING -EXPIRE-> CANCELLING", "PAYMENT PENDING -CLOSE_REQUESTED-> CLOSING");
        assertThat(payments.calls.readValuesToList()).extracting(GatewayCall::getKind)
                .contains(GatewayCallKind.CLOSE);

        payments.outcome(ORDER, GatewayCallKind.CLOSE, GatewayOutcomeKind.CLOSED, null);

        assertThat(payments.transitionLines()).containsExactly("PAYMENT CLOSING -PROVIDER_CLOSED-> EXPIRED",
                "ORDER CANCELLING -PAYMENT_FAILED-> CANCELLED");
        assertThat(payments.ledgerCommands.isEmpty()).isTrue();
    }

    @Test
    void aPaymentIsQueriedOnItsScheduleWhileTheBuyerHasNotPaid() {
        payments.place(ORDER, OrderKind.PURCHASE, 800);
        payments.payWithProvider(ORDER);
        payments.outcome(ORDER, GatewayCallKind.CHARGE, GatewayOutcomeKind.CHARGE_ACCEPTED, null);
        payments.calls.readValuesToList();

        payments.advance(Duration.ofSeconds(61));

        assertThat(payments.calls.readValuesToList()).extracting(GatewayCall::getKind)
                .containsExactly(GatewayCallKind.QUERY_CHARGE);
        assertThat(payments.stored(ORDER).getPayment().getLife().getAttempts()).isEqualTo(1);
    }

    @Test
    void aSuccessThatCrossesTheCancelIsRefundedAutomaticallyAndVisibly() {
        payments.place(ORDER, OrderKind.TOP_UP, 1_000);
        payments.payWithProvider(ORDER);
        payments.outcome(ORDER, GatewayCallKind.CHARGE, GatewayOutcomeKind.CHARGE_ACCEPTED, null);
        payments.cancel(ORDER);
        payments.transitionLines();
        payments.calls.readValuesToList();

        payments.outcome(ORDER, GatewayCallKind.CLOSE, GatewayOutcomeKind.ALREADY_PAID, null);

        assertThat(payments.transitionLines()).containsExactly(
                "PAYMENT CLOSING -CLOSE_FAILED_ALREADY_PAID-> SUCCEEDED",
                "ORDER CANCELLING -PAYMENT_SUCCEEDED-> CANCELLED",
                "REFUND (new) -REQUEST_REFUND-> SUBMITTED");
        GatewayCall refund = payments.calls.readValue();
        assertThat(refund.getKind()).isEqualTo(GatewayCallKind.REFUND);
        assertThat(refund.getAmountMinor()).isEqualTo(1_000);
        assertThat(refund.getMerchantRefundNo()).startsWith("auto-").hasSize(32);
        // The top-up never reached the balance: nothing to credit, nothing to hold.
        assertThat(payments.ledgerCommands.isEmpty()).isTrue();
        assertThat(payments.stored(ORDER).getRefunds()).singleElement()
                .satisfies(automatic -> assertThat(automatic.getAutomatic()).isTrue());
    }

    @Test
    void aRefundOfTopUpMoneyHoldsItOnTheLedgerThenCapturesItWhenTheProviderPaysOut() {
        paidTopUp(1_000);

        payments.refund(ORDER, "refund-0001", 300);

        assertThat(payments.transitionLines()).containsExactly("ORDER PAID -REFUND_REQUESTED-> REFUND_PENDING",
                "REFUND (new) -REQUEST_TOP_UP_REFUND-> REQUESTED");
        AccountCommand hold = payments.ledgerCommands.readValue();
        assertThat(hold.getRequestId()).isEqualTo("pay:" + ORDER + ":hold:refund-0001");
        assertThat(hold.getCommand()).isInstanceOfSatisfying(PlaceHold.class,
                place -> assertThat(place.getAmountMinor()).isEqualTo(300));
        assertThat(payments.calls.isEmpty()).as("the provider is not asked before the hold").isTrue();

        payments.ledgerDecides("pay:" + ORDER + ":hold:refund-0001", true);

        assertThat(payments.transitionLines()).containsExactly("REFUND REQUESTED -LEDGER_HOLD_PLACED-> SUBMITTED");
        assertThat(payments.calls.readValue().getMerchantRefundNo()).isEqualTo("refund-0001");

        payments.outcome(ORDER, GatewayCallKind.REFUND, GatewayOutcomeKind.REFUND_SUCCEEDED, "refund-0001");

        assertThat(payments.transitionLines()).containsExactly("REFUND SUBMITTED -PROVIDER_SUCCEEDED-> SUCCEEDED",
                "ORDER REFUND_PENDING -REFUND_SUCCEEDED_IN_PART-> PARTIALLY_REFUNDED");
        assertThat(payments.ledgerCommands.readValue().getCommand()).isInstanceOf(CaptureHold.class);
        assertThat(payments.stored(ORDER).getOrder().getRefundedMinor()).isEqualTo(300);
    }

    @Test
    void aRefundOfTopUpMoneyAlreadySpentIsRefusedByTheLedgerAndNeverReachesTheProvider() {
        paidTopUp(1_000);
        payments.refund(ORDER, "refund-0001", 1_000);
        payments.transitionLines();
        payments.ledgerCommands.readValuesToList();

        payments.ledgerDecides("pay:" + ORDER + ":hold:refund-0001", false);

        assertThat(payments.transitionLines()).containsExactly("REFUND REQUESTED -LEDGER_HOLD_REFUSED-> FAILED",
                "ORDER REFUND_PENDING -REFUND_FAILED-> PAID");
        assertThat(payments.calls.isEmpty()).isTrue();
        assertThat(payments.ledgerCommands.isEmpty()).as("no hold to release").isTrue();
    }

    @Test
    void aRefundLargerThanWhatIsLeftIsRefusedAndChangesNothing() {
        paidTopUp(1_000);

        payments.refund(ORDER, "refund-0001", 1_001);

        PaymentRejection rejection = payments.rejections.readValue();
        assertThat(rejection.getCode()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        assertThat(rejection.getReason()).contains("1001", "1000");
        assertThat(payments.transitions.isEmpty()).isTrue();
        assertThat(payments.stored(ORDER).getRefunds()).isEmpty();
    }

    @Test
    void twoRefundsRequestedTogetherThatExceedThePaymentCannotBothProceed() {
        paidTopUp(1_000);

        payments.refund(ORDER, "refund-0001", 600);
        payments.refund(ORDER, "refund-0002", 600);

        assertThat(payments.rejections.readValuesToList()).extracting(PaymentRejection::getCode)
                .containsExactly("REFUND_EXCEEDS_CAPTURED");
        assertThat(payments.stored(ORDER).getRefunds()).extracting(refund -> refund.getRefundId())
                .containsExactly("refund-0001");
    }

    @Test
    void refundsGoOneAtATimeEvenWhenTogetherTheyFit() {
        paidTopUp(1_000);

        payments.refund(ORDER, "refund-0001", 300);
        payments.refund(ORDER, "refund-0002", 300);

        assertThat(payments.rejections.readValuesToList()).extracting(PaymentRejection::getCode)
                .containsExactly("ILLEGAL_TRANSITION");
        assertThat(payments.stored(ORDER).getRefunds()).hasSize(1);
    }

    @Test
    void aRefundNobodyAnswersIsQueriedOnItsScheduleThenFailsWithAnAlertAndKeepsItsHoldForAPerson() {
        payments.close();
        payments = new PaymentsDriver(PaymentsDriver.compressed(1_000));
        paidTopUp(1_000);
        payments.refund(ORDER, "refund-0001", 400);
        payments.ledgerDecides("pay:" + ORDER + ":hold:refund-0001", true);
        payments.calls.readValuesToList();
        payments.ledgerCommands.readValuesToList();
        payments.transitionLines();

        // Refund status queries run for about 7 days; compressed 1,000 times that is about 10 minutes.
        payments.advance(Duration.ofMinutes(12));

        List<GatewayCall> calls = payments.calls.readValuesToList();
        assertThat(calls).extracting(GatewayCall::getKind).containsOnly(GatewayCallKind.QUERY_REFUND);
        assertThat(calls).hasSizeGreaterThan(5);
        assertThat(payments.transitionLines()).contains("REFUND SUBMITTED -STATUS_QUERIES_EXHAUSTED-> FAILED",
                "ORDER REFUND_PENDING -REFUND_FAILED-> PAID");
        assertThat(payments.alerts.readValuesToList()).isNotEmpty();
        // The provider never said the money stayed: the hold is kept for a person (RefundMachine's javadoc).
        assertThat(payments.ledgerCommands.readValuesToList()).extracting(AccountCommand::getCommand)
                .noneMatch(ReleaseHold.class::isInstance);
        assertThat(payments.stored(ORDER).getRefunds().get(0).getLife().getDeadlineAt()).isNull();
    }

    @Test
    void aPurchasePaidFromTheBalanceConsumesItAndIsPaidWhenTheLedgerAccepts() {
        payments.place(ORDER, OrderKind.PURCHASE, 700);
        payments.payFromBalance(ORDER);

        AccountCommand consume = payments.ledgerCommands.readValue();
        assertThat(consume.getRequestId()).isEqualTo("pay:" + ORDER + ":consume");
        assertThat(consume.getCommand()).isEqualTo(new Consume(700L, "CNY"));
        assertThat(payments.calls.isEmpty()).isTrue();
        payments.transitionLines();

        payments.ledgerDecides("pay:" + ORDER + ":consume", true);

        assertThat(payments.transitionLines()).containsExactly("PAYMENT CREATED -PROVIDER_SUCCEEDED-> SUCCEEDED",
                "ORDER PAYING -PAYMENT_SUCCEEDED-> PAID");
    }

    @Test
    void aBalancePaymentTheLedgerRefusesCancelsTheOrder() {
        payments.place(ORDER, OrderKind.PURCHASE, 700);
        payments.payFromBalance(ORDER);
        payments.transitionLines();

        payments.ledgerDecides("pay:" + ORDER + ":consume", false);

        assertThat(payments.transitionLines()).containsExactly("PAYMENT CREATED -PROVIDER_FAILED-> FAILED",
                "ORDER PAYING -PAYMENT_FAILED-> CANCELLED");
    }

    @Test
    void aTopUpCannotBePaidFromTheBalance() {
        payments.place(ORDER, OrderKind.TOP_UP, 700);

        payments.payFromBalance(ORDER);

        assertThat(payments.rejections.readValue().getCode()).isEqualTo("INVALID");
        assertThat(payments.stored(ORDER).getPayment()).isNull();
    }

    @Test
    void anIllegalTransitionIsRejectedWithTheStateAndWhatItAccepts() {
        paidTopUp(1_000);

        payments.cancel(ORDER);

        PaymentRejection rejection = payments.rejections.readValue();
        assertThat(rejection.getCode()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(rejection.getState()).isEqualTo("PAID");
        assertThat(rejection.getReason()).contains("USER_CANCEL", "REFUND_REQUESTED");
        assertThat(payments.stored(ORDER).getOrder().getLife().getState()).isEqualTo("PAID");
    }

    @Test
    void aNotificationForAnotherAmountIsBelievedByNoOneAndAlerts() {
        payments.place(ORDER, OrderKind.TOP_UP, 1_000);
        payments.payWithProvider(ORDER);
        payments.transitionLines();

        payments.notified(ORDER, NotifiedStatus.SUCCEEDED, 1);

        assertThat(payments.rejections.readValue().getCode()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(payments.alerts.readValue().getReason()).contains("1", "1000");
        assertThat(payments.transitions.isEmpty()).isTrue();
        assertThat(payments.ledgerCommands.isEmpty()).isTrue();
    }

    @Test
    void aPublishedInvoiceIsPaidWithItsOrder() {
        payments.send(ORDER, CreateInvoice.newBuilder().setInvoiceId("inv-1").build());
        payments.send(ORDER, PublishInvoice.newBuilder().setInvoiceId("inv-1").setNumber("2026-000001")
                .setTotalMinor(1_000).setCurrency("CNY").build());
        payments.send(ORDER, PlaceOrder.newBuilder().setUserId("user-1").setAccountId(ACCOUNT)
                .setKind(OrderKind.PURCHASE).setAmountMinor(1_000).setCurrency("CNY").setDescription("plan")
                .setInvoiceId("inv-1").build());
        payments.payWithProvider(ORDER);
        payments.transitionLines();

        payments.notified(ORDER, NotifiedStatus.SUCCEEDED, 1_000);

        assertThat(payments.transitionLines()).containsExactly("PAYMENT CREATED -PROVIDER_SUCCEEDED-> SUCCEEDED",
                "ORDER PAYING -PAYMENT_SUCCEEDED-> PAID", "INVOICE PENDING -ORDER_PAID-> PAID");
        PaymentCase stored = payments.stored(ORDER);
        assertThat(stored.getInvoice().getNumber()).isEqualTo("2026-000001");
        assertThat(stored.getInvoice().getLife().getDeadlineAt()).isNull();
    }

    @Test
    void theLedgersDecisionsOnOtherRequestsAreNoneOfTheAppsBusiness() {
        payments.ledgerDecides("a-client-request", true);

        assertThat(payments.rejections.isEmpty()).isTrue();
        assertThat(payments.deadLetters.isEmpty()).isTrue();
        assertThat(payments.transitions.isEmpty()).isTrue();
    }

    @Test
    void anUnreadableCommandBecomesADeadLetterAndTheNextOneIsDecided() {
        payments.rawCommands.pipeInput(ORDER.getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 42, 1});
        payments.place(ORDER, OrderKind.PURCHASE, 500);

        TestRecord<byte[], byte[]> deadLetter = payments.deadLetters.readRecord();
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8)).isNotBlank();
        assertThat(payments.transitionLines()).containsExactly("ORDER (new) -PLACE-> PENDING");
    }

    @Test
    void aCommandKeyedByAnotherOrderIsSetAside() {
        payments.commands.pipeInput("order-9999", io.cloudphone.ledger.schemas.payment.PaymentCommand.newBuilder()
                .setEventId("evt-x").setOrderId(ORDER).setOccurredAt(payments.now()).setActorId(null)
                .setCommand(io.cloudphone.ledger.schemas.payment.CancelOrder.newBuilder().setReason("r").build())
                .build());

        TestRecord<byte[], byte[]> deadLetter = payments.deadLetters.readRecord();
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8)).isEqualTo("KEY_MISMATCH");
        assertThat(payments.stored(ORDER)).isNull();
    }

    private void paidTopUp(long amountMinor) {
        payments.place(ORDER, OrderKind.TOP_UP, amountMinor);
        payments.payWithProvider(ORDER);
        payments.outcome(ORDER, GatewayCallKind.CHARGE, GatewayOutcomeKind.CHARGE_ACCEPTED, null);
        payments.notified(ORDER, NotifiedStatus.SUCCEEDED, amountMinor);
        payments.transitionLines();
        payments.calls.readValuesToList();
        payments.ledgerCommands.readValuesToList();
        payments.rejections.readValuesToList();
    }
}
