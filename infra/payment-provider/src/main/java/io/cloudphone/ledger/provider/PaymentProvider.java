package io.cloudphone.ledger.provider;

/**
 * A payment provider as the gateway worker calls it: one adapter per provider (WeChat Pay, Alipay, Stripe) and the
 * simulator's client implement it.
 *
 * <p>Every method answers; none throws for anything the provider or the network does. Each answer is a sealed type
 * whose cases are every outcome there is, and {@code Unknown} is one of them: a time-out, a refused or broken
 * connection, a 5xx or an unreadable answer may or may not have taken effect, and an adapter never turns one into a
 * success or a refusal. Bad arguments are refused before any call by the request records themselves
 * (IllegalArgumentException).
 *
 * <p>Every call is idempotent at the provider under the merchant's number: a retry after {@code Unknown} sends the
 * same number again, and is answered with the same charge or refund, never a second one.
 */
public interface PaymentProvider {

    ProviderName name();

    /** Creates the charge (NOT_PAID) or, for a number the provider already holds, answers that charge as it is. */
    ChargeAnswer charge(ChargeRequest request);

    ChargeStatus queryCharge(String merchantOrderNo);

    /** Makes sure nobody can pay the charge any more; fails with AlreadyPaid when somebody just did. */
    CloseAnswer close(String merchantOrderNo);

    /** Submits a refund of a paid charge: accepted means PROCESSING; the outcome comes by notification or query. */
    RefundAnswer refund(RefundRequest request);

    RefundStatus queryRefund(String merchantRefundNo);
}
