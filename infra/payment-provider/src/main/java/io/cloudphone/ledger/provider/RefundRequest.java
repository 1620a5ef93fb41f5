package io.cloudphone.ledger.provider;

/**
 * A refund of (part of) a paid charge under the merchant's refund number: after a failure or a time-out it is sent
 * again with the SAME number, which the provider refunds once; a new number could refund twice.
 *
 * @param merchantRefundNo 6 to 32 characters of {@code [A-Za-z0-9_-]}
 * @param merchantOrderNo  the charge's number
 * @param amountMinor      positive minor units, at most what is left to refund of the charge
 * @param currency         the charge's currency (WeChat Pay asks for it; the others check it)
 * @param reason           shown to the customer, 1 to 80 characters (WeChat Pay's limit), or null
 */
public record RefundRequest(String merchantRefundNo, String merchantOrderNo, long amountMinor, String currency,
                            String reason) {

    public static final int REASON_LENGTH_MAX = 80;

    public RefundRequest {
        MerchantNumbers.requireValid(merchantRefundNo, "merchantRefundNo");
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        Amounts.requirePositive(amountMinor, "amountMinor");
        Amounts.requireCurrency(currency);
        if (reason != null) {
            Amounts.requireText(reason, "reason", REASON_LENGTH_MAX);
        }
    }
}
