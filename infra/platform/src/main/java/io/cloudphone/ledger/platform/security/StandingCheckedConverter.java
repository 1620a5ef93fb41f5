package io.cloudphone.ledger.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified local token into an authentication only once its {@link TokenStanding} is confirmed. Runs after
 * the signature, issuer, audience and expiry checks (and after {@link VerifiedTokenCache}), so the standing is
 * asked on every request, also for a token whose signature was checked before.
 */
final class StandingCheckedConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Converter<Jwt, ? extends AbstractAuthenticationToken> delegate;
    private final TokenStanding standing;

    StandingCheckedConverter(Converter<Jwt, ? extends AbstractAuthenticationToken> delegate, TokenStanding standing) {
        this.delegate = delegate;
        this.standing = standing;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (!isServiceToken(jwt)) {
            standing.requireStanding(jwt);
        }
        return delegate.convert(jwt);
    }

    /** An app's own token: signed only by an app holding the private key, for 10 minutes, and tied to no user. */
    static boolean isServiceToken(Jwt jwt) {
        String subject = jwt.getSubject();
        return subject != null && subject.startsWith(TokenIssuer.SERVICE_SUBJECT_PREFIX);
    }
}
