package io.cloudphone.ledger.provider.signature;

import static io.cloudphone.ledger.provider.signature.TestKeys.BODY;
import static io.cloudphone.ledger.provider.signature.TestKeys.CLOCK;
import static io.cloudphone.ledger.provider.signature.TestKeys.NOW;
import static io.cloudphone.ledger.provider.signature.TestKeys.OTHER;
import static io.cloudphone.ledger.provider.signature.TestKeys.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.provider.ProviderName;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationVerifierTest {

    private static final String STRIPE_SECRET = "whsec_verifier_test";
    private final NotificationVerifier verifier = new NotificationVerifier(
            new ProviderKeys(List.of(PROVIDER.getPublic()), OTHER.getPublic(), STRIPE_SECRET), CLOCK);

    @Test
    void verifiesEachProviderWithItsOwnScheme() {
        assertThat(verifier.verify(ProviderName.WECHAT_PAY,
                Headers.received(WechatPaySignature.forSigning(PROVIDER.getPrivate()).sign(BODY, NOW)), BODY)
                .isVerified()).isTrue();
        assertThat(verifier.verify(ProviderName.ALIPAY,
                Headers.received(AlipaySignature.forSigning(OTHER.getPrivate()).sign(BODY, NOW)), BODY)
                .isVerified()).isTrue();
        assertThat(verifier.verify(ProviderName.STRIPE,
                Headers.received(StripeSignature.withSecret(STRIPE_SECRET).sign(BODY, NOW)), BODY)
                .isVerified()).isTrue();
    }

    @Test
    void refusesANotificationPostedUnderAnotherProvidersName() {
        var wechatSigned = Headers.received(WechatPaySignature.forSigning(PROVIDER.getPrivate()).sign(BODY, NOW));

        assertThat(verifier.verify(ProviderName.ALIPAY, wechatSigned, BODY))
                .isEqualTo(new SignatureVerdict.Refused("missing header " + AlipaySignature.NOTIFY_TIME_HEADER));
    }

    @Test
    void refusesEveryNotificationOfAProviderWithoutAKey() {
        NotificationVerifier withoutKeys = new NotificationVerifier(ProviderKeys.none(), CLOCK);

        for (ProviderName provider : ProviderName.values()) {
            assertThat(withoutKeys.verify(provider,
                    Headers.received(StripeSignature.withSecret(STRIPE_SECRET).sign(BODY, NOW)), BODY))
                    .isEqualTo(new SignatureVerdict.Refused("no key configured for " + provider + " notifications"));
        }
    }
}
