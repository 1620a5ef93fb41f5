package io.cloudphone.ledger.platform.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The external issuer's keys could not be fetched, so a token of it can be neither accepted nor called
 * forged. Answered 503 with Retry-After: the client's token may be fine, the provider is not.
 */
public final class IssuerUnavailableException extends AuthenticationException {

    /** Long enough for a provider restart to be worth waiting for, short enough for an interactive client. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private IssuerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    static IssuerUnavailableException keysUnreachable(String issuer, Throwable cause) {
        return new IssuerUnavailableException("the identity provider " + issuer
                + " cannot be reached to check the token's signature", cause);
    }

    /** Nobody could say whether a user's token was revoked (see {@link RemoteTokenStanding}). */
    public static IssuerUnavailableException standingUnknown(Throwable cause) {
        return new IssuerUnavailableException("the user service cannot be reached to check that the token "
                + "still stands", cause);
    }
}
