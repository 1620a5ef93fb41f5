package io.cloudphone.ledger.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void aProcessIsOursOnlyOnceItHasExecdItsOwnCommandNotWhileItIsStillSetsid() {
        assertThat(Processes.isExecd("setsid sleep 123456 ", "sleep", "sleep 123456"))
                .as("setsid's command line carries the marker too").isFalse();
        assertThat(Processes.isExecd("", "sleep", "sleep 123456")).as("the moment of exec").isFalse();
        assertThat(Processes.isExecd("sleep 123456 ", "sleep", "sleep 123456")).isTrue();
        assertThat(Processes.isExecd("sleep 654321 ", "sleep", "sleep 123456")).as("another sleep").isFalse();
    }
}
