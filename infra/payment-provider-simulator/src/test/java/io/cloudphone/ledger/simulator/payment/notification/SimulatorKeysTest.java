package io.cloudphone.ledger.simulator.payment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.signature.NotificationVerifier;
import io.cloudphone.ledger.provider.signature.PemKeys;
import io.cloudphone.ledger.provider.signature.ProviderKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorKeysTest {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsWithConfiguredKeysAndServesOnlyTheirPublicHalves(@TempDir Path dir) throws Exception {
        KeyPair wechat = PemKeys.generateRsa();
        KeyPair alipay = PemKeys.generateRsa();
        Path wechatPem = Files.writeString(dir.resolve("wechat.pem"), PemKeys.pem(wechat.getPrivate()));
        Path alipayPem = Files.writeString(dir.resolve("alipay.pem"), PemKeys.pem(alipay.getPrivate()));

        SimulatorKeys keys = SimulatorKeys.load(wechatPem.toString(), alipayPem.toString(), "whsec_configured");

        assertThat(keys.view().wechatPay().publicKeyPem()).isEqualTo(PemKeys.pem(wechat.getPublic()));
        assertThat(keys.view().wechatPay().serial()).isEqualTo(PemKeys.serialOf(wechat.getPublic()));
        assertThat(keys.view().wechatPay().source()).isEqualTo("file " + wechatPem);
        assertThat(keys.view().alipay().publicKeyPem()).isEqualTo(PemKeys.pem(alipay.getPublic()));
        assertThat(keys.view().stripe().secret()).isNull();
        assertThat(keys.view().stripe().receiverVariable()).isEqualTo(ProviderKeys.STRIPE_SECRET_VARIABLE);
        NotificationVerifier receiver = new NotificationVerifier(
                new ProviderKeys(List.of(wechat.getPublic()), alipay.getPublic(), "whsec_configured"));
        keys.signatures().forEach((provider, signature) -> assertThat(receiver.verify(provider,
                headers(signature.sign(BODY, Instant.now())), BODY).isVerified()).as(provider.name()).isTrue());
    }

    @Test
    void generatesWhatIsNotConfiguredAndServesAGeneratedStripeSecret() {
        SimulatorKeys keys = SimulatorKeys.load(null, " ", "");

        assertThat(keys.view().wechatPay().source()).isEqualTo("generated at start");
        assertThat(keys.view().stripe().secret()).startsWith("whsec_");
        assertThat(keys.receiverKeys().stripeSecret()).isEqualTo(keys.view().stripe().secret());
        assertThat(keys.signatures()).containsOnlyKeys(ProviderName.values());
    }

    private static Map<String, List<String>> headers(Map<String, String> signed) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        signed.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }
}
