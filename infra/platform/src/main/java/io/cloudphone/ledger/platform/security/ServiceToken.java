package io.cloudphone.ledger.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * An app's own bearer token for the ledger's and the payments app's query APIs ({@code ledger:read},
 * {@code payments:read}), renewed a minute before it
 * expires. Users' tokens are not passed on: the calling app checks who may see which account, and the ledger
 * trusts only that decision.
 */
public class ServiceToken {

    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final TokenIssuer issuer;
    private final Clock clock = Clock.systemUTC();
    private volatile TokenIssuer.IssuedToken current;

    public ServiceToken(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    public String bearer() {
        TokenIssuer.IssuedToken token = current;
        if (token == null || clock.instant().plus(RENEW_BEFORE_EXPIRY).isAfter(token.expiresAt())) {
            token = issuer.forService(List.of(Permissions.LEDGER_READ, Permissions.PAYMENTS_READ));
            current = token;
        }
        return "Bearer " + token.value();
    }
}
