package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.platform.security.Permissions;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
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
    @Access("anyone, no token")
    @ApiResponse(responseCode = "201", description = "Registered: the new user")
    @PostMapping("/v1/auth/register")
    ResponseEntity<UserView> register(@RequestBody RegisterBody body) {
        return created(commands.create(new UserCommands.NewUser(UserInput.username(body.username()),
                UserInput.email(body.email()), UserInput.displayName(body.displayName()),
                UserInput.password(body.password()), List.of(UserCommands.DEFAULT_ROLE))));
    }

    @Access("user:admin")
    @ApiResponse(responseCode = "201", description = "Created: the new user")
    @PostMapping("/v1/users")
    ResponseEntity<UserView> create(CurrentUser actor, @RequestBody CreateBody body) {
        requireAdmin(actor, "creating users");
        List<String> roles = body.roles() == null ? List.of(UserCommands.DEFAULT_ROLE) : UserInput.roles(body.roles());
        return created(commands.create(new UserCommands.NewUser(UserInput.username(body.username()),
                UserInput.email(body.email()), UserInput.displayName(body.displayName()),
                UserInput.password(body.password()), roles)));
    }

    /** Live users in username order, a page at a time; {@code username} looks one up by name (0 or 1 item). */
    @Access("user:admin")
    @GetMapping("/v1/users")
    Page<UserView> list(CurrentUser actor, @RequestParam(required = false) String username,
                        @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        requireAdmin(actor, "listing users");
        PageRequest page = PageRequest.of(limit, after, 1);
        Optional<String> name = Optional.ofNullable(username).map(UserInput::username);
        return commands.liveUsers(page, name).map(UserView::of);
    }

    @Access("any user's token: the caller's own profile")
    @GetMapping("/v1/users/me")
    UserView me(CurrentUser actor) {
        return UserView.of(commands.visibleUser(actor, actor.userId()));
    }

    @Access("the user themself, or user:admin (anyone else gets 404)")
    @GetMapping("/v1/users/{userId}")
    UserView get(CurrentUser actor, @PathVariable UUID userId) {
        return UserView.of(commands.visibleUser(actor, userId));
    }

    @Access("the user themself, or user:admin (anyone else gets 404); changing roles needs user:admin")
    @PatchMapping("/v1/users/{userId}")
    UserView update(CurrentUser actor, @PathVariable UUID userId, @RequestBody UpdateBody body) {
        String email = body.email() == null ? null : UserInput.email(body.email());
        String displayName = UserInput.displayName(body.displayName());
        List<String> roles = body.roles() == null ? null : UserInput.roles(body.roles());
        return UserView.of(commands.update(actor, userId, email, displayName, roles));
    }

    @Access("the user themself, with the current password")
    @ApiResponse(responseCode = "204", description = "Changed; every token issued before is revoked")
    @PostMapping("/v1/users/{userId}/password")
    ResponseEntity<Void> changePassword(CurrentUser actor, @PathVariable UUID userId, @RequestBody PasswordBody body) {
        if (body.currentPassword() == null) {
            throw ApiProblem.invalid("currentPassword is required");
        }
        commands.changePassword(actor, userId, body.currentPassword(), UserInput.password(body.newPassword()));
        return ResponseEntity.noContent().build();
    }

    @Access("the user themself, or user:admin (anyone else gets 404)")
    @ApiResponse(responseCode = "204", description = "Deleted (soft); every token issued before is revoked")
    @DeleteMapping("/v1/users/{userId}")
    ResponseEntity<Void> delete(CurrentUser actor, @PathVariable UUID userId) {
        commands.delete(actor, userId);
        return ResponseEntity.noContent().build();
    }

    /** Idempotent: the user as it is after the call, suspended once however often it is repeated. */
    @Access("user:admin, never on oneself")
    @PutMapping("/v1/users/{userId}/suspension")
    UserView suspend(CurrentUser actor, @PathVariable UUID userId, @RequestBody(required = false) SuspensionBody body) {
        String reason = body == null ? null : UserInput.suspensionReason(body.reason());
        return UserView.of(commands.suspend(actor, userId, reason));
    }

    @Access("user:admin")
    @DeleteMapping("/v1/users/{userId}/suspension")
    UserView reinstate(CurrentUser actor, @PathVariable UUID userId) {
        return UserView.of(commands.reinstate(actor, userId));
    }

    private static void requireAdmin(CurrentUser actor, String what) {
        if (!actor.can(Permissions.USER_ADMIN)) {
            throw ApiProblem.forbidden(what + " needs " + Permissions.USER_ADMIN);
        }
    }

    private static ResponseEntity<UserView> created(User user) {
        return ResponseEntity.created(URI.create("/v1/users/" + user.userId())).body(UserView.of(user));
    }
}
