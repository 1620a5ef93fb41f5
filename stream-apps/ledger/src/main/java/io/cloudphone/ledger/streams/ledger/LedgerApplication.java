package io.cloudphone.ledger.streams.ledger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ledger stream app and its interactive-query API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerApplication {

    /**
     * Configuration is read from ledger.yml, not application.yml, so that this app and command-api can
     * share one classpath (the system tests run both in one JVM) without reading each other's settings.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(LedgerApplication.class).properties("spring.config.name=ledger");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
