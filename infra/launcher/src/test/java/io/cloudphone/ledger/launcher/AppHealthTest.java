package io.cloudphone.ledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AppHealthTest {

    @Test
    void readsTheStatusAndWhyEachDownComponentIsDown() throws Exception {
        AppHealth health = AppHealth.of(new ObjectMapper().readTree("""
                {"status":"DOWN","components":{"diskSpace":{"status":"UP"},
                 "streams":{"status":"DOWN","details":{"state":"ERROR","error":"java.lang.IllegalStateException: bug"}}}}"""));

        assertThat(health.isDown()).isTrue();
        assertThat(health.reasons()).containsExactly("streams ERROR java.lang.IllegalStateException: bug");
        assertThat(health.describe()).isEqualTo("DOWN: streams ERROR java.lang.IllegalStateException: bug");
    }

    @Test
    void anUpAppHasNoReasons() throws Exception {
        AppHealth health = AppHealth.of(new ObjectMapper().readTree("{\"status\":\"UP\"}"));

        assertThat(health.isDown()).isFalse();
        assertThat(health.describe()).isEqualTo("UP");
    }
}
