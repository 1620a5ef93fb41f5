package io.cloudphone.ledger.provider.signature;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * What a notification receiver verifies with: WeChat Pay's platform public keys (more than one while WeChat rotates
 * them), Alipay's public key, Stripe's endpoint secret. A provider without its key here has every notification
 * refused ("no key configured"), never accepted unchecked.
 *
 * @param wechatPay    RSA public keys; empty: none
 * @param alipay       RSA public key, or null
 * @param stripeSecret the {@code whsec_...} endpoint secret, or null
 */
public record ProviderKeys(List<PublicKey> wechatPay, PublicKey alipay, String stripeSecret) {

    /** A PEM file of WeChat Pay's platform public key (the simulator's: {@code GET /control/keys}). */
    public static final String WECHAT_PUBLIC_KEY_VARIABLE = "CPL_PAYMENT_WECHAT_PUBLIC_KEY";
    /** A PEM file of Alipay's public key. */
    public static final String ALIPAY_PUBLIC_KEY_VARIABLE = "CPL_PAYMENT_ALIPAY_PUBLIC_KEY";
    /** Stripe's endpoint secret itself, {@code whsec_...}. */
    public static final String STRIPE_SECRET_VARIABLE = "CPL_PAYMENT_STRIPE_SECRET";

    public ProviderKeys {
        wechatPay = wechatPay == null ? List.of() : List.copyOf(wechatPay);
        if (stripeSecret != null && stripeSecret.isBlank()) {
            stripeSecret = null;
        }
    }

    public static ProviderKeys none() {
        return new ProviderKeys(List.of(), null, null);
    }

    /** From PEM files and the secret; a null path or secret leaves that provider without a key. */
    public static ProviderKeys load(Path wechatPayPublicPem, Path alipayPublicPem, String stripeSecret) {
        return new ProviderKeys(
                wechatPayPublicPem == null ? List.of() : List.of(PemKeys.readPublicKey(wechatPayPublicPem)),
                alipayPublicPem == null ? null : PemKeys.readPublicKey(alipayPublicPem),
                stripeSecret);
    }

    /**
     * From {@value #WECHAT_PUBLIC_KEY_VARIABLE}, {@value #ALIPAY_PUBLIC_KEY_VARIABLE} (paths of PEM files) and
     * {@value #STRIPE_SECRET_VARIABLE} (the secret); an unset or empty variable leaves that provider without a key.
     */
    public static ProviderKeys fromEnvironment(Map<String, String> environment) {
        return load(path(environment.get(WECHAT_PUBLIC_KEY_VARIABLE)), path(environment.get(ALIPAY_PUBLIC_KEY_VARIABLE)),
                environment.get(STRIPE_SECRET_VARIABLE));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    @Override
    public String toString() {
        return "ProviderKeys[wechatPay=" + wechatPay.stream().map(PemKeys::serialOf).toList() + ", alipay="
                + (alipay == null ? "none" : PemKeys.serialOf(alipay)) + ", stripeSecret="
                + (stripeSecret == null ? "none" : "(set)") + "]";
    }
}
