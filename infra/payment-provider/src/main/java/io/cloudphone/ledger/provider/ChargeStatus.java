package io.cloudphone.ledger.provider;

import java.util.Objects;

/**
 * What a status query of a charge came to: the charge in one of its {@link ChargeState}s (NOT_PAID, SUCCEEDED,
 * CLOSED, FAILED), NO_SUCH_CHARGE, a refusal of the query itself, or unknown.
 */
public sealed interface ChargeStatus {

    record Found(ProviderCharge charge) implements ChargeStatus {
        public Found {
            Objects.requireNonNull(charge, "charge");
        }

        public ChargeState state() {
            return charge.state();
        }
    }

    /**
     * The provider has never received a charge under this number. After an unknown charge answer this means the
     * charge may still be on its way: only a close makes sure that nobody can pay it later.
     */
    record NoSuchCharge(String merchantOrderNo) implements ChargeStatus {
        public NoSuchCharge {
            MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        }
    }

    /** The provider refused the query itself (bad credentials, a malformed request): says nothing of the charge. */
    record Refused(String code, String message) implements ChargeStatus {
        public Refused {
            Outcomes.requireCode(code);
        }
    }

    /** No answer (time-out, connection, 5xx): ask again later. */
    record Unknown(String reason) implements ChargeStatus {
        public Unknown {
            Outcomes.requireReason(reason);
        }
    }
}
