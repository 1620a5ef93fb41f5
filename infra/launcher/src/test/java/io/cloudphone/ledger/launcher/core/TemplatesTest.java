package io.cloudphone.ledger.launcher.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void fillsEveryPlaceholder() {
        assertThat(Templates.fill("port = @CPL_PG_PORT@\nlog_line_prefix = '%m %u@%d '", Map.of("CPL_PG_PORT", "55432")))
                .isEqualTo("port = 55432\nlog_line_prefix = '%m %u@%d '");
    }

    @Test
    void refusesAPlaceholderLeftOver() {
        assertThatThrownBy(() -> Templates.fill("a=@CPL_A@ b=@CPL_B@", Map.of("CPL_A", "1")))
                .hasMessageContaining("@CPL_B@");
    }
}
