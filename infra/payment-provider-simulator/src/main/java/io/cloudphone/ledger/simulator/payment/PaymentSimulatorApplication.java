package io.cloudphone.ledger.simulator.payment;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The payment-provider simulator: a stand-in for WeChat Pay, Alipay and Stripe for local runs and tests. It moves
 * no money and says so on every answer ({@code X-Simulator}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentSimulatorApplication {

    /** Its settings file; read instead of application.yml, so that no other app on a shared class path reads it. */
    public static final String CONFIG_NAME = "payment-provider-simulator";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PaymentSimulatorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
