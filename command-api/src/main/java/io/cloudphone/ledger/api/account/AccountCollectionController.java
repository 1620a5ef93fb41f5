package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account API's collections, each a {@link Page} ({@code items}, {@code next}) read with {@code limit} and
 * {@code after}: the caller's accounts, an account's holds and its requests. What each item links to (its balance,
 * hold or status URL) has the ledger's current view; the lists themselves are what command-api recorded.
 */
@RestController
class AccountCollectionController {

    private final AccountCollections collections;
    private final AccountRepository accounts;

    AccountCollectionController(AccountCollections collections, AccountRepository accounts) {
        this.collections = collections;
        this.accounts = accounts;
    }

    /** The caller's own accounts, by account id. */
    @Access("any user's token: the caller's own accounts")
    @GetMapping("/v1/accounts")
    Page<AccountCollections.AccountSummary> accounts(CurrentUser actor, @RequestParam(required = false) Integer limit,
                                                     @RequestParam(required = false) String after) {
        PageRequest page = PageRequest.of(limit, after, AccountCollections.ACCOUNT_KEY_PARTS);
        return collections.accountsOwnedBy(actor.userId(), page);
    }

    /** The holds placed on the account, newest first; each one's status is at its holdUrl. */
    @Access("the account's owner, or account:read-any (anyone else gets 404)")
    @GetMapping("/v1/accounts/{accountId}/holds")
    Page<AccountCollections.HoldSummary> holds(CurrentUser actor, @PathVariable String accountId,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String after) {
        PageRequest page = PageRequest.of(limit, after, AccountCollections.NEWEST_FIRST_KEY_PARTS);
        visible(actor, accountId);
        return collections.holdsOf(accountId, page);
    }

    /** The requests made on the account, newest first; each one's decision is at its statusUrl. */
    @Access("the account's owner, or account:read-any (anyone else gets 404)")
    @GetMapping("/v1/accounts/{accountId}/requests")
    Page<AccountCollections.RequestSummary> requests(CurrentUser actor, @PathVariable String accountId,
                                                     @RequestParam(required = false) Integer limit,
                                                     @RequestParam(required = false) String after) {
        PageRequest page = PageRequest.of(limit, after, AccountCollections.NEWEST_FIRST_KEY_PARTS);
        visible(actor, accountId);
        return collections.requestsOf(accountId, page);
    }

    private void visible(CurrentUser actor, String accountId) {
        accounts.find(accountId).orElseThrow(() -> Account.notFound(accountId)).requireVisibleTo(actor);
    }
}
