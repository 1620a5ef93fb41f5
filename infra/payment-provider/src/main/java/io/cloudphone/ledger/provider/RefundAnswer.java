package io.cloudphone.ledger.provider;

import java.util.Objects;

/** What a refund submission came to. Accepted means only that: the refund's outcome comes later. */
public sealed interface RefundAnswer {

    /**
     * The provider holds the refund, PROCESSING; for a refund number it already knew with the same order and amount
     * (a retry), that same refund in its current state.
     */
    record Accepted(ProviderRefund refund) implements RefundAnswer {
        public Accepted {
            Objects.requireNonNull(refund, "refund");
        }
    }

    /**
     * The provider refused and holds no new refund: {@link RefusalCodes#EXCEEDS_REFUNDABLE},
     * {@link RefusalCodes#NOT_PAID}, {@link RefusalCodes#NO_SUCH_CHARGE}, {@link RefusalCodes#TOO_MANY_REFUNDS},
     * {@link RefusalCodes#REFUND_NO_REUSED}, {@link RefusalCodes#CURRENCY_MISMATCH}, ...
     */
    record Refused(String code, String message) implements RefundAnswer {
        public Refused {
            Outcomes.requireCode(code);
        }
    }

    /** The refund may or may not have been accepted: send it again with the SAME refund number, or query it. */
    record Unknown(String reason) implements RefundAnswer {
        public Unknown {
            Outcomes.requireReason(reason);
        }
    }
}
