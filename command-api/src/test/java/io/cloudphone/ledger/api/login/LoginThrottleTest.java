package io.cloudphone.ledger.api.login;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.api.system.ApiProblem;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(4, 10, Duration.ofMinutes(15), nanos::get);

    @Test
    void aClientFailsOneUsernameFourTimesThenWaits() {
        for (int i = 0; i < 4; i++) {
            throttle.requireAllowed("198.51.100.1", "alice");
            throttle.failed("198.51.100.1", "alice");
        }

        assertThatThrownBy(() -> throttle.requireAllowed("198.51.100.1", "ALICE")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("too many failed log-ins");
        assertThatCode(() -> throttle.requireAllowed("198.51.100.2", "alice")).as("another client").doesNotThrowAnyException();
        assertThatCode(() -> throttle.requireAllowed("198.51.100.1", "bob")).as("another username").doesNotThrowAnyException();
    }

    @Test
    void aClientThatFailsOnManyUsernamesIsStoppedToo() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("198.51.100.1", "user-" + i);
        }

        assertThatThrownBy(() -> throttle.requireAllowed("198.51.100.1", "fresh")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void theCountEndsAQuietPeriodAfterTheLastFailureNotTheFirst() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("198.51.100.1", "alice");
            nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        }
        // 40 minutes since the first failure, 10 since the last: still counted.
        assertThatThrownBy(() -> throttle.requireAllowed("198.51.100.1", "alice")).isInstanceOf(ApiProblem.class);

        nanos.addAndGet(Duration.ofMinutes(6).toNanos());

        assertThatCode(() -> throttle.requireAllowed("198.51.100.1", "alice")).doesNotThrowAnyException();
    }

    @Test
    void theRightPasswordForgivesThatUsernamesFailuresOnly() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("198.51.100.1", "alice");
        }

        throttle.succeeded("198.51.100.1", "alice");

        assertThatCode(() -> throttle.requireAllowed("198.51.100.1", "alice")).doesNotThrowAnyException();
    }
}
