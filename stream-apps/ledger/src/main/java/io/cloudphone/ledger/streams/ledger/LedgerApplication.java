package io.cloudphone.ledger.streams.ledger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ledger stream app and its interactive-query API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    /**
     * Configuration is read from ledger.yml, not application.yml, so that a class path holding more than one app (the
     * system tests' and the benchmark's do) never reads another app's settings.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(LedgerApplication.class).properties("spring.config.name=ledger");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
