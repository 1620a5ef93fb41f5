package io.cloudphone.ledger.streams.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The ledger's query API holds every account's balance: only tokens with {@code ledger:read} (command-api's
 * service token, operators, dashboards) may read it. Health stays open for launchers and orchestrators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LEDGER_READ = "ledger:read";

    /** The local issuer is checked by Spring Boot's decoder and converter (ledger.yml), an external one by its keys. */
    @Bean
    AuthenticationManagerResolver<HttpServletRequest> trustedIssuers(
            @Value("${cpl.security.jwt.issuer}") String localIssuer, JwtDecoder localDecoder,
            JwtAuthenticationConverter localConverter, ExternalIssuerProperties external) {
        return TrustedIssuers.of(localIssuer, localDecoder, localConverter, external);
    }

    @Bean
    SecurityFilterChain queries(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> trustedIssuers,
                                @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                problems.resolveException(request, response, null, e);
        AccessDeniedHandler denied = (request, response, e) -> problems.resolveException(request, response, null, e);
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().hasAuthority(LEDGER_READ))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(trustedIssuers)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }
}
