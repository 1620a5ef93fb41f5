package io.cloudphone.ledger.api.security;

import io.cloudphone.ledger.platform.security.ExternalTokenConverter;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import io.cloudphone.ledger.platform.security.TokenRefusedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified token of the external issuer into the local user linked to its subject, with that user's
 * permissions. The provider's own claims about roles or permissions are ignored: roles live here. A token
 * whose subject is linked to nobody is refused (401), never given a default identity.
 */
final class LinkedUserAuthenticationConverter implements ExternalTokenConverter {

    private final String issuer;
    private final LinkedUsers linkedUsers;

    LinkedUserAuthenticationConverter(String issuer, LinkedUsers linkedUsers) {
        this.issuer = issuer;
        this.linkedUsers = linkedUsers;
    }

    @Override
    public JwtAuthenticationToken convert(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new TokenRefusedException("the token has no subject");
        }
        CurrentUser user = linkedUsers.find(issuer, subject).orElseThrow(() -> new TokenRefusedException(
                "subject " + subject + " of issuer " + issuer + " is not linked to a user here (an administrator"
                        + " links it: PUT /v1/users/{userId}/external-identity)"));
        List<SimpleGrantedAuthority> authorities = user.permissions().stream()
                .map(SimpleGrantedAuthority::new).toList();
        return new JwtAuthenticationToken(jwt, authorities, user.userId().toString());
    }
}
