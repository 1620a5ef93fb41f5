package io.cloudphone.ledger.provider.signature;

import static io.cloudphone.ledger.provider.signature.StripeSignature.SIGNATURE_HEADER;
import static io.cloudphone.ledger.provider.signature.TestKeys.BODY;
import static io.cloudphone.ledger.provider.signature.TestKeys.CLOCK;
import static io.cloudphone.ledger.provider.signature.TestKeys.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StripeSignatureTest {

    private static final String SECRET = "whsec_test_secret";
    private final StripeSignature endpoint = StripeSignature.withSecret(SECRET).withClock(CLOCK);

    @Test
    void verifiesWhatItSigned() {
        Map<String, String> signed = endpoint.sign(BODY, NOW);

        assertThat(signed.get(SIGNATURE_HEADER)).matches("t=" + NOW.getEpochSecond() + ",v1=[0-9a-f]{64}");
        assertThat(endpoint.verify(Headers.received(signed), BODY).isVerified()).isTrue();
    }

    @Test
    void signsTheHmacOfTimestampDotPayloadUnderTheWholeSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                (NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(endpoint.sign(BODY, NOW).get(SIGNATURE_HEADER)).isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + expected);
    }

    @Test
    void refusesAChangedBody() {
        assertThat(endpoint.verify(Headers.received(endpoint.sign(BODY, NOW)), TestKeys.changed(BODY)))
                .isEqualTo(new SignatureVerdict.Refused("no v1 signature in " + SIGNATURE_HEADER
                        + " matches the payload under this secret"));
    }

    @Test
    void refusesASignatureUnderAnotherSecret() {
        Map<String, String> forged = StripeSignature.withSecret("whsec_other").sign(BODY, NOW);

        assertThat(endpoint.verify(Headers.received(forged), BODY).isVerified()).isFalse();
    }

    @Test
    void acceptsWhenOneOfSeveralSignaturesMatches() {
        String signed = endpoint.sign(BODY, NOW).get(SIGNATURE_HEADER);
        String rolled = signed.replace("t=" + NOW.getEpochSecond() + ",",
                "t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64) + ",v0=ignored,");

        assertThat(endpoint.verify(Headers.with(Map.of(), SIGNATURE_HEADER, rolled), BODY).isVerified()).isTrue();
    }

    @Test
    void refusesASignatureOlderThanTheTolerance() {
        Map<String, String> stale = endpoint.sign(BODY, NOW.minusSeconds(301));

        assertThat(endpoint.verify(Headers.received(stale), BODY)).isEqualTo(new SignatureVerdict.Refused(
                SIGNATURE_HEADER + " t " + NOW.minusSeconds(301).getEpochSecond() + " is 301 s from now, beyond the "
                        + "tolerance of 300 s (stale, replayed, or the clocks disagree)"));
    }

    @Test
    void refusesAReplayedSignatureWithItsTimestampChanged() {
        String signed = endpoint.sign(BODY, NOW.minusSeconds(600)).get(SIGNATURE_HEADER);
        String refreshed = signed.replace("t=" + NOW.minusSeconds(600).getEpochSecond(), "t=" + NOW.getEpochSecond());

        assertThat(endpoint.verify(Headers.with(Map.of(), SIGNATURE_HEADER, refreshed), BODY).isVerified()).isFalse();
    }

    @Test
    void refusesMalformedHeadersSayingWhich() {
        String t = "t=" + NOW.getEpochSecond();

        assertThat(endpoint.verify(Headers.with(Map.of(), SIGNATURE_HEADER, "v1=" + "a".repeat(64)), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER + " has no t (timestamp)"));
        assertThat(endpoint.verify(Headers.with(Map.of(), SIGNATURE_HEADER, t), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER + " has 0 v1 signatures; 1 to 8 are expected"));
        assertThat(endpoint.verify(Headers.with(Map.of(), SIGNATURE_HEADER, t + ",v1=" + "z".repeat(64)), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER + " v1 is not hex"));
        assertThat(endpoint.verify(Headers.with(Map.of(), SIGNATURE_HEADER, t + ",v1=abc"), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER + " v1 must be 64 hex digits, was 3 characters"));
        assertThat(endpoint.verify(Headers.with(Map.of(), SIGNATURE_HEADER, "garbage"), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER + " is not a list of key=value items"));
        assertThat(endpoint.verify(Headers.with(Map.of(), SIGNATURE_HEADER, "t=now,v1=" + "a".repeat(64)), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER + " t is not a time in unix seconds: 'now'"));
        assertThat(endpoint.verify(Headers.with(Map.of(), "Content-Type", "application/json"), BODY))
                .isEqualTo(new SignatureVerdict.Refused("missing header " + SIGNATURE_HEADER));
    }
}
