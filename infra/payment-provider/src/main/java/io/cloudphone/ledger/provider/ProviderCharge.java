package io.cloudphone.ledger.provider;

import java.util.Objects;

/**
 * A charge as the provider holds it.
 *
 * @param providerChargeId the provider's own id (WeChat {@code transaction_id}, Alipay {@code trade_no}, Stripe's
 *                         PaymentIntent id), for people and bills; the merchant's number is the key
 */
public record ProviderCharge(ProviderName provider, String merchantOrderNo, String providerChargeId, long amountMinor,
                             String currency, ChargeState state) {

    public ProviderCharge {
        Objects.requireNonNull(provider, "provider");
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        Objects.requireNonNull(providerChargeId, "providerChargeId");
        Amounts.requirePositive(amountMinor, "amountMinor");
        Amounts.requireCurrency(currency);
        Objects.requireNonNull(state, "state");
    }
}
