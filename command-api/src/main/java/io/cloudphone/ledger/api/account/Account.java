package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.security.Permissions;
import java.time.Instant;
import java.util.UUID;

/**
 * An account as command-api knows it: its currency, its owner (null for accounts older than identity) and when its
 * opening was recorded (no state of the account is older).
 */
record Account(String accountId, String currency, UUID ownerId, Instant openedAt) {

    boolean ownedBy(CurrentUser user) {
        return ownerId != null && user.is(ownerId);
    }

    /** The owner sees it; so does anyone with {@code account:read-any} (operators, dashboards). */
    boolean visibleTo(CurrentUser user) {
        return ownedBy(user) || user.can(Permissions.ACCOUNT_READ_ANY);
    }

    /** Visible, or a 404 that does not tell another user's account from a missing one. */
    Account requireVisibleTo(CurrentUser user) {
        if (!visibleTo(user)) {
            throw notFound(accountId);
        }
        return this;
    }

    /** Only the owner moves money on an account. */
    Account requireOwnedBy(CurrentUser user) {
        requireVisibleTo(user);
        if (!ownedBy(user) || !user.can(Permissions.ACCOUNT_OWN)) {
            throw ApiProblem.forbidden("only the owner of account " + accountId
                    + " may move money on it");
        }
        return this;
    }

    static ApiProblem notFound(String accountId) {
        return ApiProblem.notFound("account " + accountId + " does not exist");
    }
}
