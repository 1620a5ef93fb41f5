package io.cloudphone.ledger.provider;

import java.util.Objects;

/** A refund as the provider holds it. */
public record ProviderRefund(ProviderName provider, String merchantRefundNo, String merchantOrderNo,
                             String providerRefundId, long amountMinor, String currency, RefundState state) {

    public ProviderRefund {
        Objects.requireNonNull(provider, "provider");
        MerchantNumbers.requireValid(merchantRefundNo, "merchantRefundNo");
        MerchantNumbers.requireValid(merchantOrderNo, "merchantOrderNo");
        Objects.requireNonNull(providerRefundId, "providerRefundId");
        Amounts.requirePositive(amountMinor, "amountMinor");
        Amounts.requireCurrency(currency);
        Objects.requireNonNull(state, "state");
    }
}
