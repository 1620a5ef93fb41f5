package io.cloudphone.ledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens an app's decoders have verified, so that a client sending many requests with one token
 * pays for the RSA signature check and claim parsing once. Exact match of the whole token only (so nothing
 * forged can hit), bounded in size, and a cached token stops being accepted the moment it expires.
 */
public class VerifiedTokenCache implements BeanPostProcessor {

    /** Bound on remembered tokens: a few KB each, so at most a few tens of MB. */
    static final int TOKENS_MAX = 10_000;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                ? new CachingJwtDecoder(decoder, Clock.systemUTC()) : bean;
    }

    public static final class CachingJwtDecoder implements JwtDecoder {
        private final JwtDecoder verifier;
        private final Clock clock;
        private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(TOKENS_MAX).build();

        CachingJwtDecoder(JwtDecoder verifier, Clock clock) {
            this.verifier = verifier;
            this.clock = clock;
        }

        @Override
        public Jwt decode(String token) throws JwtException {
            Jwt cached = verified.getIfPresent(token);
            if (cached != null && isUnexpired(cached)) {
                return cached;
            }
            verified.invalidate(token);
            // Anything the verifier refuses (forged, expired, wrong audience) throws and is never cached.
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }

        private boolean isUnexpired(Jwt jwt) {
            Instant expiresAt = jwt.getExpiresAt();
            return expiresAt != null && clock.instant().isBefore(expiresAt);
        }
    }
}
