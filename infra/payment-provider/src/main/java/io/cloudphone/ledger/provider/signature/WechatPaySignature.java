package io.cloudphone.ledger.provider.signature;

import io.cloudphone.ledger.provider.ProviderName;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * WeChat Pay v3's notification signature: {@code Wechatpay-Signature} is the base64 SHA256withRSA signature of
 * {@code "<timestamp>\n<nonce>\n<body>\n"}, with {@code Wechatpay-Timestamp} (unix seconds), {@code Wechatpay-Nonce}
 * and {@code Wechatpay-Serial} naming the platform key to verify with (here: {@link PemKeys#serialOf}). A receiver
 * may hold several keys (WeChat rotates its platform certificates) and picks by serial.
 *
 * <p>Not simulated: the real body's {@code resource} is AES-256-GCM encrypted with the merchant's API v3 key; the
 * normalized body here is plain JSON.
 */
public final class WechatPaySignature implements NotificationSignature {

    public static final String TIMESTAMP_HEADER = "Wechatpay-Timestamp";
    public static final String NONCE_HEADER = "Wechatpay-Nonce";
    public static final String SIGNATURE_HEADER = "Wechatpay-Signature";
    public static final String SERIAL_HEADER = "Wechatpay-Serial";
    /** WeChat Pay's advice to merchants: refuse a notification whose timestamp is more than 5 minutes off. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final int NONCE_LENGTH = 32;
    static final int NONCE_LENGTH_MAX = 64;
    private static final String NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey signingKey;
    private final String signingSerial;
    private final Map<String, PublicKey> verifyingKeys;
    private final Clock clock;

    private WechatPaySignature(PrivateKey signingKey, Collection<PublicKey> verifyingKeys, Clock clock) {
        this.signingKey = signingKey;
        this.signingSerial = signingKey == null ? null : PemKeys.serialOf(PemKeys.publicKeyOf(signingKey));
        this.verifyingKeys = verifyingKeys.stream()
                .collect(Collectors.toUnmodifiableMap(PemKeys::serialOf, Function.identity(), (a, b) -> a));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs with {@code key}, and verifies with its public half. */
    public static WechatPaySignature forSigning(PrivateKey key) {
        return new WechatPaySignature(Objects.requireNonNull(key, "key"), List.of(PemKeys.publicKeyOf(key)),
                Clock.systemUTC());
    }

    /** Verifies with any of {@code keys}, chosen by the serial a notification names. */
    public static WechatPaySignature forVerifying(Collection<PublicKey> keys) {
        return new WechatPaySignature(null, List.copyOf(keys), Clock.systemUTC());
    }

    public WechatPaySignature withClock(Clock otherClock) {
        return new WechatPaySignature(signingKey, verifyingKeys.values(), otherClock);
    }

    /** The serial this instance signs under; null when it only verifies. */
    public String signingSerial() {
        return signingSerial;
    }

    @Override
    public ProviderName provider() {
        return ProviderName.WECHAT_PAY;
    }

    @Override
    public Map<String, String> sign(byte[] body, Instant at) {
        if (signingKey == null) {
            throw new IllegalStateException("this WeChat Pay signature holds no private key: it only verifies");
        }
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = nonce();
        byte[] signature = Rsa.sign(signingKey, message(timestamp, nonce, body));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(NONCE_HEADER, nonce);
        headers.put(SIGNATURE_HEADER, Base64.getEncoder().encodeToString(signature));
        headers.put(SERIAL_HEADER, signingSerial);
        return headers;
    }

    @Override
    public SignatureVerdict verify(Map<String, List<String>> headers, byte[] body) {
        try {
            String timestamp = SignedHeaders.one(headers, TIMESTAMP_HEADER);
            String nonce = SignedHeaders.one(headers, NONCE_HEADER);
            String signatureText = SignedHeaders.one(headers, SIGNATURE_HEADER);
            String serial = SignedHeaders.one(headers, SERIAL_HEADER);
            if (nonce.length() > NONCE_LENGTH_MAX || nonce.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new Refusal(NONCE_HEADER + " must be at most " + NONCE_LENGTH_MAX + " characters on one line");
            }
            PublicKey key = verifyingKeys.get(serial);
            if (key == null) {
                throw new Refusal(SERIAL_HEADER + " " + serial + " names no key held here (held: "
                        + verifyingKeys.keySet() + "); was the platform key rotated?");
            }
            byte[] signature = base64(signatureText);
            SignedHeaders.freshTimestamp(timestamp, TIMESTAMP_HEADER, clock.instant(), TOLERANCE);
            if (!Rsa.verify(key, signature, message(timestamp, nonce, body))) {
                throw new Refusal(SIGNATURE_HEADER + " does not match the body, timestamp and nonce under key "
                        + serial);
            }
            return SignatureVerdict.verified();
        } catch (Refusal refusal) {
            return refusal.verdict();
        }
    }

    private static byte[] message(String timestamp, String nonce, byte[] body) {
        byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        message[message.length - 1] = '\n';
        return message;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(SIGNATURE_HEADER + " is not base64");
        }
    }

    private static String nonce() {
        StringBuilder nonce = new StringBuilder(NONCE_LENGTH);
        for (int i = 0; i < NONCE_LENGTH; i++) {
            nonce.append(NONCE_ALPHABET.charAt(RANDOM.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }
}
