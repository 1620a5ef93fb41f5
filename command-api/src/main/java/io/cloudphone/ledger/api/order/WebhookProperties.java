package io.cloudphone.ledger.api.order;

import io.cloudphone.ledger.provider.signature.ProviderKeys;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys providers' notifications are verified with (prefix {@code cpl.webhooks}): paths of PEM files of WeChat
 * Pay's and Alipay's public keys, and Stripe's endpoint secret; empty leaves that provider without a key, and every
 * notification from it is refused.
 */
@ConfigurationProperties("cpl.webhooks")
public record WebhookProperties(String wechatPayPublicKey, String alipayPublicKey, String stripeSecret) {

    ProviderKeys keys() {
        return ProviderKeys.load(path(wechatPayPublicKey), path(alipayPublicKey),
                stripeSecret == null || stripeSecret.isBlank() ? null : stripeSecret);
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }
}
