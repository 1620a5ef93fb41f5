package io.cloudphone.ledger.api.security;

import io.cloudphone.ledger.platform.security.EndpointAccess;
import io.cloudphone.ledger.platform.security.ExternalIssuerProperties;
import io.cloudphone.ledger.platform.security.ExternalTokenConverter;
import io.cloudphone.ledger.platform.security.Permissions;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * command-api's part of the platform's security (infra/platform): which endpoints are open (log-in and
 * registration; the platform opens health), which need a permission at the door, and what a token of the
 * external issuer may do (act as the local user linked to its subject). Finer rules (own account or
 * {@code account:read-any}, {@code user:admin}, ...) are checked where the data is, because "another user's
 * account" is only known there.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    /** BCrypt cost 10: ~50-100 ms per hash on this machine's cores, the usual balance for interactive log-in. */
    static final int BCRYPT_STRENGTH = 10;

    @Bean
    EndpointAccess commandApiAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/v1/auth/login", "/v1/auth/register").permitAll()
                // Providers sign their notifications instead: the webhook verifies the signature itself.
                .requestMatchers(HttpMethod.POST, "/v1/webhooks/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/v1/roles").hasAuthority(Permissions.ROLE_ADMIN)
                .requestMatchers(HttpMethod.PUT, "/v1/roles/**").hasAuthority(Permissions.ROLE_ADMIN)
                .anyRequest().authenticated();
    }

    /** A provider's token acts as the local user linked to its subject, with that user's local permissions. */
    @Bean
    @ConditionalOnProperty("cpl.security.external-issuer.issuer")
    ExternalTokenConverter linkedUsers(ExternalIssuerProperties external, LinkedUsers linkedUsers) {
        return new LinkedUserAuthenticationConverter(external.issuer(), linkedUsers);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_STRENGTH);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
        // The caller comes from the token: no parameter of the API, so no parameter of its document either.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }
}
