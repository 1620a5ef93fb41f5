package io.cloudphone.ledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Asks command-api whether a user's token still stands, presenting the token itself to
 * {@code GET /v1/auth/token}: 200 standing, 401 revoked. No credential of this app is involved, so nothing here can
 * be used to ask about somebody else's token. Answers are reused for {@link TokenStandingProperties#cacheTtl()} per
 * token (bounded in number); concurrent requests with one token make one ask. When command-api cannot answer,
 * the request is refused with 503: a token nobody can vouch for is never let in.
 */
public final class RemoteTokenStanding implements TokenStanding {

    private static final Logger log = LoggerFactory.getLogger(RemoteTokenStanding.class);
    static final int TOKENS_MAX = 10_000;

    private final HttpClient http;
    private final TokenStandingProperties properties;
    private final Cache<String, Boolean> answers;

    public RemoteTokenStanding(TokenStandingProperties properties) {
        if (properties.uri() == null) {
            throw new IllegalArgumentException("cpl.security.token-standing.uri is required to ask about tokens");
        }
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.answers = Caffeine.newBuilder().maximumSize(TOKENS_MAX).expireAfterWrite(properties.cacheTtl()).build();
    }

    @Override
    public void requireStanding(Jwt userToken) {
        boolean standing = answers.get(userToken.getTokenValue(), this::ask);
        if (!standing) {
            throw new TokenRefusedException(TokenStanding.REVOKED);
        }
    }

    private IssuerUnavailableException unknown(Exception cause) {
        log.warn("cannot ask {} whether a token stands: {}", properties.uri(), cause.toString());
        return IssuerUnavailableException.standingUnknown(cause);
    }

    private boolean ask(String token) {
        HttpRequest request = HttpRequest.newBuilder(properties.uri()).timeout(properties.timeout())
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw unknown(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unknown(e);
        }
        return switch (status) {
            case 200 -> true;
            case 401 -> false;
            default -> throw unknown(new IOException("answered HTTP " + status));
        };
    }
}
