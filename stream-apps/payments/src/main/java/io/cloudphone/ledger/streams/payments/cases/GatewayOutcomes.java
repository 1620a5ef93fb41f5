package io.cloudphone.ledger.streams.payments.cases;

import io.cloudphone.ledger.schemas.payment.AggregateKind;
import io.cloudphone.ledger.schemas.payment.GatewayCallKind;
import io.cloudphone.ledger.schemas.payment.GatewayOutcome;
import io.cloudphone.ledger.schemas.payment.GatewayOutcomeKind;
import io.cloudphone.ledger.schemas.payment.RefundState;
import io.cloudphone.ledger.streams.payments.machine.PaymentMachine;
import io.cloudphone.ledger.streams.payments.machine.RefundMachine;
import io.cloudphone.ledger.streams.payments.machine.RejectionCode;
import java.util.Optional;

/**
 * What a provider's answer to one gateway call means for the payment or the refund. An UNKNOWN answer to a charge
 * is the machine's CHARGE_OUTCOME_UNKNOWN; to a query, a close or a refund it means nothing new (the call may or may
 * not have happened), and the state's own timer asks again: it is never a guess.
 */
final class GatewayOutcomes {

    private GatewayOutcomes() {
    }

    static void apply(CaseWork work, CaseEffects effects, GatewayOutcome outcome) {
        boolean ofRefund = outcome.getKind() == GatewayCallKind.REFUND
                || outcome.getKind() == GatewayCallKind.QUERY_REFUND;
        if (ofRefund) {
            RefundState refund = outcome.getMerchantRefundNo() == null ? null
                    : CaseEffects.refund(work.current, outcome.getMerchantRefundNo());
            if (refund == null) {
                work.reject(AggregateKind.REFUND, outcome.getMerchantRefundNo(), null, outcome.getOutcome().name(),
                        RejectionCode.AGGREGATE_NOT_FOUND, "no refund " + outcome.getMerchantRefundNo()
                                + " of order " + work.orderId());
                return;
            }
            refundEvent(outcome.getOutcome()).ifPresentOrElse(event -> effects.onRefund(refund, event, false),
                    () -> unusable(work, AggregateKind.REFUND, refund.getRefundId(), outcome));
            return;
        }
        if (work.current.getPayment() == null) {
            work.reject(AggregateKind.PAYMENT, null, null, outcome.getOutcome().name(),
                    RejectionCode.AGGREGATE_NOT_FOUND, "order " + work.orderId() + " has no payment");
            return;
        }
        paymentEvent(outcome.getKind(), outcome.getOutcome()).ifPresentOrElse(
                event -> effects.onPayment(event, false),
                () -> unusable(work, AggregateKind.PAYMENT, work.current.getPayment().getPaymentId(), outcome));
    }

    static Optional<PaymentMachine.Event> paymentEvent(GatewayCallKind call, GatewayOutcomeKind outcome) {
        return Optional.ofNullable(switch (outcome) {
            case CHARGE_ACCEPTED -> PaymentMachine.Event.CHARGE_ACCEPTED;
            case CHARGE_REFUSED -> PaymentMachine.Event.CHARGE_REFUSED;
            case UNKNOWN -> call == GatewayCallKind.CHARGE ? PaymentMachine.Event.CHARGE_OUTCOME_UNKNOWN : null;
            case NOT_PAID -> PaymentMachine.Event.PROVIDER_NOT_PAID;
            case SUCCEEDED -> PaymentMachine.Event.PROVIDER_SUCCEEDED;
            case FAILED -> PaymentMachine.Event.PROVIDER_FAILED;
            case CLOSED -> PaymentMachine.Event.PROVIDER_CLOSED;
            case NO_SUCH_CHARGE -> PaymentMachine.Event.PROVIDER_NO_SUCH_CHARGE;
            case ALREADY_PAID -> PaymentMachine.Event.CLOSE_FAILED_ALREADY_PAID;
            default -> null;
        });
    }

    static Optional<RefundMachine.Event> refundEvent(GatewayOutcomeKind outcome) {
        return Optional.ofNullable(switch (outcome) {
            case REFUND_ACCEPTED, REFUND_PROCESSING -> RefundMachine.Event.PROVIDER_PROCESSING;
            case REFUND_SUCCEEDED -> RefundMachine.Event.PROVIDER_SUCCEEDED;
            // A refusal (more than is refundable, not paid) is the provider's final word, like a failure.
            case REFUND_FAILED, REFUND_REFUSED -> RefundMachine.Event.PROVIDER_FAILED;
            case NO_SUCH_REFUND -> RefundMachine.Event.PROVIDER_NO_SUCH_REFUND;
            default -> null;
        });
    }

    /**
     * An answer that moves nothing: an UNKNOWN (the timer asks again), or an outcome that does not belong to the
     * call (a bug of the worker). The first is normal and silent; the second is rejected, visibly.
     */
    private static void unusable(CaseWork work, AggregateKind kind, String id, GatewayOutcome outcome) {
        if (outcome.getOutcome() == GatewayOutcomeKind.UNKNOWN) {
            return;
        }
        work.reject(kind, id, null, outcome.getOutcome().name(), RejectionCode.INVALID, "outcome "
                + outcome.getOutcome() + " does not answer a " + outcome.getKind() + " call");
    }
}
