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
import org.springframework.http.HttpMethod;
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
 * claim; a user's token checked on every request for revocation ({@link TokenStanding}); verified tokens
 * remembered ({@link VerifiedTokenCache}); 401 and 403 as problem+json. An app given the
 * local private key also signs tokens ({@link TokenIssuer}, {@link ServiceToken}).
 *
 * <p>Runs before Spring Boot's own web-security configurations, which back off once this chain exists.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({JwtProperties.class, ExternalIssuerProperties.class, TokenStandingProperties.class})
public class PlatformSecurityAutoConfiguration {

    /** springdoc's document and its page: what the API looks like is no secret, and a newcomer needs it first. */
    static final String[] OPEN_DOCUMENTATION = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    static VerifiedTokenCache verifiedTokenCache() {
        return new VerifiedTokenCache();
    }

    /** In an app that does not own the users: ask command-api. command-api provides its own, from PostgreSQL. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("cpl.security.token-standing.uri")
    TokenStanding remoteTokenStanding(TokenStandingProperties properties) {
        return new RemoteTokenStanding(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    AuthenticationManagerResolver<HttpServletRequest> trustedIssuers(JwtProperties local, JwtDecoder localDecoder,
            ExternalIssuerProperties external, ObjectProvider<ExternalTokenConverter> externalConverter,
            ObjectProvider<TokenStanding> standing) {
        // Fail at start-up, not open: without a standing check a revoked token would work for its whole lifetime.
        TokenStanding check = standing.getIfAvailable(() -> {
            throw new IllegalStateException("no way to check that users' tokens still stand: set "
                    + "cpl.security.token-standing.uri (command-api's GET /v1/auth/token)");
        });
        return TrustedIssuers.of(local.issuer(), localDecoder,
                new StandingCheckedConverter(TrustedIssuers.permissionsFrom(Permissions.CLAIM), check),
                external, externalConverter.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http,
            AuthenticationManagerResolver<HttpServletRequest> trustedIssuers, ObjectProvider<EndpointAccess> access,
            ObjectProvider<OpenPaths> openPaths,
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
                    // Health answers every caller (launchers, orchestrators), with details only for system:monitor
                    // (management.endpoint.health.roles); the API's description is public; the rest of the
                    // actuator (metrics, prometheus) is for system:monitor.
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    requests.requestMatchers(OPEN_DOCUMENTATION).permitAll();
                    openPaths.orderedStream().forEach(open -> requests.requestMatchers(
                            HttpMethod.GET, open.patterns().toArray(String[]::new)).permitAll());
                    requests.requestMatchers("/actuator/**").hasAuthority(Permissions.SYSTEM_MONITOR);
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
