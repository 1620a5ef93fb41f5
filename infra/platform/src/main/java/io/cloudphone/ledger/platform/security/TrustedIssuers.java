package io.cloudphone.ledger.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.servlet.http.HttpServletRequest;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Which issuers' tokens an app accepts, each checked its own way. The token's {@code iss} picks the issuer; an
 * issuer not listed is refused before any signature is checked. The local issuer is always trusted: command-api
 * signs users' log-in tokens with it, and apps sign their service tokens with it. The external issuer, when
 * configured, is trusted beside it, what its tokens may do decided by the app's {@link ExternalTokenConverter}.
 */
public final class TrustedIssuers {

    /** A provider that does not answer within these is an outage, not a reason to hold request threads. */
    static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(5);
    /** How long fetched keys are used before they are fetched again (Nimbus's default, stated). */
    static final Duration KEY_CACHE_TTL = Duration.ofMinutes(5);
    /** A key set is a few KB; a provider answering megabytes is broken or hostile. */
    static final int KEY_SET_BYTES_MAX = 256 * 1024;
    private static final int CAUSE_DEPTH_MAX = 8;

    private TrustedIssuers() {
    }

    /**
     * @param externalConverter what a token of the external issuer may do; null: the permissions its
     *                          {@link ExternalIssuerProperties#permissionsClaim()} carries
     */
    public static AuthenticationManagerResolver<HttpServletRequest> of(String localIssuer, JwtDecoder localDecoder,
            Converter<Jwt, ? extends AbstractAuthenticationToken> localConverter, ExternalIssuerProperties external,
            ExternalTokenConverter externalConverter) {
        AuthenticationManager local = manager(localDecoder, localConverter);
        if (!external.enabled()) {
            return new JwtIssuerAuthenticationManagerResolver(Map.of(localIssuer, local)::get);
        }
        if (external.issuer().equals(localIssuer)) {
            throw new IllegalStateException("the external issuer must differ from the local one: " + localIssuer);
        }
        AuthenticationManager externalManager = manager(externalDecoder(external),
                externalConverter != null ? externalConverter : permissionsFrom(external.permissionsClaim()));
        return new JwtIssuerAuthenticationManagerResolver(
                Map.of(localIssuer, local, external.issuer(), externalManager)::get);
    }

    /**
     * RS256 with the provider's published keys; issuer, audience, expiry and not-before (60 s skew) checked.
     * Keys are cached for {@link #KEY_CACHE_TTL}; a token naming an unknown key id makes a fetch (the provider
     * may have rotated), but at most two per {@code keyFetchInterval}, so random key ids cannot turn every
     * request into a call to the provider.
     */
    static JwtDecoder externalDecoder(ExternalIssuerProperties external) {
        JWKSourceBuilder<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(keySetUrl(external),
                        new DefaultResourceRetriever(Math.toIntExact(JWKS_CONNECT_TIMEOUT.toMillis()),
                                Math.toIntExact(JWKS_READ_TIMEOUT.toMillis()), KEY_SET_BYTES_MAX))
                .cache(KEY_CACHE_TTL.toMillis(), JWKS_READ_TIMEOUT.toMillis())
                .refreshAheadCache(false)
                .retrying(false)
                // Fail closed while the provider is down: no keys kept past their TTL.
                .outageTolerant(false);
        Duration interval = external.keyFetchInterval();
        keys = interval.isZero() ? keys.rateLimited(false) : keys.rateLimited(interval.toMillis());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.build())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(external.issuer()), new JwtAudienceValidator(external.audience())));
        JwtDecoder outageAware = token -> {
            try {
                return decoder.decode(token);
            } catch (JwtException e) {
                throw keySourceFailure(external.issuer(), e);
            }
        };
        return new VerifiedTokenCache.CachingJwtDecoder(outageAware, Clock.systemUTC());
    }

    /**
     * What a failure to get the provider's keys means for the client. Spring Security would answer it with a
     * 500: a key id refused by the rate limit is an unknown key (401), an unreachable provider an outage (503).
     */
    static RuntimeException keySourceFailure(String issuer, JwtException failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++) {
            if (cause instanceof RateLimitReachedException) {
                return new BadJwtException("no published key has the token's key id (the provider's keys were "
                        + "fetched moments ago)", failure);
            }
            if (cause instanceof KeySourceException) {
                return IssuerUnavailableException.keysUnreachable(issuer, failure);
            }
            cause = cause.getCause();
        }
        return failure;
    }

    private static URL keySetUrl(ExternalIssuerProperties external) {
        try {
            return URI.create(external.jwkSetUri()).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException("cpl.security.external-issuer.jwk-set-uri is not a URL: "
                    + external.jwkSetUri(), e);
        }
    }

    /** Authorities named exactly as the claim lists them: the permissions the code checks ({@link Permissions}). */
    public static JwtAuthenticationConverter permissionsFrom(String claim) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(claim);
        authorities.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static AuthenticationManager manager(JwtDecoder decoder,
                                                 Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }
}
