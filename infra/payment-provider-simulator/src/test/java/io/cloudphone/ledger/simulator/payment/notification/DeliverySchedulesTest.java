package io.cloudphone.ledger.simulator.payment.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.simulator.payment.TimeCompression;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliverySchedulesTest {

    @Test
    void eachProviderResendsOnItsOwnScheduleForAboutItsDocumentedSpan() {
        assertThat(DeliverySchedules.WECHAT_PAY).hasSize(15).startsWith(Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(30), Duration.ofMinutes(3));
        assertThat(total(DeliverySchedules.WECHAT_PAY)).isBetween(Duration.ofHours(24), Duration.ofHours(25));
        assertThat(DeliverySchedules.ALIPAY).hasSize(7);
        assertThat(total(DeliverySchedules.ALIPAY)).isBetween(Duration.ofHours(24), Duration.ofHours(26));
        assertThat(total(DeliverySchedules.STRIPE)).isBetween(Duration.ofHours(70), Duration.ofHours(80));
    }

    @Test
    void theWaitsAreDividedByTheTimeCompression() {
        DeliverySchedules schedules = new DeliverySchedules(new TimeCompression(1000));

        assertThat(schedules.retryDelay(ProviderName.WECHAT_PAY, 0)).contains(Duration.ofMillis(15));
        assertThat(schedules.retryDelay(ProviderName.WECHAT_PAY, 3)).contains(Duration.ofMillis(180));
        assertThat(schedules.retryDelay(ProviderName.ALIPAY, 0)).contains(Duration.ofMillis(240));
        assertThat(schedules.duplicateDelay(ProviderName.STRIPE)).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void theScheduleEndsAfterItsLastResend() {
        DeliverySchedules schedules = new DeliverySchedules(new TimeCompression(1));

        assertThat(schedules.retryDelay(ProviderName.WECHAT_PAY, 14)).contains(Duration.ofHours(6));
        assertThat(schedules.retryDelay(ProviderName.WECHAT_PAY, 15)).isEqualTo(Optional.empty());
        assertThat(schedules.retryDelay(ProviderName.ALIPAY, 7)).isEmpty();
    }

    @Test
    void aCompressedDelayIsNeverBelowOneMillisecondAndTheFactorIsBounded() {
        TimeCompression fastest = new TimeCompression(TimeCompression.FACTOR_MAX);

        assertThat(fastest.compress(Duration.ofSeconds(15))).isEqualTo(Duration.ofMillis(1));
        assertThat(fastest.compress(Duration.ZERO)).isZero();
        assertThatThrownBy(() -> new TimeCompression(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeCompression(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Duration total(List<Duration> schedule) {
        return schedule.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
