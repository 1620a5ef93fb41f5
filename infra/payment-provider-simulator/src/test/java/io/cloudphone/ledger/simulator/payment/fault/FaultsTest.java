package io.cloudphone.ledger.simulator.payment.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final Faults faults = new Faults();

    @Test
    void withoutSettingsEveryCallIsAnsweredAndNothingIsInjected() {
        for (int i = 0; i < 100; i++) {
            assertThat(faults.nextCall()).isEqualTo(CallFate.ANSWER);
            assertThat(faults.nextDuplicate()).isFalse();
            assertThat(faults.nextReorderDelay()).isZero();
        }
        assertThat(faults.injected()).isEqualTo(new Faults.Injected(0, 0, 0, 0));
    }

    @Test
    void aFailureRateOfOneFailsEveryCallBeforeAnyTimeout() {
        faults.set(new FaultSettings(null, 1.0, 1.0, null, null, null, null, null));

        assertThat(faults.nextCall()).isEqualTo(CallFate.FAIL);
        assertThat(faults.injected().failedCalls()).isEqualTo(1);
    }

    @Test
    void aTimeoutRateOfOneHoldsEveryCall() {
        faults.set(new FaultSettings(null, null, 1.0, 200L, null, null, null, null));

        assertThat(faults.nextCall()).isEqualTo(CallFate.HOLD);
        assertThat(faults.settings().timeoutHoldMillis()).isEqualTo(200);
    }

    @Test
    void theSameSeedDrawsTheSameFaults() {
        FaultSettings seeded = new FaultSettings(null, 0.3, 0.3, null, 0.5, true, 500L, 42L);

        faults.set(seeded);
        List<Object> first = draws();
        faults.set(seeded);

        assertThat(draws()).isEqualTo(first);
        assertThat(first).contains(CallFate.FAIL, CallFate.HOLD, CallFate.ANSWER);
    }

    @Test
    void reorderingDelaysWithinItsWindow() {
        faults.set(new FaultSettings(null, null, null, null, null, true, 50L, 7L));

        for (int i = 0; i < 200; i++) {
            assertThat(faults.nextReorderDelay()).isBetween(Duration.ZERO, Duration.ofMillis(50));
        }
    }

    @Test
    void leftOutFieldsTakeTheirDefaultsAndOutOfRangeValuesAreRefused() {
        assertThat(FaultSettings.NONE).isEqualTo(new FaultSettings(0L, 0.0, 0.0, 5000L, 0.0, false, 1000L, null));
        assertThatThrownBy(() -> new FaultSettings(null, 1.5, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("failureRate must be 0 to 1, was 1.5");
        assertThatThrownBy(() -> new FaultSettings(null, Double.NaN, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultSettings(-1L, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultSettings(null, null, null, 120_001L, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResetClearsTheSettingsAndTheCounts() {
        faults.set(new FaultSettings(null, 1.0, null, null, null, null, null, null));
        faults.nextCall();

        faults.reset();

        assertThat(faults.settings()).isEqualTo(FaultSettings.NONE);
        assertThat(faults.injected().failedCalls()).isZero();
    }

    private List<Object> draws() {
        List<Object> draws = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            draws.add(faults.nextCall());
            draws.add(faults.nextDuplicate());
            draws.add(faults.nextReorderDelay());
        }
        return draws;
    }
}
