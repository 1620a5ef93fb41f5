package io.cloudphone.ledger.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which endpoint of an app, declared by the app as a bean. The platform's filter chain opens
 * health and {@code /error} first and then applies these rules, which must end with a rule for
 * {@code anyRequest()}. Without such a bean, every other request needs a valid token.
 */
@FunctionalInterface
public interface EndpointAccess {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
