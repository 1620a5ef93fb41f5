package io.cloudphone.ledger.streams.ledger.query;

import io.cloudphone.ledger.platform.security.EndpointAccess;
import io.cloudphone.ledger.platform.security.Permissions;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The ledger's query API holds every account's balance: only tokens with {@code ledger:read} (command-api's
 * service token, operators, dashboards) may read it. Health stays open (the platform opens it) for launchers and
 * orchestrators; the rest of the security is the platform's (infra/platform).
 */
@Component
class LedgerQueryAccess implements EndpointAccess {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.anyRequest().hasAuthority(Permissions.LEDGER_READ);
    }
}
