package io.cloudphone.ledger.provider;

/**
 * A charge under the merchant's order number: sent again unchanged on every retry, so that the provider holds one
 * charge for it and the customer cannot pay twice.
 *
 * @param merchantOrderNo 6 to 32 characters of {@code [A-Za-z0-9_-]} ({@link MerchantNumbers})
 * @param amountMinor     positive minor units
 * @param currency        ISO 4217
 * @param description     what the customer sees, 1 to 127 characters (WeChat Pay's limit, the smallest)
 */
public record ChargeRequest(String merchantOrderNo, long amountMinor, String currency, String description) {

    public static final int DESCRIPTION_LENGTH_MAX = 127;

    public ChargeRequest {
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        Amounts.requirePositive(amountMinor, "amountMinor");
        Amounts.requireCurrency(currency);
        Amounts.requireText(description, "description", DESCRIPTION_LENGTH_MAX);
    }
}
