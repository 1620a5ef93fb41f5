package io.cloudphone.ledger.launcher.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void everySettingHasADefault() {
        StackSettings settings = StackSettings.of(Map.of(), REPO, Path.of("/somewhere"));

        assertThat(settings.stateDir()).isEqualTo(Path.of("/repo/.stack"));
        assertThat(settings.port("CPL_PG_PORT")).isEqualTo(55432);
        assertThat(settings.get("CPL_JWT_PUBLIC_KEY")).isEqualTo("/repo/.stack/conf/jwt/public.pem");
        assertThat(settings.healthTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.stackArtifacts()).isEqualTo(Path.of("/repo/infra/launcher/target/stack"));
    }

    @Test
    void theEnvironmentOverridesAndARelativeStateDirIsRelativeToTheWorkingDir() {
        StackSettings settings = StackSettings.of(Map.of("CPL_PG_PORT", "45432", "CPL_STATE_DIR", "it-stack",
                "CPL_ADMIN_PASSWORD", ""), REPO, Path.of("/work"));

        assertThat(settings.port("CPL_PG_PORT")).isEqualTo(45432);
        assertThat(settings.stateDir()).isEqualTo(Path.of("/work/it-stack"));
        assertThat(settings.get("CPL_ADMIN_PASSWORD")).as("empty: no administrator").isEmpty();
    }

    @Test
    void everyCplVariableIsPassedOnToTheProcesses() {
        StackSettings settings = StackSettings.of(Map.of("CPL_LEDGER_HOLD_EXPIRY_GRACE", "2s", "PATH", "/bin"), REPO, REPO);

        assertThat(settings.environment()).containsEntry("CPL_LEDGER_HOLD_EXPIRY_GRACE", "2s")
                .containsEntry("CPL_STATE_DIR", "/repo/.stack").containsEntry("CPL_PG_HOST", "127.0.0.1")
                .doesNotContainKey("PATH");
    }

    @Test
    void aPortThatIsNotANumberIsAClearError() {
        assertThatThrownBy(() -> StackSettings.of(Map.of("CPL_KAFKA_PORT", "kafka"), REPO, REPO).port("CPL_KAFKA_PORT"))
                .hasMessage("CPL_KAFKA_PORT must be a port number, was 'kafka'");
    }
}
