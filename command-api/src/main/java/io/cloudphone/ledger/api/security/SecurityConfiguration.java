package io.cloudphone.ledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint is closed unless listed here as open: log-in, registration and health. The rest need a
 * valid bearer JWT of a trusted issuer (signature, expiry and audience checked, see {@link TrustedIssuers});
 * finer rules (own account or {@code account:read-any}, {@code user:admin}, ...) are
 * checked where the data is, because "another user's account" is only known there.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    /** BCrypt cost 10: ~50-100 ms per hash on this machine's cores, the usual balance for interactive log-in. */
    static final int BCRYPT_STRENGTH = 10;

    /**
     * The local issuer is checked by Spring Boot's decoder and converter (command-api.yml: public key,
     * audience, permissions claim); the external one, when configured, by its published keys.
     */
    @Bean
    AuthenticationManagerResolver<HttpServletRequest> trustedIssuers(JwtProperties local, JwtDecoder localDecoder,
            JwtAuthenticationConverter localConverter, ExternalIssuerProperties external, LinkedUsers linkedUsers) {
        return TrustedIssuers.of(local.issuer(), localDecoder, localConverter, external, linkedUsers);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> trustedIssuers,
                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        // Failures become exceptions for ProblemHandler, so a 401/403 is problem+json like every other error.
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                problems.resolveException(request, response, null, e);
        AccessDeniedHandler denied = (request, response, e) -> problems.resolveException(request, response, null, e);
        http
                // A stateless bearer-token API: no cookies, so no CSRF to defend against, and no sessions.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/v1/auth/login", "/v1/auth/register").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Permissions.SYSTEM_MONITOR)
                        .requestMatchers(HttpMethod.POST, "/v1/roles").hasAuthority(Permissions.ROLE_ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/v1/roles/**").hasAuthority(Permissions.ROLE_ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(trustedIssuers)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_STRENGTH);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }
}
