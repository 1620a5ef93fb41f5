package io.cloudphone.ledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppWatchTest {

    private final AppWatch watch = new AppWatch();

    @Test
    void anAppThatExitedEndsTheSessionWithAnError() {
        assertThat(watch.see("ledger", false, true, null, true, "ledger.log"))
                .isEqualTo(new AppWatch.End(1, "ledger exited; see ledger.log"));
    }

    @Test
    void anAppStoppedOnPurposeEndsTheSessionQuietly() {
        assertThat(watch.see("ledger", false, false, null, true, "ledger.log"))
                .isInstanceOfSatisfying(AppWatch.End.class, end -> assertThat(end.exitCode()).isZero());
    }

    @Test
    void aStreamAppDownEndsTheSessionWithTheReason() {
        AppHealth down = new AppHealth("DOWN", List.of("streams STALLED no poll for 61 s"));

        assertThat(watch.see("ledger", true, true, down, true, "ledger.log"))
                .isInstanceOfSatisfying(AppWatch.End.class, end -> {
                    assertThat(end.exitCode()).isEqualTo(1);
                    assertThat(end.line()).contains("ledger is DOWN").contains("streams STALLED").contains("ledger.log");
                });
    }

    @Test
    void anotherAppGoingDownAndUpIsReportedAndTheSessionGoesOn() {
        AppHealth down = new AppHealth("DOWN", List.of("db"));

        assertThat(watch.see("command-api", true, true, down, false, "api.log"))
                .isInstanceOfSatisfying(AppWatch.Report.class, report -> assertThat(report.line())
                        .contains("command-api is DOWN: db (was UP)"));
        assertThat(watch.see("command-api", true, true, down, false, "api.log")).isInstanceOf(AppWatch.GoOn.class);
        assertThat(watch.see("command-api", true, true, new AppHealth("UP", List.of()), false, "api.log"))
                .isInstanceOfSatisfying(AppWatch.Report.class, report -> assertThat(report.line()).contains("(was DOWN)"));
    }

    @Test
    void aHealthyAppOrARoundWithoutHealthCheckGoesOn() {
        assertThat(watch.see("ledger", true, true, new AppHealth("UP", List.of()), true, "l")).isInstanceOf(AppWatch.GoOn.class);
        assertThat(watch.see("ledger", true, true, null, true, "l")).isInstanceOf(AppWatch.GoOn.class);
    }
}
