package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.security.Permissions;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration (open), and users read and changed by themselves or by a {@code user:admin}. */
@RestController
class UserController {

    private final UserCommands commands;

    UserController(UserCommands commands) {
        this.commands = commands;
    }

    record RegisterBody(String username, String email, String displayName, String password) {
    }

    record CreateBody(String username, String email, String displayName, String password, List<String> roles) {
    }

    record UpdateBody(String email, String displayName, List<String> roles) {
    }

    record PasswordBody(String currentPassword, String newPassword) {
    }

    record SuspensionBody(String reason) {
    }

    /** What a client sees of a user: never the password hash. */
    record UserView(UUID userId, String username, String email, String displayName, List<String> roles, long version,
                    Instant createdAt, Instant lockedUntil, Instant suspendedAt) {
        static UserView of(User user) {
            return new UserView(user.userId(), user.username(), user.email(), user.displayName(), user.roles(),
                    user.version(), user.createdAt(), user.lockedUntil(), user.suspendedAt());
        }
    }

    @SecurityRequirements
    @PostMapping("/v1/auth/register")
    ResponseEntity<UserView> register(@RequestBody RegisterBody body) {
        return created(commands.create(new UserCommands.NewUser(UserInput.username(body.username()),
                UserInput.email(body.email()), UserInput.displayName(body.displayName()),
                UserInput.password(body.password()), List.of(UserCommands.DEFAULT_ROLE))));
    }

    @PostMapping("/v1/users")
    ResponseEntity<UserView> create(CurrentUser actor, @RequestBody CreateBody body) {
        requireAdmin(actor);
        List<String> roles = body.roles() == null ? List.of(UserCommands.DEFAULT_ROLE) : UserInput.roles(body.roles());
        return created(commands.create(new UserCommands.NewUser(UserInput.username(body.username()),
                UserInput.email(body.email()), UserInput.displayName(body.displayName()),
                UserInput.password(body.password()), roles)));
    }

    @GetMapping("/v1/users/me")
    UserView me(CurrentUser actor) {
        return UserView.of(commands.visibleUser(actor, actor.userId()));
    }

    @GetMapping("/v1/users/{userId}")
    UserView get(CurrentUser actor, @PathVariable UUID userId) {
        return UserView.of(commands.visibleUser(actor, userId));
    }

    @PatchMapping("/v1/users/{userId}")
    UserView update(CurrentUser actor, @PathVariable UUID userId, @RequestBody UpdateBody body) {
        String email = body.email() == null ? null : UserInput.email(body.email());
        String displayName = UserInput.displayName(body.displayName());
        List<String> roles = body.roles() == null ? null : UserInput.roles(body.roles());
        return UserView.of(commands.update(actor, userId, email, displayName, roles));
    }

    @PostMapping("/v1/users/{userId}/password")
    ResponseEntity<Void> changePassword(CurrentUser actor, @PathVariable UUID userId, @RequestBody PasswordBody body) {
        if (body.currentPassword() == null) {
            throw ApiProblem.invalid("currentPassword is required");
        }
        commands.changePassword(actor, userId, body.currentPassword(), UserInput.password(body.newPassword()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/v1/users/{userId}")
    ResponseEntity<Void> delete(CurrentUser actor, @PathVariable UUID userId) {
        commands.delete(actor, userId);
        return ResponseEntity.noContent().build();
    }

    /** Idempotent: the user as it is after the call, suspended once however often it is repeated. */
    @PutMapping("/v1/users/{userId}/suspension")
    UserView suspend(CurrentUser actor, @PathVariable UUID userId, @RequestBody(required = false) SuspensionBody body) {
        String reason = body == null ? null : UserInput.suspensionReason(body.reason());
        return UserView.of(commands.suspend(actor, userId, reason));
    }

    @DeleteMapping("/v1/users/{userId}/suspension")
    UserView reinstate(CurrentUser actor, @PathVariable UUID userId) {
        return UserView.of(commands.reinstate(actor, userId));
    }

    private static void requireAdmin(CurrentUser actor) {
        if (!actor.can(Permissions.USER_ADMIN)) {
            throw ApiProblem.forbidden("creating users needs " + Permissions.USER_ADMIN);
        }
    }

    private static ResponseEntity<UserView> created(User user) {
        return ResponseEntity.created(URI.create("/v1/users/" + user.userId())).body(UserView.of(user));
    }
}
