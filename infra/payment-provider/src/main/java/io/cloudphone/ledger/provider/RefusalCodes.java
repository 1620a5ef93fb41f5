package io.cloudphone.ledger.provider;

/**
 * The refusal codes adapters map their provider's codes onto (and the simulator answers with). A refusal is the
 * provider's definite word that the call took no effect.
 */
public final class RefusalCodes {

    /** The request itself is malformed. */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    /** The order number is taken by a charge of another amount or currency (WeChat {@code OUT_TRADE_NO_USED}). */
    public static final String ORDER_NO_REUSED = "ORDER_NO_REUSED";
    /** No charge under this order number. */
    public static final String NO_SUCH_CHARGE = "NO_SUCH_CHARGE";
    /** No refund under this refund number. */
    public static final String NO_SUCH_REFUND = "NO_SUCH_REFUND";
    /** A close of a paid charge (WeChat {@code ORDERPAID}, Alipay {@code ACQ.TRADE_HAS_SUCCESS}). */
    public static final String ALREADY_PAID = "ALREADY_PAID";
    /** A close too soon after the charge was created (WeChat Pay: 5 minutes). */
    public static final String CLOSE_TOO_EARLY = "CLOSE_TOO_EARLY";
    /** A refund of a charge that is not paid. */
    public static final String NOT_PAID = "NOT_PAID";
    /** A refund that would take the charge's refunds over what was paid (WeChat {@code NOT_ENOUGH}). */
    public static final String EXCEEDS_REFUNDABLE = "EXCEEDS_REFUNDABLE";
    /** The charge already has the most refunds a provider allows (WeChat Pay: 50). */
    public static final String TOO_MANY_REFUNDS = "TOO_MANY_REFUNDS";
    /** The refund number is taken by a refund of another charge or amount. */
    public static final String REFUND_NO_REUSED = "REFUND_NO_REUSED";
    /** A refund in another currency than the charge's. */
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";

    private RefusalCodes() {
    }
}
