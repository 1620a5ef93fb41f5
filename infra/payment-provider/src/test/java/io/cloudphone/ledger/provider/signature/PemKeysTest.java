package io.cloudphone.ledger.provider.signature;

import static io.cloudphone.ledger.provider.signature.TestKeys.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {

    @Test
    void readsBackTheKeysItWrites() {
        assertThat(PemKeys.publicKey(PemKeys.pem(PROVIDER.getPublic()))).isEqualTo(PROVIDER.getPublic());
        assertThat(PemKeys.privateKey(PemKeys.pem(PROVIDER.getPrivate()))).isEqualTo(PROVIDER.getPrivate());
        assertThat(PemKeys.pem(PROVIDER.getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
    }

    @Test
    void derivesThePublicHalfOfAPrivateKey() {
        assertThat(PemKeys.publicKeyOf(PROVIDER.getPrivate())).isEqualTo(PROVIDER.getPublic());
    }

    @Test
    void theSerialIsFortyUpperCaseHexDigitsOfTheKey() {
        assertThat(PemKeys.serialOf(PROVIDER.getPublic())).matches("[0-9A-F]{40}")
                .isEqualTo(PemKeys.serialOf(PemKeys.publicKey(PemKeys.pem(PROVIDER.getPublic()))))
                .isNotEqualTo(PemKeys.serialOf(TestKeys.OTHER.getPublic()));
    }

    @Test
    void refusesTextThatIsNotTheExpectedPemBlock() {
        assertThatThrownBy(() -> PemKeys.publicKey("not a key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a PEM 'PUBLIC KEY' block (-----BEGIN PUBLIC KEY-----)");
        assertThatThrownBy(() -> PemKeys.publicKey(PemKeys.pem(PROVIDER.getPrivate())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PemKeys.privateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> PemKeys.publicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an RSA key");
    }

    @Test
    void refusesAnRsaKeyShorterThan2048Bits() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String small = PemKeys.pem(generator.generateKeyPair().getPublic());

        assertThatThrownBy(() -> PemKeys.publicKey(small)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an RSA key of 1024 bits; RSA2 needs at least 2048");
    }

    @Test
    void generatesStripeStyleSecrets() {
        assertThat(PemKeys.generateHmacSecret()).startsWith("whsec_").hasSize(50)
                .isNotEqualTo(PemKeys.generateHmacSecret());
    }

    @Test
    void providerKeysLoadFromTheReceiversVariables(@TempDir Path dir) throws Exception {
        Path wechat = Files.writeString(dir.resolve("wechat.pem"), PemKeys.pem(PROVIDER.getPublic()));
        Path alipay = Files.writeString(dir.resolve("alipay.pem"), PemKeys.pem(TestKeys.OTHER.getPublic()));

        ProviderKeys keys = ProviderKeys.fromEnvironment(Map.of(
                ProviderKeys.WECHAT_PUBLIC_KEY_VARIABLE, wechat.toString(),
                ProviderKeys.ALIPAY_PUBLIC_KEY_VARIABLE, alipay.toString(),
                ProviderKeys.STRIPE_SECRET_VARIABLE, "whsec_x"));

        assertThat(keys).isEqualTo(new ProviderKeys(List.of(PROVIDER.getPublic()), TestKeys.OTHER.getPublic(), "whsec_x"));
        assertThat(keys.toString()).doesNotContain("whsec_x");
        assertThat(ProviderKeys.fromEnvironment(Map.of(ProviderKeys.STRIPE_SECRET_VARIABLE, "")))
                .isEqualTo(ProviderKeys.none());
    }
}
