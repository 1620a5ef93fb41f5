package io.cloudphone.ledger.streams.system;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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

    @Bean
    SecurityFilterChain queries(HttpSecurity http,
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
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }
}
