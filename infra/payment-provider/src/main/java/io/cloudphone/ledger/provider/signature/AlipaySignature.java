package io.cloudphone.ledger.provider.signature;

import io.cloudphone.ledger.provider.ProviderName;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Alipay's RSA2 notification signature, simplified to a header: {@code Alipay-Signature} is the base64
 * SHA256withRSA signature of {@code "<notify time>\n<body>"}, with {@code Alipay-Notify-Time} (unix seconds) and
 * {@code Alipay-Sign-Type: RSA2}.
 *
 * <p>The simplification: real Alipay posts a form; its {@code sign} parameter signs every other parameter but
 * {@code sign} and {@code sign_type}, sorted by name and joined as {@code k=v&k=v}, and {@code notify_time} is one
 * of them. Here the body is the normalized JSON notification and the notify time travels in a header, still inside
 * what is signed, so a stale or replayed notification is refused as with the other schemes. {@code sign_type=RSA}
 * (SHA1withRSA, which Alipay still allows) is refused.
 */
public final class AlipaySignature implements NotificationSignature {

    public static final String NOTIFY_TIME_HEADER = "Alipay-Notify-Time";
    public static final String SIGN_TYPE_HEADER = "Alipay-Sign-Type";
    public static final String SIGNATURE_HEADER = "Alipay-Signature";
    public static final String SIGN_TYPE = "RSA2";
    /** Alipay states no tolerance; this is the other schemes' 5 minutes, for the same reason (replays). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final PrivateKey signingKey;
    private final PublicKey verifyingKey;
    private final Clock clock;

    private AlipaySignature(PrivateKey signingKey, PublicKey verifyingKey, Clock clock) {
        this.signingKey = signingKey;
        this.verifyingKey = Objects.requireNonNull(verifyingKey, "verifyingKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs with {@code key}, and verifies with its public half. */
    public static AlipaySignature forSigning(PrivateKey key) {
        return new AlipaySignature(Objects.requireNonNull(key, "key"), PemKeys.publicKeyOf(key), Clock.systemUTC());
    }

    /** Verifies with Alipay's public key ({@code alipay_public_key}). */
    public static AlipaySignature forVerifying(PublicKey key) {
        return new AlipaySignature(null, key, Clock.systemUTC());
    }

    public AlipaySignature withClock(Clock otherClock) {
        return new AlipaySignature(signingKey, verifyingKey, otherClock);
    }

    @Override
    public ProviderName provider() {
        return ProviderName.ALIPAY;
    }

    @Override
    public Map<String, String> sign(byte[] body, Instant at) {
        if (signingKey == null) {
            throw new IllegalStateException("this Alipay signature holds no private key: it only verifies");
        }
        String notifyTime = Long.toString(at.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(NOTIFY_TIME_HEADER, notifyTime);
        headers.put(SIGN_TYPE_HEADER, SIGN_TYPE);
        headers.put(SIGNATURE_HEADER, Base64.getEncoder().encodeToString(Rsa.sign(signingKey, content(notifyTime, body))));
        return headers;
    }

    @Override
    public SignatureVerdict verify(Map<String, List<String>> headers, byte[] body) {
        try {
            String notifyTime = SignedHeaders.one(headers, NOTIFY_TIME_HEADER);
            String signType = SignedHeaders.one(headers, SIGN_TYPE_HEADER);
            String signatureText = SignedHeaders.one(headers, SIGNATURE_HEADER);
            if (!SIGN_TYPE.equals(signType)) {
                throw new Refusal(SIGN_TYPE_HEADER + " is '" + signType + "'; only " + SIGN_TYPE + " is accepted");
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(signatureText);
            } catch (IllegalArgumentException e) {
                throw new Refusal(SIGNATURE_HEADER + " is not base64");
            }
            SignedHeaders.freshTimestamp(notifyTime, NOTIFY_TIME_HEADER, clock.instant(), TOLERANCE);
            if (!Rsa.verify(verifyingKey, signature, content(notifyTime, body))) {
                throw new Refusal(SIGNATURE_HEADER + " does not match the body and notify time under Alipay's key");
            }
            return SignatureVerdict.verified();
        } catch (Refusal refusal) {
            return refusal.verdict();
        }
    }

    private static byte[] content(String notifyTime, byte[] body) {
        byte[] head = (notifyTime + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + body.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(body, 0, content, head.length, body.length);
        return content;
    }
}
