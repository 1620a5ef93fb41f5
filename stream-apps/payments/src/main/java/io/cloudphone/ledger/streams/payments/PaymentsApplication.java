package io.cloudphone.ledger.streams.payments;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The payments stream app and its interactive-query API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentsApplication {

    /** Configuration is read from payments.yml, not application.yml, as the ledger's is (see LedgerApplication). */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PaymentsApplication.class).properties("spring.config.name=payments");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
