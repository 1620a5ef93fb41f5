package io.cloudphone.ledger.streams.payments.query;

import io.cloudphone.ledger.platform.security.EndpointAccess;
import io.cloudphone.ledger.platform.security.Permissions;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The payments app's query API holds every user's orders: only tokens with {@code payments:read} (operators, and
 * command-api's service token once it serves orders) may read it. Health stays open (the platform opens it).
 */
@Component
class PaymentsQueryAccess implements EndpointAccess {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.anyRequest().hasAuthority(Permissions.PAYMENTS_READ);
    }
}
