package io.cloudphone.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class LinkedUserAuthenticationConverterTest {

    private static final String ISSUER = "https://idp.example.com/realms/cloudphone";
    private static final UUID USER_ID = UUID.randomUUID();

    private final LinkedUsers linkedUsers = (issuer, subject) -> ISSUER.equals(issuer) && "alice-at-idp".equals(subject)
            ? Optional.of(new CurrentUser(USER_ID, Set.of("account:own")))
            : Optional.empty();
    private final LinkedUserAuthenticationConverter converter = new LinkedUserAuthenticationConverter(ISSUER, linkedUsers);

    @Test
    void actsAsTheLinkedUserWithItsLocalPermissionsNotTheTokens() {
        JwtAuthenticationToken authentication = converter.convert(token("alice-at-idp", List.of("user:admin")));

        assertThat(authentication.getName()).isEqualTo(USER_ID.toString());
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("account:own");
        assertThat(CurrentUser.of(authentication)).isEqualTo(new CurrentUser(USER_ID, Set.of("account:own")));
    }

    @Test
    void refusesASubjectLinkedToNobody() {
        assertThatThrownBy(() -> converter.convert(token("mallory-at-idp", List.of("user:admin"))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("mallory-at-idp").hasMessageContaining("not linked");
    }

    @Test
    void refusesATokenWithoutSubject() {
        assertThatThrownBy(() -> converter.convert(token(null, List.of())))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    private static Jwt token(String subject, List<String> permissions) {
        Instant now = Instant.now();
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).issuedAt(now)
                .expiresAt(now.plusSeconds(60)).claims(claims -> claims.putAll(Map.of("permissions", permissions)));
        return subject == null ? jwt.build() : jwt.subject(subject).build();
    }
}
