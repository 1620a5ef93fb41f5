package io.cloudphone.ledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.provider.ChargeAnswer;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ChargeStatus;
import io.cloudphone.ledger.provider.CloseAnswer;
import io.cloudphone.ledger.provider.ProviderCharge;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.ProviderRefund;
import io.cloudphone.ledger.provider.RefundAnswer;
import io.cloudphone.ledger.provider.RefundState;
import io.cloudphone.ledger.provider.RefundStatus;
import io.cloudphone.ledger.schemas.payment.GatewayOutcomeKind;
import io.cloudphone.ledger.provider.PaymentProvider;
import io.cloudphone.ledger.provider.simulator.SimulatorPaymentProvider;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.GatewayCallKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderCallsTest {

    private static final String ORDER = "ord-000000000001";
    private static final String REFUND = "rfd-000000000001";

    @Test
    void aNewChargeIsAcceptedAndARetriedOneSaysWhereItStands() {
        assertThat(ProviderCalls.charged(new ChargeAnswer.Accepted(charge(ChargeState.NOT_PAID))).outcome())
                .isEqualTo(GatewayOutcomeKind.CHARGE_ACCEPTED);
        assertThat(ProviderCalls.charged(new ChargeAnswer.Accepted(charge(ChargeState.SUCCEEDED))).outcome())
                .isEqualTo(GatewayOutcomeKind.SUCCEEDED);
        assertThat(ProviderCalls.charged(new ChargeAnswer.Refused("ORDER_NO_REUSED", "taken")))
                .isEqualTo(new ProviderCalls.Said(GatewayOutcomeKind.CHARGE_REFUSED, "ORDER_NO_REUSED", "taken"));
    }

    @Test
    void aTimeOutIsNeverAGuess() {
        assertThat(ProviderCalls.charged(new ChargeAnswer.Unknown("timed out")).outcome())
                .isEqualTo(GatewayOutcomeKind.UNKNOWN);
        assertThat(ProviderCalls.closed(new CloseAnswer.Unknown("timed out")).outcome())
                .isEqualTo(GatewayOutcomeKind.UNKNOWN);
        assertThat(ProviderCalls.refunded(new RefundAnswer.Unknown("503")).outcome())
                .isEqualTo(GatewayOutcomeKind.UNKNOWN);
        assertThat(ProviderCalls.queried(new ChargeStatus.Unknown("reset")).outcome())
                .isEqualTo(GatewayOutcomeKind.UNKNOWN);
        assertThat(ProviderCalls.refundQueried(new RefundStatus.Unknown("reset")).outcome())
                .isEqualTo(GatewayOutcomeKind.UNKNOWN);
    }

    @Test
    void aCloseThatFindsTheChargePaidSaysSoWithTheProvidersCode() {
        assertThat(ProviderCalls.closed(new CloseAnswer.AlreadyPaid(ORDER, "ORDERPAID")))
                .isEqualTo(new ProviderCalls.Said(GatewayOutcomeKind.ALREADY_PAID, "ORDERPAID",
                        "the customer paid before the close"));
        assertThat(ProviderCalls.closed(new CloseAnswer.Closed(charge(ChargeState.CLOSED))).outcome())
                .isEqualTo(GatewayOutcomeKind.CLOSED);
        assertThat(ProviderCalls.closed(new CloseAnswer.Refused("CLOSE_TOO_EARLY", "5 minutes")).outcome())
                .as("nothing changed: the payment's timer closes again").isEqualTo(GatewayOutcomeKind.UNKNOWN);
    }

    @Test
    void everyChargeStateOfAQueryHasItsOutcome() {
        assertThat(ProviderCalls.queried(new ChargeStatus.Found(charge(ChargeState.NOT_PAID))).outcome())
                .isEqualTo(GatewayOutcomeKind.NOT_PAID);
        assertThat(ProviderCalls.queried(new ChargeStatus.Found(charge(ChargeState.FAILED))).outcome())
                .isEqualTo(GatewayOutcomeKind.FAILED);
        assertThat(ProviderCalls.queried(new ChargeStatus.NoSuchCharge(ORDER)).outcome())
                .isEqualTo(GatewayOutcomeKind.NO_SUCH_CHARGE);
    }

    @Test
    void aRefundIsAcceptedThenSucceedsOrFails() {
        assertThat(ProviderCalls.refunded(new RefundAnswer.Accepted(refund(RefundState.PROCESSING))).outcome())
                .isEqualTo(GatewayOutcomeKind.REFUND_ACCEPTED);
        assertThat(ProviderCalls.refunded(new RefundAnswer.Refused("EXCEEDS_REFUNDABLE", "too much")).outcome())
                .isEqualTo(GatewayOutcomeKind.REFUND_REFUSED);
        assertThat(ProviderCalls.refundQueried(new RefundStatus.Found(refund(RefundState.SUCCEEDED))).outcome())
                .isEqualTo(GatewayOutcomeKind.REFUND_SUCCEEDED);
        assertThat(ProviderCalls.refundQueried(new RefundStatus.Found(refund(RefundState.ABNORMAL))).outcome())
                .isEqualTo(GatewayOutcomeKind.REFUND_FAILED);
        assertThat(ProviderCalls.refundQueried(new RefundStatus.NoSuchRefund(REFUND)).outcome())
                .isEqualTo(GatewayOutcomeKind.NO_SUCH_REFUND);
    }

    @Test
    void aCallTheAdapterRefusesToSendIsRefusedNotFatal() {
        PaymentProvider unreachable = new SimulatorPaymentProvider(URI.create("http://127.0.0.1:9"),
                ProviderName.WECHAT_PAY, Duration.ofMillis(100));
        GatewayCall tooLarge = GatewayCall.newBuilder().setCallId("c-1").setOrderId(ORDER).setKind(GatewayCallKind.CHARGE)
                .setProvider(io.cloudphone.ledger.schemas.payment.ProviderName.WECHAT_PAY).setMerchantOrderNo(ORDER)
                .setMerchantRefundNo(null).setAmountMinor(Long.MAX_VALUE).setCurrency("CNY")
                .setIssuedAt(Instant.parse("2026-12-06T10:00:00Z")).build();

        ProviderCalls.Said said = ProviderCalls.callOrRefuse(unreachable, tooLarge);

        assertThat(said.outcome()).isEqualTo(GatewayOutcomeKind.CHARGE_REFUSED);
        assertThat(said.providerCode()).isEqualTo("INVALID_REQUEST");
        assertThat(ProviderCalls.callOrRefuse(unreachable, GatewayCall.newBuilder(tooLarge)
                .setKind(GatewayCallKind.CLOSE).setMerchantOrderNo("bad no").build()).outcome())
                .isEqualTo(GatewayOutcomeKind.UNKNOWN);
    }

    private static ProviderCharge charge(ChargeState state) {
        return new ProviderCharge(ProviderName.WECHAT_PAY, ORDER, "wx-1", 1_000, "CNY", state);
    }

    private static ProviderRefund refund(RefundState state) {
        return new ProviderRefund(ProviderName.WECHAT_PAY, REFUND, ORDER, "wx-r-1", 300, "CNY", state);
    }
}
