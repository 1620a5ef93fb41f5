package io.cloudphone.ledger.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** REST commands into PostgreSQL with their outbox events; reads from the ledger's interactive queries. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandApiApplication {

    /**
     * Configuration is read from command-api.yml, not application.yml, so that a class path holding more than one app (the
     * system tests' and the benchmark's do) never reads another app's settings.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandApiApplication.class).properties("spring.config.name=command-api");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
