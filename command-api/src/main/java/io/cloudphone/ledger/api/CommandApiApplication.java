package io.cloudphone.ledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** REST commands into PostgreSQL with their outbox events; reads from the ledger's interactive queries. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandApiApplication.class, args);
    }
}
