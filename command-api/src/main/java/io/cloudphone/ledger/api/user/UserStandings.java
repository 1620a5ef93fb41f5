package io.cloudphone.ledger.api.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cloudphone.ledger.platform.security.IssuerUnavailableException;
import io.cloudphone.ledger.platform.security.TokenIssuer;
import io.cloudphone.ledger.platform.security.TokenRefusedException;
import io.cloudphone.ledger.platform.security.TokenStanding;
import java.time.Duration;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * command-api's answer to "does this user's token still stand": its security version claim equals the user's
 * in PostgreSQL, and the user is neither deleted nor suspended. One primary-key read per user per
 * {@link #CACHE_TTL}, shared by all of that user's requests: the cache is the whole delay (at most a second) between
 * a revocation committed on any instance and its effect on this one. The ledger asks here too
 * ({@code GET /v1/auth/token}), adding its own cache of at most 2 s.
 */
@Component
class UserStandings implements TokenStanding {

    static final Duration CACHE_TTL = Duration.ofSeconds(1);
    /** One entry is a UUID and a long: 100,000 users cost a few MB. */
    static final int USERS_MAX = 100_000;

    private final UserRepository users;
    private final Cache<UUID, UserRepository.Standing> standings = Caffeine.newBuilder().maximumSize(USERS_MAX)
            .expireAfterWrite(CACHE_TTL).build();

    UserStandings(UserRepository users) {
        this.users = users;
    }

    @Override
    public void requireStanding(Jwt userToken) {
        UUID userId = userOf(userToken);
        Object claimed = userToken.getClaim(TokenIssuer.SECURITY_VERSION_CLAIM);
        if (!(claimed instanceof Number issuedAt)) {
            // Tokens issued before revocation existed: at most 15 minutes old, then gone for good.
            throw new TokenRefusedException(REVOKED);
        }
        long tokenVersion = issuedAt.longValue();
        UserRepository.Standing current = standings.get(userId, this::read);
        if (tokenVersion > current.securityVersion()) {
            // Signed after the cached read (a log-in after a password change or a reinstatement): the cache is stale.
            current = read(userId);
            standings.put(userId, current);
        }
        if (!current.active() || current.securityVersion() != tokenVersion) {
            throw new TokenRefusedException(REVOKED);
        }
    }

    private UserRepository.Standing read(UUID userId) {
        try {
            return users.standingOf(userId);
        } catch (DataAccessException e) {
            // Not a 500: the token may be fine, the database is not (and nothing is let in meanwhile).
            throw IssuerUnavailableException.standingUnknown(e);
        }
    }

    private static UUID userOf(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAUser) {
            throw new TokenRefusedException("the token's subject is not a user");
        }
    }
}
