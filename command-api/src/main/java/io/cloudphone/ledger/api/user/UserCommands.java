package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.notification.NotificationPreferences;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.ConstraintViolation;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.platform.security.Permissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates, changes and deletes users. Each command is ONE local transaction that changes the user, appends
 * its event to the user's event store and writes it to the outbox, so a committed change is always
 * published and a failed one never is (the replaced platform saved, then published). Password hashing, which is slow
 * on purpose, happens before the transaction opens.
 */
@Service
public class UserCommands {

    /** Every new user gets this role; an administrator can add others. */
    public static final String DEFAULT_ROLE = "USER";

    private final UserRepository users;
    private final ExternalIdentityRepository externalIdentities;
    private final UserEventStore events;
    private final NotificationPreferences preferences;
    private final PasswordEncoder passwords;
    private final TransactionRunner transactions;

    UserCommands(UserRepository users, ExternalIdentityRepository externalIdentities, UserEventStore events,
                 NotificationPreferences preferences, PasswordEncoder passwords, TransactionRunner transactions) {
        this.users = users;
        this.externalIdentities = externalIdentities;
        this.events = events;
        this.preferences = preferences;
        this.passwords = passwords;
        this.transactions = transactions;
    }

    public record NewUser(String username, String email, String displayName, String password, List<String> roles) {
    }

    /** Registers a user; the username or email being taken is a 409, decided by the database's unique indexes. */
    public User create(NewUser input) {
        String hash = passwords.encode(input.password());
        UUID userId = UUID.randomUUID();
        transactions.inTransaction("user-create", status -> {
            insertOrConflict(userId, input, hash);
            replaceRoles(userId, input.roles());
            preferences.createDefaults(userId);
            events.appendFirst(userId, PendingUserEvent.created(input.username(), input.email(), input.displayName(),
                    input.roles()));
            return userId;
        });
        return users.find(userId).orElseThrow();
    }

    /** Null fields are left as they are; roles may only be changed by a {@code user:admin}. */
    public User update(CurrentUser actor, UUID userId, String email, String displayName, List<String> roles) {
        if (roles != null && !actor.can(Permissions.USER_ADMIN)) {
            throw ApiProblem.forbidden("changing roles needs " + Permissions.USER_ADMIN);
        }
        transactions.inTransaction("user-update", status -> {
            User current = visibleLiveUser(actor, userId);
            String newEmail = email == null ? current.email() : email;
            String newDisplayName = displayName == null ? current.displayName() : displayName;
            List<String> newRoles = roles == null ? current.roles() : roles;
            events.append(userId, current.version(), List.of(PendingUserEvent.updated(newEmail, newDisplayName, newRoles)));
            try {
                users.updateProfile(userId, newEmail, newDisplayName);
            } catch (DuplicateKeyException e) {
                throw taken(e);
            }
            if (roles != null) {
                replaceRoles(userId, roles);
                // Tokens carry permissions: one issued before the change would keep the old ones for 15 minutes.
                users.revokeTokens(userId);
            }
            return userId;
        });
        return users.find(userId).orElseThrow();
    }

    /** Only the user themself, who proves they know the current password. */
    public void changePassword(CurrentUser actor, UUID userId, String currentPassword, String newPassword) {
        if (!actor.is(userId)) {
            throw notFound(userId);
        }
        String verifiedHash = users.passwordHashOf(userId).orElseThrow(() -> notFound(userId));
        if (!passwords.matches(currentPassword, verifiedHash)) {
            throw new ApiProblem(CommandApiProblem.WRONG_CURRENT_PASSWORD, "the current password is not correct");
        }
        String newHash = passwords.encode(newPassword);
        transactions.inTransaction("user-change-password", status -> {
            User current = visibleLiveUser(actor, userId);
            events.append(userId, current.version(), List.of(PendingUserEvent.passwordChanged()));
            if (!users.replacePasswordHash(userId, verifiedHash, newHash)) {
                throw ApiProblem.conflict("the password was changed by another request meanwhile");
            }
            return userId;
        });
    }

    /**
     * Soft delete: the user cannot log in any more; their history and accounts stay. Their links to external
     * identities go with them (each an ExternalIdentityUnlinked event before UserDeleted), so the person can be
     * linked to another user later and the provider's tokens stop acting as the deleted one.
     */
    public void delete(CurrentUser actor, UUID userId) {
        transactions.inTransaction("user-delete", status -> {
            User current = visibleLiveUser(actor, userId);
            List<PendingUserEvent> changes = new ArrayList<>();
            for (ExternalIdentityRepository.Link link : externalIdentities.linksOf(userId)) {
                changes.add(PendingUserEvent.externalIdentityUnlinked(link.issuer(), link.subject()));
            }
            changes.add(PendingUserEvent.deleted());
            events.append(userId, current.version(), changes);
            externalIdentities.deleteAll(userId);
            if (!users.softDelete(userId)) {
                throw ApiProblem.conflict("user " + userId + " was deleted by another request meanwhile");
            }
            return userId;
        });
    }

    /**
     * Suspends the user: log-in refused, every token revoked (within seconds, on both APIs), until reinstated. A
     * user:admin only, never themself (nobody would be left to lift it). Suspending a suspended user changes nothing.
     */
    public User suspend(CurrentUser actor, UUID userId, String reason) {
        requireAdmin(actor, "suspending a user");
        if (actor.is(userId)) {
            throw ApiProblem.invalid("an administrator cannot suspend themself");
        }
        transactions.inTransaction("user-suspend", status -> {
            User current = visibleLiveUser(actor, userId);
            if (users.suspend(userId)) {
                events.append(userId, current.version(), List.of(PendingUserEvent.suspended(reason)));
            }
            return userId;
        });
        return users.find(userId).orElseThrow();
    }

    /** Lifts a suspension; the tokens it revoked stay revoked. Reinstating an active user changes nothing. */
    public User reinstate(CurrentUser actor, UUID userId) {
        requireAdmin(actor, "reinstating a user");
        transactions.inTransaction("user-reinstate", status -> {
            User current = visibleLiveUser(actor, userId);
            if (users.reinstate(userId)) {
                events.append(userId, current.version(), List.of(PendingUserEvent.reinstated()));
            }
            return userId;
        });
        return users.find(userId).orElseThrow();
    }

    private static void requireAdmin(CurrentUser actor, String what) {
        if (!actor.can(Permissions.USER_ADMIN)) {
            throw ApiProblem.forbidden(what + " needs " + Permissions.USER_ADMIN);
        }
    }

    /** Live users in username order, a page at a time (the caller has checked {@code user:admin}). */
    public Page<User> liveUsers(PageRequest page, Optional<String> username) {
        return Page.of(users.livePage(page.after(0, String::valueOf).orElse(""), username, page.rowsToRead()), page,
                user -> List.of(user.username()));
    }

    /** The user, if the actor may see it: themself, or anyone for a {@code user:admin}. Others are 404, not 403. */
    public User visibleUser(CurrentUser actor, UUID userId) {
        User user = users.find(userId).orElseThrow(() -> notFound(userId));
        if (!actor.is(userId) && !actor.can(Permissions.USER_ADMIN)) {
            throw notFound(userId);
        }
        return user;
    }

    private User visibleLiveUser(CurrentUser actor, UUID userId) {
        User user = visibleUser(actor, userId);
        if (user.deleted()) {
            throw notFound(userId);
        }
        return user;
    }

    private void insertOrConflict(UUID userId, NewUser input, String hash) {
        try {
            users.insert(userId, input.username(), input.email(), input.displayName(), hash);
        } catch (DuplicateKeyException e) {
            throw taken(e);
        }
    }

    private void replaceRoles(UUID userId, List<String> roles) {
        int found = users.replaceRoles(userId, roles);
        if (found != roles.size()) {
            throw ApiProblem.invalid("unknown role among " + roles);
        }
    }

    /** One answer for both: which of the two is taken would tell anyone whether an email has an account here. */
    private static ApiProblem taken(DuplicateKeyException e) {
        if (ConstraintViolation.isUnique(e, UserRepository.USERNAME_UNIQUE)
                || ConstraintViolation.isUnique(e, UserRepository.EMAIL_UNIQUE)) {
            return new ApiProblem(CommandApiProblem.USERNAME_OR_EMAIL_UNAVAILABLE, NOT_AVAILABLE);
        }
        return ApiProblem.conflict("a unique value is taken: "
                + ConstraintViolation.of(e).map(ConstraintViolation::constraint).orElse("unknown"));
    }

    static final String NOT_AVAILABLE = "this username or email is not available";

    static ApiProblem notFound(UUID userId) {
        return ApiProblem.notFound("user " + userId + " does not exist");
    }
}
