package io.cloudphone.ledger.provider.signature;

import io.cloudphone.ledger.provider.ProviderName;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The receiver's check of a notification, before it parses the body: given the provider the webhook path names,
 * the request's headers and the raw body bytes, verified or refused with the reason. A provider without a key in
 * {@link ProviderKeys} is refused.
 */
public final class NotificationVerifier {

    private final NotificationSignature wechatPay;
    private final NotificationSignature alipay;
    private final NotificationSignature stripe;

    public NotificationVerifier(ProviderKeys keys) {
        this(keys, Clock.systemUTC());
    }

    public NotificationVerifier(ProviderKeys keys, Clock clock) {
        Objects.requireNonNull(keys, "keys");
        this.wechatPay = keys.wechatPay().isEmpty() ? null
                : WechatPaySignature.forVerifying(keys.wechatPay()).withClock(clock);
        this.alipay = keys.alipay() == null ? null : AlipaySignature.forVerifying(keys.alipay()).withClock(clock);
        this.stripe = keys.stripeSecret() == null ? null
                : StripeSignature.withSecret(keys.stripeSecret()).withClock(clock);
    }

    public SignatureVerdict verify(ProviderName provider, Map<String, List<String>> headers, byte[] body) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        NotificationSignature scheme = switch (provider) {
            case WECHAT_PAY -> wechatPay;
            case ALIPAY -> alipay;
            case STRIPE -> stripe;
        };
        if (scheme == null) {
            return new SignatureVerdict.Refused("no key configured for " + provider + " notifications");
        }
        return scheme.verify(headers, body);
    }
}
