package io.cloudphone.ledger.provider;

import java.util.Objects;

/** What a close came to. Closing is idempotent: a closed charge closed again is {@link Closed}. */
public sealed interface CloseAnswer {

    /** Nobody can pay the charge any more. */
    record Closed(ProviderCharge charge) implements CloseAnswer {
        public Closed {
            Objects.requireNonNull(charge, "charge");
        }
    }

    /**
     * The customer paid between the merchant's last query and its close (WeChat {@code ORDERPAID}, Alipay
     * {@code ACQ.TRADE_HAS_SUCCESS}): the charge is paid, to be treated as such (and refunded if the merchant had
     * given up on it).
     *
     * @param providerCode the provider's own code for it
     */
    record AlreadyPaid(String merchantOrderNo, String providerCode) implements CloseAnswer {
        public AlreadyPaid {
            MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
            Outcomes.requireCode(providerCode);
        }
    }

    record NoSuchCharge(String merchantOrderNo) implements CloseAnswer {
        public NoSuchCharge {
            MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        }
    }

    /** Refused for another reason, e.g. {@link RefusalCodes#CLOSE_TOO_EARLY}; the charge is as it was. */
    record Refused(String code, String message) implements CloseAnswer {
        public Refused {
            Outcomes.requireCode(code);
        }
    }

    /** The close may or may not have happened: close again (it is idempotent) or query. */
    record Unknown(String reason) implements CloseAnswer {
        public Unknown {
            Outcomes.requireReason(reason);
        }
    }
}
