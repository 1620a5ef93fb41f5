package io.cloudphone.ledger.provider;

import java.util.Objects;

/** What a charge call came to. Exactly one of three: no guess is ever made between them. */
public sealed interface ChargeAnswer {

    /**
     * The provider holds the charge. For a number it already knew with the same amount and currency (a retry), the
     * same charge in its current state, which may already be SUCCEEDED or CLOSED.
     */
    record Accepted(ProviderCharge charge) implements ChargeAnswer {
        public Accepted {
            Objects.requireNonNull(charge, "charge");
        }
    }

    /**
     * The provider said no and holds nothing new: e.g. {@link RefusalCodes#ORDER_NO_REUSED} (the number is taken by
     * another amount), {@link RefusalCodes#INVALID_REQUEST}.
     */
    record Refused(String code, String message) implements ChargeAnswer {
        public Refused {
            Outcomes.requireCode(code);
        }
    }

    /**
     * A time-out, a refused or broken connection, a 5xx, an answer that cannot be read: the charge may or may not
     * exist. Only a query (or a retry with the same number) can tell; never treat this as either.
     */
    record Unknown(String reason) implements ChargeAnswer {
        public Unknown {
            Outcomes.requireReason(reason);
        }
    }
}
