package io.cloudphone.ledger.provider;

/**
 * Where a charge the provider holds stands. NOT_PAID is not final: every charge must end SUCCEEDED, CLOSED or
 * FAILED, and the merchant closes the ones nobody paid.
 */
public enum ChargeState {
    /** Waiting for the customer (WeChat {@code NOTPAY}, Alipay {@code WAIT_BUYER_PAY}, Stripe {@code requires_payment_method}). */
    NOT_PAID,
    /** Paid (WeChat {@code SUCCESS}, Alipay {@code TRADE_SUCCESS}, Stripe {@code succeeded}). */
    SUCCEEDED,
    /** Closed unpaid: nobody can pay it any more (WeChat {@code CLOSED}, Alipay {@code TRADE_CLOSED}, Stripe {@code canceled}). */
    CLOSED,
    /** The payment failed at the provider (WeChat {@code PAYERROR}). */
    FAILED
}
