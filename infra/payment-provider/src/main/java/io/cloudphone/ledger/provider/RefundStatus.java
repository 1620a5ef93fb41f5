package io.cloudphone.ledger.provider;

import java.util.Objects;

/**
 * What a status query of a refund came to: the refund in one of its {@link RefundState}s (PROCESSING, SUCCEEDED,
 * CLOSED, ABNORMAL), NO_SUCH_REFUND, a refusal of the query itself, or unknown.
 */
public sealed interface RefundStatus {

    record Found(ProviderRefund refund) implements RefundStatus {
        public Found {
            Objects.requireNonNull(refund, "refund");
        }

        public RefundState state() {
            return refund.state();
        }
    }

    /** The provider never accepted a refund under this number. */
    record NoSuchRefund(String merchantRefundNo) implements RefundStatus {
        public NoSuchRefund {
            MerchantNumbers.requireValid(merchantRefundNo, "merchantRefundNo");
        }
    }

    record Refused(String code, String message) implements RefundStatus {
        public Refused {
            Outcomes.requireCode(code);
        }
    }

    record Unknown(String reason) implements RefundStatus {
        public Unknown {
            Outcomes.requireReason(reason);
        }
    }
}
