package io.cloudphone.ledger.api.system;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schema registry and the topic catalogue, shared by every feature that writes outbox events. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    Topics topics(@Value("${cpl.registry-url}") String registryUrl) {
        return new Topics(new RestSchemaRegistryClient(registryUrl));
    }
}
