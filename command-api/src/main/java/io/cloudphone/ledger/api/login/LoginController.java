package io.cloudphone.ledger.api.login;

import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.platform.security.TokenIssuer;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/auth/login}: a signed bearer token for a username and password. */
@RestController
class LoginController {

    /** Bounds the work an anonymous request can cause before BCrypt even runs. */
    static final int CREDENTIAL_LENGTH_MAX = 256;

    private final LoginService logins;

    LoginController(LoginService logins) {
        this.logins = logins;
    }

    record LoginBody(String username, String password) {
    }

    record TokenView(String accessToken, String tokenType, Instant expiresAt, UUID userId) {
    }

    /** What the presented token says, once it has passed every check a request gets, revocation included. */
    record TokenStatus(boolean active, String subject, String username, List<String> permissions, Long securityVersion,
                       Instant issuedAt, Instant expiresAt) {
    }

    /**
     * Introspection by the token's own holder: 200 while the token stands, 401 once it is revoked or expired. The
     * ledger asks this (platform RemoteTokenStanding) before it lets a user's token in.
     */
    @Access("the token's own holder (any valid token)")
    @GetMapping("/v1/auth/token")
    TokenStatus token(@AuthenticationPrincipal Jwt jwt) {
        Object version = jwt.getClaim(TokenIssuer.SECURITY_VERSION_CLAIM);
        return new TokenStatus(true, jwt.getSubject(), jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsStringList(Permissions.CLAIM),
                version instanceof Number number ? number.longValue() : null, jwt.getIssuedAt(), jwt.getExpiresAt());
    }

    @SecurityRequirements
    @Access("anyone, no token")
    @PostMapping("/v1/auth/login")
    TokenView login(@RequestBody LoginBody body, HttpServletRequest request) {
        if (body.username() == null || body.password() == null) {
            throw ApiProblem.invalid("username and password are required");
        }
        if (body.username().length() > CREDENTIAL_LENGTH_MAX || body.password().length() > CREDENTIAL_LENGTH_MAX) {
            throw ApiProblem.invalid("username and password are at most " + CREDENTIAL_LENGTH_MAX + " characters");
        }
        // The address Tomcat settled on: the peer's, or X-Forwarded-For's from a trusted proxy (command-api.yml).
        LoginService.LoggedIn loggedIn = logins.login(body.username(), body.password(), request.getRemoteAddr());
        return new TokenView(loggedIn.token().value(), "Bearer", loggedIn.token().expiresAt(), loggedIn.userId());
    }
}
