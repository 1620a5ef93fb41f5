package io.cloudphone.ledger.api.security;

import com.nimbusds.jose.RemoteKeySourceException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.web.client.RestTemplate;

/**
 * Which issuers' tokens are accepted, each checked its own way. The token's {@code iss} picks the issuer;
 * an issuer not listed is refused before any signature is checked. The local issuer is always trusted:
 * command-api signs users' log-in tokens and its own service token for the ledger with it. The external
 * issuer, when configured, is trusted beside it.
 */
final class TrustedIssuers {

    /** A provider that does not answer within these is an outage, not a reason to hold request threads. */
    static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(5);

    private TrustedIssuers() {
    }

    static AuthenticationManagerResolver<HttpServletRequest> of(String localIssuer, JwtDecoder localDecoder,
            Converter<Jwt, ? extends AbstractAuthenticationToken> localConverter, ExternalIssuerProperties external,
            LinkedUsers linkedUsers) {
        AuthenticationManager local = manager(localDecoder, localConverter);
        if (!external.enabled()) {
            return new JwtIssuerAuthenticationManagerResolver(Map.of(localIssuer, local)::get);
        }
        if (external.issuer().equals(localIssuer)) {
            throw new IllegalStateException("the external issuer must differ from the local one: " + localIssuer);
        }
        AuthenticationManager externalManager = manager(externalDecoder(external),
                new LinkedUserAuthenticationConverter(external.issuer(), linkedUsers));
        return new JwtIssuerAuthenticationManagerResolver(
                Map.of(localIssuer, local, external.issuer(), externalManager)::get);
    }

    /** RS256 with the provider's published keys; issuer, audience, expiry and not-before (60 s skew) checked. */
    static JwtDecoder externalDecoder(ExternalIssuerProperties external) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(JWKS_CONNECT_TIMEOUT);
        requests.setReadTimeout(JWKS_READ_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(external.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(requests))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(external.issuer()), new JwtAudienceValidator(external.audience())));
        JwtDecoder outageAware = token -> {
            try {
                return decoder.decode(token);
            } catch (JwtException e) {
                // Spring Security would answer an unreachable key set with a 500; it is the provider's outage.
                if (e.getCause() instanceof RemoteKeySourceException) {
                    throw new IssuerUnavailableException(external.issuer(), e);
                }
                throw e;
            }
        };
        return new VerifiedTokenCache.CachingJwtDecoder(outageAware, Clock.systemUTC());
    }

    private static AuthenticationManager manager(JwtDecoder decoder,
                                                 Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }
}
