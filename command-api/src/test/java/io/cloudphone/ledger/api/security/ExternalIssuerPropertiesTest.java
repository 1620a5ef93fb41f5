package io.cloudphone.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExternalIssuerPropertiesTest {

    @Test
    void isOffWithoutAnIssuer() {
        assertThat(new ExternalIssuerProperties("", "", "cpl-api").enabled()).isFalse();
        assertThat(new ExternalIssuerProperties(null, null, null).enabled()).isFalse();
    }

    @Test
    void refusesAnIssuerWithoutKeysOrAudience() {
        assertThatThrownBy(() -> new ExternalIssuerProperties("https://idp", " ", "cpl-api"))
                .hasMessageContaining("jwk-set-uri");
        assertThatThrownBy(() -> new ExternalIssuerProperties("https://idp", "https://idp/certs", ""))
                .hasMessageContaining("audience");
    }

    @Test
    void isOnWithIssuerKeysAndAudience() {
        assertThat(new ExternalIssuerProperties("https://idp", "https://idp/certs", "cpl-api").enabled()).isTrue();
    }
}
