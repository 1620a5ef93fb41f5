package io.cloudphone.ledger.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestValidationTest {

    @Test
    void aMerchantNumberIsSixToThirtyTwoCharactersOfLettersDigitsUnderscoreAndDash() {
        for (String valid : new String[] {"abc123", "ORDER_2026-03-01_000000000000001", "A".repeat(32), "a-b_c-"}) {
            assertThat(MerchantNumbers.isValid(valid)).as(valid).isTrue();
        }
        for (String invalid : new String[] {null, "", "abc12", "A".repeat(33), "order 0001", "order/0001",
                "order.0001", "订单号000001", "order\n0001"}) {
            assertThat(MerchantNumbers.isValid(invalid)).as(String.valueOf(invalid)).isFalse();
        }
    }

    @Test
    void refusesAChargeWithAnInvalidOrderNumberNamingTheField() {
        assertThatThrownBy(() -> new ChargeRequest("short", 100, "CNY", "top-up"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("merchantOrderNo must be 6 to 32 characters of [A-Za-z0-9_-], was 5 characters: 'short'");
        assertThatThrownBy(() -> new ChargeRequest(null, 100, "CNY", "top-up"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("merchantOrderNo is required");
    }

    @Test
    void refusesAChargeOfNoneNegativeOrAbsurdAmount() {
        for (long amount : new long[] {0, -1, Long.MIN_VALUE, Amounts.AMOUNT_MINOR_MAX + 1}) {
            assertThatThrownBy(() -> new ChargeRequest("order-0001", amount, "CNY", "top-up")).as("%d", amount)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amountMinor must be 1 to");
        }
        assertThat(new ChargeRequest("order-0001", Amounts.AMOUNT_MINOR_MAX, "CNY", "top-up").amountMinor())
                .isEqualTo(Amounts.AMOUNT_MINOR_MAX);
    }

    @Test
    void refusesACurrencyThatIsNotAnIsoCode() {
        for (String currency : new String[] {null, "cny", "RMB", "CN", "CNYY", "XYZ"}) {
            assertThatThrownBy(() -> new ChargeRequest("order-0001", 100, currency, "top-up"))
                    .as(String.valueOf(currency)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("currency");
        }
    }

    @Test
    void refusesADescriptionThatIsBlankTooLongOrHasControls() {
        for (String description : new String[] {null, " ", "x".repeat(128), "a\u0000b"}) {
            assertThatThrownBy(() -> new ChargeRequest("order-0001", 100, "CNY", description))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("description");
        }
        assertThat(new ChargeRequest("order-0001", 100, "CNY", "x".repeat(127)).description()).hasSize(127);
    }

    @Test
    void refusesARefundWithInvalidNumbersOrAmount() {
        assertThatThrownBy(() -> new RefundRequest("r1", "order-0001", 100, "CNY", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("merchantRefundNo must be");
        assertThatThrownBy(() -> new RefundRequest("refund-0001", "order 0001", 100, "CNY", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("merchantOrderNo must be");
        assertThatThrownBy(() -> new RefundRequest("refund-0001", "order-0001", 0, "CNY", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amountMinor");
        assertThatThrownBy(() -> new RefundRequest("refund-0001", "order-0001", 10, "CNY", "r".repeat(81)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason");
        assertThat(new RefundRequest("refund-0001", "order-0001", 10, "CNY", null).reason()).isNull();
    }

    @Test
    void everyRefusalHasACodeAndEveryUnknownAReason() {
        assertThatThrownBy(() -> new ChargeAnswer.Refused(" ", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefundAnswer.Unknown(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CloseAnswer.AlreadyPaid("order-0001", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachProviderHasAUrlSlug() {
        assertThat(ProviderName.WECHAT_PAY.slug()).isEqualTo("wechat-pay");
        assertThat(ProviderName.ALIPAY.slug()).isEqualTo("alipay");
        assertThat(ProviderName.STRIPE.slug()).isEqualTo("stripe");
        for (ProviderName name : ProviderName.values()) {
            assertThat(ProviderName.fromSlug(name.slug())).isEqualTo(name);
        }
        assertThatThrownBy(() -> ProviderName.fromSlug("WECHAT_PAY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wechat-pay");
    }
}
