package io.cloudphone.ledger.provider.signature;

import io.cloudphone.ledger.provider.ProviderName;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>">}
 * under the endpoint's secret (the whole {@code whsec_...} string is the key), compared in constant time, refused
 * when {@code t} is more than 300 s from now. Several {@code v1} entries may be present (a secret being rolled): one
 * matching is enough. Other schemes ({@code v0}) are ignored, as Stripe's libraries do.
 */
public final class StripeSignature implements NotificationSignature {

    public static final String SIGNATURE_HEADER = "Stripe-Signature";
    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final String HMAC = "HmacSHA256";
    private static final int HMAC_HEX_LENGTH = 64;
    private static final int SIGNATURES_MAX = 8;

    private final byte[] secret;
    private final Clock clock;

    private StripeSignature(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a Stripe endpoint secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs and verifies with the endpoint secret: HMAC is symmetric, both sides hold the same one. */
    public static StripeSignature withSecret(String secret) {
        return new StripeSignature(secret, Clock.systemUTC());
    }

    public StripeSignature withClock(Clock otherClock) {
        return new StripeSignature(new String(secret, StandardCharsets.UTF_8), otherClock);
    }

    @Override
    public ProviderName provider() {
        return ProviderName.STRIPE;
    }

    @Override
    public Map<String, String> sign(byte[] body, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        return Map.of(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(timestamp, body)));
    }

    @Override
    public SignatureVerdict verify(Map<String, List<String>> headers, byte[] body) {
        try {
            String header = SignedHeaders.one(headers, SIGNATURE_HEADER);
            String timestamp = null;
            List<byte[]> signatures = new ArrayList<>();
            for (String item : header.split(",")) {
                int equals = item.indexOf('=');
                if (equals <= 0) {
                    throw new Refusal(SIGNATURE_HEADER + " is not a list of key=value items");
                }
                String key = item.substring(0, equals).strip();
                String value = item.substring(equals + 1).strip();
                if (key.equals("t")) {
                    if (timestamp != null) {
                        throw new Refusal(SIGNATURE_HEADER + " has more than one t");
                    }
                    timestamp = value;
                } else if (key.equals("v1")) {
                    signatures.add(hex(value));
                }
            }
            if (timestamp == null) {
                throw new Refusal(SIGNATURE_HEADER + " has no t (timestamp)");
            }
            if (signatures.isEmpty() || signatures.size() > SIGNATURES_MAX) {
                throw new Refusal(SIGNATURE_HEADER + " has " + signatures.size() + " v1 signatures; 1 to "
                        + SIGNATURES_MAX + " are expected");
            }
            SignedHeaders.freshTimestamp(timestamp, SIGNATURE_HEADER + " t", clock.instant(), TOLERANCE);
            byte[] expected = hmac(timestamp, body);
            boolean matched = false;
            for (byte[] signature : signatures) {
                // Every candidate is compared, in constant time each, so timing says nothing about which matched.
                matched |= MessageDigest.isEqual(expected, signature);
            }
            if (!matched) {
                throw new Refusal("no v1 signature in " + SIGNATURE_HEADER + " matches the payload under this secret");
            }
            return SignatureVerdict.verified();
        } catch (Refusal refusal) {
            return refusal.verdict();
        }
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + HMAC + ": " + e.getMessage(), e);
        }
    }

    private static byte[] hex(String value) {
        if (value.length() != HMAC_HEX_LENGTH) {
            throw new Refusal(SIGNATURE_HEADER + " v1 must be " + HMAC_HEX_LENGTH + " hex digits, was "
                    + value.length() + " characters");
        }
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new Refusal(SIGNATURE_HEADER + " v1 is not hex");
        }
    }
}
