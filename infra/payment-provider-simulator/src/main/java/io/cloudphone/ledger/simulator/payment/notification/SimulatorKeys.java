package io.cloudphone.ledger.simulator.payment.notification;

import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.signature.AlipaySignature;
import io.cloudphone.ledger.provider.signature.NotificationSignature;
import io.cloudphone.ledger.provider.signature.PemKeys;
import io.cloudphone.ledger.provider.signature.ProviderKeys;
import io.cloudphone.ledger.provider.signature.StripeSignature;
import io.cloudphone.ledger.provider.signature.WechatPaySignature;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * The keys the simulated providers sign notifications with: WeChat Pay's and Alipay's RSA private keys from PEM
 * files, Stripe's endpoint secret; each generated in memory at start when not configured (then a restart changes
 * it). Their public halves (and a generated Stripe secret) are what {@code GET /control/keys} serves to receivers.
 */
public final class SimulatorKeys {

    /** What a receiver needs, and the variable it reads it from. */
    public record View(RsaKey wechatPay, RsaKey alipay, Secret stripe) {
    }

    /** @param serial the {@code Wechatpay-Serial} notifications carry (the key's fingerprint) */
    public record RsaKey(String source, String serial, String publicKeyPem, String receiverVariable) {
    }

    /** @param secret the secret itself when generated here; null when configured (its owner has it already) */
    public record Secret(String source, String secret, String receiverVariable) {
    }

    private final PrivateKey wechatPay;
    private final PrivateKey alipay;
    private final String stripeSecret;
    private final View view;

    private SimulatorKeys(PrivateKey wechatPay, String wechatSource, PrivateKey alipay, String alipaySource,
                          String stripeSecret, String stripeSource, boolean stripeGenerated) {
        this.wechatPay = wechatPay;
        this.alipay = alipay;
        this.stripeSecret = stripeSecret;
        this.view = new View(rsa(wechatSource, wechatPay, ProviderKeys.WECHAT_PUBLIC_KEY_VARIABLE),
                rsa(alipaySource, alipay, ProviderKeys.ALIPAY_PUBLIC_KEY_VARIABLE),
                new Secret(stripeSource, stripeGenerated ? stripeSecret : null, ProviderKeys.STRIPE_SECRET_VARIABLE));
    }

    /** From PEM file paths and the secret; a blank one is generated. */
    public static SimulatorKeys load(String wechatPayPrivatePem, String alipayPrivatePem, String stripeSecret) {
        boolean wechatSet = isSet(wechatPayPrivatePem);
        boolean alipaySet = isSet(alipayPrivatePem);
        boolean stripeSet = isSet(stripeSecret);
        return new SimulatorKeys(
                wechatSet ? PemKeys.readPrivateKey(Path.of(wechatPayPrivatePem.strip())) : PemKeys.generateRsa().getPrivate(),
                wechatSet ? "file " + wechatPayPrivatePem.strip() : "generated at start",
                alipaySet ? PemKeys.readPrivateKey(Path.of(alipayPrivatePem.strip())) : PemKeys.generateRsa().getPrivate(),
                alipaySet ? "file " + alipayPrivatePem.strip() : "generated at start",
                stripeSet ? stripeSecret.strip() : PemKeys.generateHmacSecret(),
                stripeSet ? "configured" : "generated at start", !stripeSet);
    }

    public Map<ProviderName, NotificationSignature> signatures() {
        return Map.of(ProviderName.WECHAT_PAY, WechatPaySignature.forSigning(wechatPay),
                ProviderName.ALIPAY, AlipaySignature.forSigning(alipay),
                ProviderName.STRIPE, StripeSignature.withSecret(stripeSecret));
    }

    /** What a receiver verifies these notifications with (the simulator's tests use it). */
    public ProviderKeys receiverKeys() {
        return new ProviderKeys(List.of(PemKeys.publicKeyOf(wechatPay)), PemKeys.publicKeyOf(alipay), stripeSecret);
    }

    public View view() {
        return view;
    }

    private static RsaKey rsa(String source, PrivateKey key, String variable) {
        PublicKey publicKey = PemKeys.publicKeyOf(key);
        return new RsaKey(source, PemKeys.serialOf(publicKey), PemKeys.pem(publicKey), variable);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
