package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.security.LinkedUsers;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.ConstraintViolation;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.platform.security.ExternalIssuerProperties;
import io.cloudphone.ledger.platform.security.Permissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Links users to their identity at the configured external issuer, and resolves a token of that issuer to
 * its linked user. Linking and unlinking are user changes like any other: one transaction that appends the
 * event to the user's event store and the outbox and changes the link.
 */
@Service
class ExternalIdentities implements LinkedUsers {

    static final int SUBJECT_LENGTH_MAX = 255;

    private final ExternalIdentityRepository links;
    private final UserRepository users;
    private final UserEventStore events;
    private final TransactionRunner transactions;
    private final ExternalIssuerProperties external;

    ExternalIdentities(ExternalIdentityRepository links, UserRepository users, UserEventStore events,
                       TransactionRunner transactions, ExternalIssuerProperties external) {
        this.links = links;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.external = external;
    }

    record Identity(String issuer, String subject) {
    }

    /** The link after a PUT, and whether that PUT made it. */
    record Linked(Identity identity, boolean created) {
    }

    /**
     * Read on every request with a token of the external issuer (one primary-key lookup), not cached: an
     * unlink, a deletion or a role change holds from the next request on, on every instance.
     */
    @Override
    public Optional<CurrentUser> find(String issuer, String subject) {
        return links.find(issuer, subject).map(linked -> new CurrentUser(linked.userId(), linked.permissions()));
    }

    /** The user's identity at the external issuer: the user themself or a {@code user:admin} may read it. */
    Identity linkOf(CurrentUser actor, UUID userId) {
        if (!actor.is(userId) && !actor.can(Permissions.USER_ADMIN)) {
            throw UserCommands.notFound(userId);
        }
        String issuer = configuredIssuer();
        return links.subjectOf(userId, issuer).map(subject -> new Identity(issuer, subject))
                .orElseThrow(() -> ApiProblem.notFound("user " + userId + " has no identity at " + issuer));
    }

    /**
     * Links the user to {@code subject} at the external issuer. Repeating the same link changes nothing;
     * linking a user who has another subject there, or a subject linked to another user, is a 409.
     *
     * @return the link, and whether this call made it (false: it existed already)
     */
    Linked link(CurrentUser actor, UUID userId, String subject) {
        requireAdmin(actor);
        String issuer = configuredIssuer();
        String checkedSubject = subject(subject);
        Identity identity = new Identity(issuer, checkedSubject);
        return transactions.inTransaction("user-link-external-identity", status -> {
            User user = users.findLive(userId).orElseThrow(() -> UserCommands.notFound(userId));
            Optional<String> existing = links.subjectOf(userId, issuer);
            if (existing.filter(checkedSubject::equals).isPresent()) {
                return new Linked(identity, false);
            }
            if (existing.isPresent()) {
                throw new ApiProblem(CommandApiProblem.IDENTITY_LINK_CONFLICT, "user " + userId + " is linked to another subject at " + issuer
                        + "; unlink it first (DELETE /v1/users/" + userId + "/external-identity)");
            }
            events.append(userId, user.version(),
                    List.of(PendingUserEvent.externalIdentityLinked(issuer, checkedSubject)));
            try {
                links.insert(userId, issuer, checkedSubject);
            } catch (DuplicateKeyException e) {
                if (ConstraintViolation.isUnique(e, ExternalIdentityRepository.IDENTITY_UNIQUE)) {
                    throw new ApiProblem(CommandApiProblem.IDENTITY_LINK_CONFLICT, "this subject at " + issuer + " is linked to another user");
                }
                throw e;
            }
            return new Linked(identity, true);
        });
    }

    /** Removes the link; tokens of that identity stop acting as the user from the next request on. */
    void unlink(CurrentUser actor, UUID userId) {
        requireAdmin(actor);
        String issuer = configuredIssuer();
        transactions.inTransaction("user-unlink-external-identity", status -> {
            User user = users.findLive(userId).orElseThrow(() -> UserCommands.notFound(userId));
            String linked = links.subjectOf(userId, issuer)
                    .orElseThrow(() -> ApiProblem.notFound("user " + userId + " has no identity at " + issuer));
            events.append(userId, user.version(), List.of(PendingUserEvent.externalIdentityUnlinked(issuer, linked)));
            if (!links.delete(userId, issuer, linked)) {
                throw ApiProblem.conflict("the link of user " + userId + " was changed by another request meanwhile");
            }
            return linked;
        });
    }

    private String configuredIssuer() {
        if (!external.enabled()) {
            throw new ApiProblem(CommandApiProblem.EXTERNAL_ISSUER_NOT_CONFIGURED, "no external issuer is configured (cpl.security.external-issuer.issuer, "
                    + "CPL_EXTERNAL_ISSUER)");
        }
        return external.issuer();
    }

    private static void requireAdmin(CurrentUser actor) {
        if (!actor.can(Permissions.USER_ADMIN)) {
            throw ApiProblem.forbidden("linking identities needs " + Permissions.USER_ADMIN);
        }
    }

    private static String subject(String subject) {
        // A sub claim is compared exactly; surrounding spaces would make a link no token can ever match.
        if (subject == null || subject.isBlank() || subject.length() > SUBJECT_LENGTH_MAX
                || !subject.equals(subject.strip()) || subject.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.invalid("subject is required: the sub claim of the user's tokens at the external "
                    + "issuer, 1 to " + SUBJECT_LENGTH_MAX + " characters, no surrounding spaces, no control characters");
        }
        return subject;
    }
}
