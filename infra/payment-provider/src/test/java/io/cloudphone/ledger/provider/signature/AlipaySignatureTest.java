package io.cloudphone.ledger.provider.signature;

import static io.cloudphone.ledger.provider.signature.AlipaySignature.NOTIFY_TIME_HEADER;
import static io.cloudphone.ledger.provider.signature.AlipaySignature.SIGNATURE_HEADER;
import static io.cloudphone.ledger.provider.signature.AlipaySignature.SIGN_TYPE_HEADER;
import static io.cloudphone.ledger.provider.signature.TestKeys.BODY;
import static io.cloudphone.ledger.provider.signature.TestKeys.CLOCK;
import static io.cloudphone.ledger.provider.signature.TestKeys.NOW;
import static io.cloudphone.ledger.provider.signature.TestKeys.OTHER;
import static io.cloudphone.ledger.provider.signature.TestKeys.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlipaySignatureTest {

    private final AlipaySignature provider = AlipaySignature.forSigning(PROVIDER.getPrivate()).withClock(CLOCK);
    private final AlipaySignature receiver = AlipaySignature.forVerifying(PROVIDER.getPublic()).withClock(CLOCK);

    @Test
    void verifiesWhatItSigned() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(signed).containsOnlyKeys(NOTIFY_TIME_HEADER, SIGN_TYPE_HEADER, SIGNATURE_HEADER)
                .containsEntry(SIGN_TYPE_HEADER, "RSA2")
                .containsEntry(NOTIFY_TIME_HEADER, Long.toString(NOW.getEpochSecond()));
        assertThat(receiver.verify(Headers.received(signed), BODY).isVerified()).isTrue();
    }

    @Test
    void refusesAChangedBody() {
        assertThat(receiver.verify(Headers.received(provider.sign(BODY, NOW)), TestKeys.changed(BODY)))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER
                        + " does not match the body and notify time under Alipay's key"));
    }

    @Test
    void refusesANotifyTimeOtherThanTheSignedOne() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(receiver.verify(Headers.with(signed, NOTIFY_TIME_HEADER, Long.toString(NOW.getEpochSecond() + 60)),
                BODY).isVerified()).isFalse();
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() {
        Map<String, String> forged = AlipaySignature.forSigning(OTHER.getPrivate()).sign(BODY, NOW);

        assertThat(receiver.verify(Headers.received(forged), BODY).isVerified()).isFalse();
    }

    @Test
    void refusesASignatureOlderThanTheTolerance() {
        Map<String, String> stale = provider.sign(BODY, NOW.minus(AlipaySignature.TOLERANCE).minusSeconds(30));

        SignatureVerdict verdict = receiver.verify(Headers.received(stale), BODY);

        assertThat(verdict).isEqualTo(new SignatureVerdict.Refused(NOTIFY_TIME_HEADER + " "
                + stale.get(NOTIFY_TIME_HEADER) + " is 330 s from now, beyond the tolerance of 300 s "
                + "(stale, replayed, or the clocks disagree)"));
    }

    @Test
    void refusesMalformedHeadersSayingWhich() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(receiver.verify(Headers.without(signed, SIGNATURE_HEADER), BODY))
                .isEqualTo(new SignatureVerdict.Refused("missing header " + SIGNATURE_HEADER));
        assertThat(receiver.verify(Headers.with(signed, SIGNATURE_HEADER, "%%%"), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGNATURE_HEADER + " is not base64"));
        assertThat(receiver.verify(Headers.with(signed, NOTIFY_TIME_HEADER, "-5"), BODY).isVerified()).isFalse();
        assertThat(receiver.verify(Headers.with(signed, SIGNATURE_HEADER, ""), BODY))
                .isEqualTo(new SignatureVerdict.Refused("header " + SIGNATURE_HEADER + " is empty"));
    }

    @Test
    void refusesTheWeakerRsaSignType() {
        Map<String, String> signed = provider.sign(BODY, NOW);

        assertThat(receiver.verify(Headers.with(signed, SIGN_TYPE_HEADER, "RSA"), BODY))
                .isEqualTo(new SignatureVerdict.Refused(SIGN_TYPE_HEADER + " is 'RSA'; only RSA2 is accepted"));
    }

    @Test
    void aReceiverHoldingOnlyThePublicKeyCannotSign() {
        assertThatThrownBy(() -> receiver.sign(BODY, NOW)).isInstanceOf(IllegalStateException.class);
    }
}
