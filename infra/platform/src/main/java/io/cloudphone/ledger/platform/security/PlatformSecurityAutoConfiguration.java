package io.cloudphone.ledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Every app is an OAuth2 resource server the same way: a stateless bearer-token API where health and
 * {@code /error} are open and the rest follows the app's {@link EndpointAccess}; tokens of the local issuer
 * (Spring Boot's decoder: {@code spring.security.oauth2.resourceserver.jwt.*}, the public key and audience) and,
 * when configured, of one external issuer ({@link TrustedIssuers}); permissions in the {@code permissions}
 * claim; verified tokens remembered ({@link VerifiedTokenCache}); 401 and 403 as problem+json. An app given the
 * local private key also signs tokens ({@link TokenIssuer}, {@link ServiceToken}).
 *
 * <p>Runs before Spring Boot's own web-security configurations, which back off once this chain exists.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({JwtProperties.class, ExternalIssuerProperties.class})
public class PlatformSecurityAutoConfiguration {

    @Bean
    static VerifiedTokenCache verifiedTokenCache() {
        return new VerifiedTokenCache();
    }

    @Bean
    @ConditionalOnMissingBean
    AuthenticationManagerResolver<HttpServletRequest> trustedIssuers(JwtProperties local, JwtDecoder localDecoder,
            ExternalIssuerProperties external, ObjectProvider<ExternalTokenConverter> externalConverter) {
        return TrustedIssuers.of(local.issuer(), localDecoder, TrustedIssuers.permissionsFrom(Permissions.CLAIM),
                external, externalConverter.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http,
            AuthenticationManagerResolver<HttpServletRequest> trustedIssuers, ObjectProvider<EndpointAccess> access,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        // Failures become exceptions for the problem handlers, so a 401/403 is problem+json like every other error.
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                problems.resolveException(request, response, null, e);
        AccessDeniedHandler denied = (request, response, e) -> problems.resolveException(request, response, null, e);
        EndpointAccess rules = access.getIfAvailable(() -> requests -> requests.anyRequest().authenticated());
        http
                // A stateless bearer-token API: no cookies, so no CSRF to defend against, and no sessions.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    rules.authorize(requests);
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(trustedIssuers)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    /** Only in an app given the local private key: it signs tokens too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("cpl.security.jwt.private-key-location")
    static class Signing {

        @Bean
        @ConditionalOnMissingBean
        TokenIssuer tokenIssuer(JwtProperties local, @Value("${spring.application.name:app}") String applicationName) {
            return new TokenIssuer(local, applicationName);
        }

        @Bean
        @ConditionalOnMissingBean
        ServiceToken serviceToken(TokenIssuer issuer) {
            return new ServiceToken(issuer);
        }
    }
}
