package io.cloudphone.ledger.schemas.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrenciesTest {

    @Test
    void currenciesWithMinorUnitsAreMoney() {
        assertThat(Currencies.isMoney("CNY")).isTrue();
        assertThat(Currencies.isMoney("USD")).isTrue();
        assertThat(Currencies.isMoney("JPY")).as("zero minor units is still money").isTrue();
    }

    @Test
    void codesWithoutMinorUnitsAreNotMoney() {
        for (String code : new String[] {"XXX", "XTS", "XAU", "XAG", "XDR"}) {
            assertThat(Currencies.isMoney(code)).as(code).isFalse();
        }
    }

    @Test
    void unknownAndMalformedCodesAreNotMoney() {
        for (String code : new String[] {"XYZ", "cny", "CN", "", " CNY", null}) {
            assertThat(Currencies.isMoney(code)).as(String.valueOf(code)).isFalse();
        }
    }
}
