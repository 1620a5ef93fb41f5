package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.api.system.ApiProblem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CommandInputTest {

    @Test
    void acceptsPositiveWholeAmount() {
        assertThat(CommandInput.amountMinor(new BigDecimal("1000"))).isEqualTo(1000);
        assertThat(CommandInput.amountMinor(new BigDecimal("5.000"))).isEqualTo(5);
    }

    @Test
    void rejectsMissingZeroNegativeFractionalAndOversizedAmounts() {
        for (String bad : new String[] {"0", "-1", "1.5", "9223372036854775808"}) {
            assertThatThrownBy(() -> CommandInput.amountMinor(new BigDecimal(bad)))
                    .as(bad).isInstanceOfSatisfying(ApiProblem.class,
                            p -> assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
        }
        assertThatThrownBy(() -> CommandInput.amountMinor(null)).hasMessageContaining("required");
    }

    @Test
    void acceptsLongMaxAmount() {
        assertThat(CommandInput.amountMinor(new BigDecimal(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rejectsUnknownAndMalformedCurrencies() {
        assertThat(CommandInput.currency("CNY")).isEqualTo("CNY");
        for (String bad : new String[] {"XYZ", "cny", "CN", "", "C'--", "XXX", "XAU", "XTS"}) {
            assertThatThrownBy(() -> CommandInput.currency(bad)).as(bad).isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void rejectsAccountIdsOutsideTheAllowedAlphabet() {
        assertThat(CommandInput.accountId("acc-1.a_b")).isEqualTo("acc-1.a_b");
        for (String bad : new String[] {"", "a b", "x'; drop table account;--", "a".repeat(65)}) {
            assertThatThrownBy(() -> CommandInput.accountId(bad)).as(bad).isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void requiresBoundedIdempotencyKeyForMoneyMovements() {
        assertThatThrownBy(() -> CommandInput.idempotencyKey(null, true))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> CommandInput.idempotencyKey("k".repeat(129), true)).isInstanceOf(ApiProblem.class);
        assertThat(CommandInput.idempotencyKey(null, false)).isNull();
    }
}
