package io.cloudphone.ledger.api.login;

import io.cloudphone.ledger.api.system.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
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
