package io.cloudphone.ledger.streams.system;

import io.cloudphone.ledger.platform.security.EndpointAccess;
import io.cloudphone.ledger.platform.security.Permissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's query API holds every account's balance: only tokens with {@code ledger:read} (command-api's
 * service token, operators, dashboards) may read it. Health stays open (the platform opens it) for launchers and
 * orchestrators; the rest of the security is the platform's (infra/platform).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    EndpointAccess ledgerQueryAccess() {
        return requests -> requests.anyRequest().hasAuthority(Permissions.LEDGER_READ);
    }
}
