package io.cloudphone.ledger.api.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking, and what they may do. For a local token: the user id in its subject and the permissions in
 * its {@code permissions} claim. For a token of the external issuer: the local user linked to its subject and
 * that user's permissions (see {@link LinkedUserAuthenticationConverter}). Either way the authentication's
 * name is the user id. Controllers receive it as a parameter (see {@link CurrentUserArgumentResolver}).
 */
public record CurrentUser(UUID userId, Set<String> permissions) {

    public CurrentUser {
        permissions = Set.copyOf(permissions);
    }

    static CurrentUser of(JwtAuthenticationToken authentication) {
        UUID userId;
        try {
            userId = UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException | NullPointerException notAUser) {
            // A service token (or a foreign one) carries no user: nothing here may act on its behalf.
            throw new NotAUserException("the token's subject is not a user");
        }
        return new CurrentUser(userId, names(authentication.getAuthorities()));
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    public boolean is(UUID otherUserId) {
        return userId.equals(otherUserId);
    }

    /** Refused like a missing token: the request is not made by a user. */
    public static final class NotAUserException extends org.springframework.security.core.AuthenticationException {
        NotAUserException(String message) {
            super(message);
        }
    }
}
