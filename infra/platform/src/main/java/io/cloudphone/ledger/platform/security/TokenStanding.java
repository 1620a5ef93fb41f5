package io.cloudphone.ledger.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Whether a user's token of the local issuer still stands: not revoked since it was issued. A token carries the
 * user's security version ({@link TokenIssuer#SECURITY_VERSION_CLAIM}) from the moment it was signed; a role
 * change, a password change, a deletion or a suspension raises the version in PostgreSQL, and every token that
 * carries an older one is refused from then on. Checked on every request by a user's token (service tokens
 * carry no user and are not checked), so revocation does not wait for the token's 15 minutes to run out.
 *
 * <p>command-api, which owns the users, answers from PostgreSQL; every other app asks command-api
 * ({@link RemoteTokenStanding}). Each caches an answer for at most a second or two: that cache is the whole
 * delay between a revocation and its effect.
 */
public interface TokenStanding {

    /** What the holder of a revoked token is told. */
    String REVOKED = "the token was revoked (its user's roles, password or account changed since it was issued): "
            + "log in again";

    /**
     * @throws TokenRefusedException       the token was revoked (or its user is gone): answered 401
     * @throws IssuerUnavailableException  nobody could say (command-api unreachable): answered 503, never let in
     */
    void requireStanding(Jwt userToken);
}
