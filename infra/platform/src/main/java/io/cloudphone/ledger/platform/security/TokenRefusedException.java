package io.cloudphone.ledger.platform.security;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A token that verified but that the app still refuses, with a reason written for its holder (e.g. an external
 * subject nobody linked yet). Its message is answered; every other authentication failure gets a fixed 401 detail,
 * because a verifier's own words help whoever forges the next token.
 */
public class TokenRefusedException extends InvalidBearerTokenException {

    public TokenRefusedException(String reasonForTheHolder) {
        super(reasonForTheHolder);
    }
}
