package io.cloudphone.ledger.gateway;

import io.cloudphone.ledger.provider.PaymentProvider;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.simulator.SimulatorPaymentProvider;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The provider gateway worker. Locally every provider is the simulator (it serves all three); a deployment registers
 * the real adapters instead, under the same interface.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "gateway"));
        application.run(args);
    }

    @Bean
    Topics topics(GatewayProperties properties) {
        return new Topics(new RestSchemaRegistryClient(properties.registryUrl()));
    }

    @Bean
    Map<ProviderName, PaymentProvider> providers(GatewayProperties properties) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        Map<ProviderName, PaymentProvider> providers = new EnumMap<>(ProviderName.class);
        for (ProviderName name : ProviderName.values()) {
            providers.put(name, new SimulatorPaymentProvider(properties.providerBaseUrl(), name,
                    properties.requestTimeout(), http));
        }
        return providers;
    }

    @Bean
    HealthIndicator gatewayWorkerHealth(GatewayWorker worker) {
        return () -> {
            String trouble = worker.trouble();
            return trouble == null ? Health.up().build() : Health.down().withDetail("worker", trouble).build();
        };
    }
}
