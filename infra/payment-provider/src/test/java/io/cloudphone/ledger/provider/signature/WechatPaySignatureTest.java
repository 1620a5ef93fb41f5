package io.cloudphone.ledger.provider.signature;

import static io.cloudphone.ledger.provider.signature.TestKeys.BODY;
import static io.cloudphone.ledger.provider.signature.TestKeys.CLOCK;
import static io.cloudphone.ledger.provider.signature.TestKeys.NOW;
import static io.cloudphone.ledger.provider.signature.TestKeys.OTHER;
import static io.cloudphone.ledger.provider.signature.TestKeys.PROVIDER;
import static io.cloudphone.ledger.provider.signature.WechatPaySignature.NONCE_HEADER;
import static io.cloudphone.ledger.provider.signature.WechatPaySignature.SERIAL_HEADER;
import static io.cloudphone.ledger.provider.signature.WechatPaySignature.SIGNATURE_HEADER;
import static io.cloudphone.ledger.provider.signature.WechatPaySignature.TIMESTAMP_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WechatPaySignatureTest {

    private final WechatPaySignature provider = WechatPaySignature.forSigning(PROVIDER.getPrivate()).withClock(CLOCK);
    private final WechatPaySignature receiver = WechatPaySignature.forVerifying(List.of(PROVIDER.getPublic()))
            .withClock(CLOCK);

    @Test
    void verifiesWhatItSigned() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(signed).containsOnlyKeys(TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER, SERIAL_HEADER);
        assertThat(signed.get(TIMESTAMP_HEADER)).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(signed.get(NONCE_HEADER)).hasSize(32);
        assertThat(signed.get(SERIAL_HEADER)).isEqualTo(PemKeys.serialOf(PROVIDER.getPublic())).hasSize(40);
        assertThat(receiver.verify(Headers.received(signed), BODY)).isEqualTo(SignatureVerdict.verified());
    }

    @Test
    void eachSignatureHasItsOwnNonce() {
        assertThat(provider.sign(BODY, NOW).get(NONCE_HEADER)).isNotEqualTo(provider.sign(BODY, NOW).get(NONCE_HEADER));
    }

    @Test
    void refusesAChangedBody() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(receiver.verify(Headers.received(signed), TestKeys.changed(BODY)))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER
                        + " does not match the body, timestamp and nonce under key " + signed.get(SERIAL_HEADER)));
    }

    @Test
    void refusesAChangedNonceOrTimestamp() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(receiver.verify(Headers.with(signed, NONCE_HEADER, "another-nonce"), BODY).isVerified()).isFalse();
        assertThat(receiver.verify(Headers.with(signed, TIMESTAMP_HEADER, Long.toString(NOW.getEpochSecond() - 1)),
                BODY).isVerified()).isFalse();
    }

    @Test
    void refusesASerialItHoldsNoKeyFor() {
        WechatPaySignature otherProvider = WechatPaySignature.forSigning(OTHER.getPrivate());

        SignatureVerdict verdict = receiver.verify(Headers.received(otherProvider.sign(BODY, NOW)), BODY);

        assertThat(verdict).isInstanceOf(SignatureVerdict.Refused.class);
        assertThat(((SignatureVerdict.Refused) verdict).reason())
                .startsWith(SERIAL_HEADER + " " + PemKeys.serialOf(OTHER.getPublic()) + " names no key held here");
    }

    @Test
    void refusesASignatureMadeWithAnotherKeyUnderTheRightSerial() {
        Map<String, String> forged = WechatPaySignature.forSigning(OTHER.getPrivate()).sign(BODY, NOW);

        SignatureVerdict verdict = receiver.verify(
                Headers.with(forged, SERIAL_HEADER, PemKeys.serialOf(PROVIDER.getPublic())), BODY);

        assertThat(verdict.isVerified()).isFalse();
    }

    @Test
    void picksTheKeyBySerialAmongSeveral() {
        WechatPaySignature rotating = WechatPaySignature.forVerifying(List.of(OTHER.getPublic(), PROVIDER.getPublic()))
                .withClock(CLOCK);

        assertThat(rotating.verify(Headers.received(provider.sign(BODY, NOW)), BODY).isVerified()).isTrue();
    }

    @Test
    void refusesASignatureOlderThanTheTolerance() {
        Map<String, String> stale = provider.sign(BODY, NOW.minus(WechatPaySignature.TOLERANCE).minusSeconds(1));

        assertThat(receiver.verify(Headers.received(stale), BODY)).isEqualTo(new SignatureVerdict.Refused(
                TIMESTAMP_HEADER + " " + stale.get(TIMESTAMP_HEADER) + " is 301 s from now, beyond the tolerance of "
                        + "300 s (stale, replayed, or the clocks disagree)"));
    }

    @Test
    void acceptsASignatureJustWithinTheTolerance() {
        Map<String, String> late = provider.sign(BODY, NOW.minus(WechatPaySignature.TOLERANCE));

        assertThat(receiver.verify(Headers.received(late), BODY).isVerified()).isTrue();
    }

    @Test
    void refusesATimestampFromTheFutureBeyondTheTolerance() {
        Map<String, String> ahead = provider.sign(BODY, NOW.plus(WechatPaySignature.TOLERANCE).plusSeconds(1));

        assertThat(receiver.verify(Headers.received(ahead), BODY).isVerified()).isFalse();
    }

    @Test
    void refusesMalformedHeadersSayingWhich() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(receiver.verify(Headers.without(signed, NONCE_HEADER), BODY))
                .isEqualTo(new SignatureVerdict.Refused("missing header " + NONCE_HEADER));
        assertThat(receiver.verify(Headers.with(signed, SIGNATURE_HEADER, "not base64!"), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER + " is not base64"));
        assertThat(receiver.verify(Headers.with(signed, TIMESTAMP_HEADER, "yesterday"), BODY))
                .isEqualTo(new SignatureVerdict.Refused(TIMESTAMP_HEADER + " is not a time in unix seconds: 'yesterday'"));
        assertThat(receiver.verify(Headers.with(signed, NONCE_HEADER, "x".repeat(65)), BODY).isVerified()).isFalse();
        assertThat(receiver.verify(Headers.with(signed, SIGNATURE_HEADER, "A".repeat(3000)), BODY).isVerified())
                .isFalse();
    }

    @Test
    void refusesAHeaderThatAppearsTwice() {
        Map<String, String> signed = provider.sign(BODY, NOW);
        Map<String, List<String>> headers = Headers.received(signed);
        headers.put(SIGNATURE_HEADER, List.of(signed.get(SIGNATURE_HEADER), signed.get(SIGNATURE_HEADER)));

        assertThat(receiver.verify(headers, BODY))
                .isEqualTo(new SignatureVerdict.Refused("header " + SIGNATURE_HEADER + " appears 2 times; one is expected"));
    }

    @Test
    void readsHeaderNamesInAnyCase() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(receiver.verify(Headers.renamed(signed, name -> name.toLowerCase(Locale.ROOT)), BODY).isVerified())
                .isTrue();
    }

    @Test
    void aReceiverHoldingOnlyPublicKeysCannotSign() {
        assertThatThrownBy(() -> receiver.sign(BODY, NOW)).isInstanceOf(IllegalStateException.class);
    }
}
