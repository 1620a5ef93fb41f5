package io.cloudphone.ledger.gateway;

import io.cloudphone.ledger.provider.ChargeAnswer;
import io.cloudphone.ledger.provider.ChargeRequest;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ChargeStatus;
import io.cloudphone.ledger.provider.CloseAnswer;
import io.cloudphone.ledger.provider.PaymentProvider;
import io.cloudphone.ledger.provider.RefundAnswer;
import io.cloudphone.ledger.provider.RefundRequest;
import io.cloudphone.ledger.provider.RefundState;
import io.cloudphone.ledger.provider.RefundStatus;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.GatewayOutcomeKind;

/**
 * Makes one decided call at its provider and says what it came to, as the payments app reads it. Every answer of the
 * adapter maps to exactly one outcome; whatever may or may not have taken effect (a time-out, a 5xx, a refusal of a
 * query or a close that changed nothing) is UNKNOWN, which the payments app settles by asking again. Never a guess.
 */
final class ProviderCalls {

    /** Providers cap a charge's description; the order id says the rest. */
    private static final String DESCRIPTION = "cloudphone order ";

    /** What the provider said: the outcome, its own code when it gave one, and a line for people. */
    record Said(GatewayOutcomeKind outcome, String providerCode, String detail) {
    }

    private ProviderCalls() {
    }

    /**
     * The call, or, when the adapter refuses its arguments before calling (an amount beyond what providers take, a
     * malformed number), that refusal as the provider's would be: a charge or refund REFUSED (nothing was sent, so
     * nothing can have happened), a query or close UNKNOWN (the payment's timer retries, then gives up with an alert).
     * Such a call must not stop the worker: it would stop every call behind it.
     */
    static Said callOrRefuse(PaymentProvider provider, GatewayCall call) {
        try {
            return call(provider, call);
        } catch (IllegalArgumentException invalid) {
            String detail = "not sent: " + invalid.getMessage();
            return switch (call.getKind()) {
                case CHARGE -> new Said(GatewayOutcomeKind.CHARGE_REFUSED, "INVALID_REQUEST", detail);
                case REFUND -> new Said(GatewayOutcomeKind.REFUND_REFUSED, "INVALID_REQUEST", detail);
                case QUERY_CHARGE, CLOSE, QUERY_REFUND -> unknown(detail);
            };
        }
    }

    static Said call(PaymentProvider provider, GatewayCall call) {
        String order = call.getMerchantOrderNo();
        return switch (call.getKind()) {
            case CHARGE -> charged(provider.charge(new ChargeRequest(order, call.getAmountMinor(), call.getCurrency(),
                    DESCRIPTION + order)));
            case QUERY_CHARGE -> queried(provider.queryCharge(order));
            case CLOSE -> closed(provider.close(order));
            case REFUND -> refunded(provider.refund(new RefundRequest(call.getMerchantRefundNo(), order,
                    call.getAmountMinor(), call.getCurrency(), "refund " + call.getMerchantRefundNo())));
            case QUERY_REFUND -> refundQueried(provider.queryRefund(call.getMerchantRefundNo()));
        };
    }

    static Said charged(ChargeAnswer answer) {
        return switch (answer) {
            case ChargeAnswer.Accepted accepted -> new Said(accepted.charge().state() == ChargeState.NOT_PAID
                    ? GatewayOutcomeKind.CHARGE_ACCEPTED : charge(accepted.charge().state()), null,
                    "charge " + accepted.charge().providerChargeId() + " " + accepted.charge().state());
            case ChargeAnswer.Refused refused -> new Said(GatewayOutcomeKind.CHARGE_REFUSED, refused.code(),
                    refused.message());
            case ChargeAnswer.Unknown unknown -> unknown(unknown.reason());
        };
    }

    static Said queried(ChargeStatus status) {
        return switch (status) {
            case ChargeStatus.Found found -> new Said(charge(found.charge().state()), null,
                    "charge " + found.charge().providerChargeId() + " " + found.charge().state());
            case ChargeStatus.NoSuchCharge none -> new Said(GatewayOutcomeKind.NO_SUCH_CHARGE, null,
                    "no charge " + none.merchantOrderNo());
            case ChargeStatus.Refused refused -> unknown("query refused: " + refused.code() + " " + refused.message());
            case ChargeStatus.Unknown unknown -> unknown(unknown.reason());
        };
    }

    static Said closed(CloseAnswer answer) {
        return switch (answer) {
            case CloseAnswer.Closed closed -> new Said(GatewayOutcomeKind.CLOSED, null,
                    "charge " + closed.charge().providerChargeId() + " closed");
            case CloseAnswer.AlreadyPaid paid -> new Said(GatewayOutcomeKind.ALREADY_PAID, paid.providerCode(),
                    "the customer paid before the close");
            case CloseAnswer.NoSuchCharge none -> new Said(GatewayOutcomeKind.NO_SUCH_CHARGE, null,
                    "no charge " + none.merchantOrderNo());
            // A close refused for now (too early) changed nothing: the payment's timer closes again.
            case CloseAnswer.Refused refused -> unknown("close refused: " + refused.code() + " " + refused.message());
            case CloseAnswer.Unknown unknown -> unknown(unknown.reason());
        };
    }

    static Said refunded(RefundAnswer answer) {
        return switch (answer) {
            case RefundAnswer.Accepted accepted -> new Said(accepted.refund().state() == RefundState.PROCESSING
                    ? GatewayOutcomeKind.REFUND_ACCEPTED : refund(accepted.refund().state()), null,
                    "refund " + accepted.refund().providerRefundId() + " " + accepted.refund().state());
            case RefundAnswer.Refused refused -> new Said(GatewayOutcomeKind.REFUND_REFUSED, refused.code(),
                    refused.message());
            case RefundAnswer.Unknown unknown -> unknown(unknown.reason());
        };
    }

    static Said refundQueried(RefundStatus status) {
        return switch (status) {
            case RefundStatus.Found found -> new Said(refund(found.refund().state()), null,
                    "refund " + found.refund().providerRefundId() + " " + found.refund().state());
            case RefundStatus.NoSuchRefund none -> new Said(GatewayOutcomeKind.NO_SUCH_REFUND, null,
                    "no refund " + none.merchantRefundNo());
            case RefundStatus.Refused refused -> unknown("query refused: " + refused.code() + " " + refused.message());
            case RefundStatus.Unknown unknown -> unknown(unknown.reason());
        };
    }

    private static GatewayOutcomeKind charge(ChargeState state) {
        return switch (state) {
            case NOT_PAID -> GatewayOutcomeKind.NOT_PAID;
            case SUCCEEDED -> GatewayOutcomeKind.SUCCEEDED;
            case CLOSED -> GatewayOutcomeKind.CLOSED;
            case FAILED -> GatewayOutcomeKind.FAILED;
        };
    }

    private static GatewayOutcomeKind refund(RefundState state) {
        return switch (state) {
            case PROCESSING -> GatewayOutcomeKind.REFUND_PROCESSING;
            case SUCCEEDED -> GatewayOutcomeKind.REFUND_SUCCEEDED;
            case CLOSED, ABNORMAL -> GatewayOutcomeKind.REFUND_FAILED;
        };
    }

    private static Said unknown(String reason) {
        return new Said(GatewayOutcomeKind.UNKNOWN, null, reason);
    }
}
