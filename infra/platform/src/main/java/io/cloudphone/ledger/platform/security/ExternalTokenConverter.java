package io.cloudphone.ledger.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a verified token of the external issuer may do in this app. An app declares one as a bean (command-api:
 * the local user linked to the token's subject, with that user's local permissions); without one, the
 * permissions the token carries in {@link ExternalIssuerProperties#permissionsClaim()} are taken as they are.
 * A converter that cannot map a token throws an {@code AuthenticationException} (401), never grants a default.
 */
public interface ExternalTokenConverter extends Converter<Jwt, AbstractAuthenticationToken> {
}
