package io.cloudphone.ledger.simulator.payment.book;

import io.cloudphone.ledger.provider.RefusalCodes;

/**
 * Every error the simulator answers, as {@code {"code": name(), "message": ...}} with its HTTP status. The provider
 * API's codes are those of {@link RefusalCodes}, which the simulator's client maps onto its outcomes.
 */
public enum SimulatorError {
    INVALID_REQUEST(400),
    CURRENCY_MISMATCH(400),
    NO_SUCH_PROVIDER(404),
    NO_SUCH_CHARGE(404),
    NO_SUCH_REFUND(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    ORDER_NO_REUSED(409),
    ALREADY_PAID(409),
    CLOSE_TOO_EARLY(409),
    NOT_PAID(409),
    EXCEEDS_REFUNDABLE(409),
    TOO_MANY_REFUNDS(409),
    REFUND_NO_REUSED(409),
    /** Control API: pay, fail or pay-on-close of a charge that is no longer waiting for payment. */
    CHARGE_NOT_OPEN(409),
    /** Control API: reverse of a refund that has not succeeded (or was reversed already). */
    REFUND_NOT_SUCCEEDED(409),
    /** Control API: fail of a refund that already ended. */
    REFUND_ALREADY_FINAL(409),
    REQUEST_TOO_LARGE(413),
    /** A cap of the in-memory book is reached (charges, refunds, armed faults): nothing was done. */
    SIMULATOR_FULL(507),
    /** An injected failure (failureRate): nothing was done. */
    SYSTEM_ERROR(503),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    SimulatorError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
