package io.cloudphone.ledger.simulator.payment.web;

import io.cloudphone.ledger.provider.ChargeRequest;
import io.cloudphone.ledger.provider.RefundRequest;
import io.cloudphone.ledger.provider.RefundState;

/** The request bodies of the provider and control APIs; their checks are those of the request records. */
final class Bodies {

    private Bodies() {
    }

    record Charge(String merchantOrderNo, Long amountMinor, String currency, String description) {
        ChargeRequest toRequest() {
            return new ChargeRequest(merchantOrderNo, required(amountMinor, "amountMinor"), currency, description);
        }
    }

    record Refund(String merchantRefundNo, String merchantOrderNo, Long amountMinor, String currency, String reason) {
        RefundRequest toRequest() {
            return new RefundRequest(merchantRefundNo, merchantOrderNo, required(amountMinor, "amountMinor"), currency,
                    reason);
        }
    }

    /** @param status CLOSED or ABNORMAL; null: CLOSED */
    record FailRefund(RefundState status) {
    }

    private static long required(Long value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
