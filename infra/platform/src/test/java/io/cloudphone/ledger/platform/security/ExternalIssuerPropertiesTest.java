package io.cloudphone.ledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExternalIssuerPropertiesTest {

    @Test
    void isOffWithoutAnIssuer() {
        assertThat(new ExternalIssuerProperties("", "", "cpl-api", null, null).enabled()).isFalse();
        assertThat(ExternalIssuerProperties.off().enabled()).isFalse();
    }

    @Test
    void refusesAnIssuerWithoutKeysOrAudience() {
        assertThatThrownBy(() -> new ExternalIssuerProperties("https://idp", " ", "cpl-api", null, null))
                .hasMessageContaining("jwk-set-uri");
        assertThatThrownBy(() -> new ExternalIssuerProperties("https://idp", "https://idp/certs", "", null, null))
                .hasMessageContaining("audience");
    }

    @Test
    void isOnWithIssuerKeysAndAudienceAndLimitsKeyFetchesByDefault() {
        ExternalIssuerProperties properties = new ExternalIssuerProperties("https://idp", "https://idp/certs", "cpl-api",
                null, null);

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.keyFetchInterval()).isEqualTo(ExternalIssuerProperties.KEY_FETCH_INTERVAL_DEFAULT);
        assertThat(properties.permissionsClaim()).isEqualTo("permissions");
    }

    @Test
    void refusesANegativeKeyFetchInterval() {
        assertThatThrownBy(() -> new ExternalIssuerProperties("https://idp", "https://idp/certs", "cpl-api", null,
                Duration.ofSeconds(-1))).hasMessageContaining("key-fetch-interval");
    }
}
