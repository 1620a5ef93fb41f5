package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.schemas.query.BalanceView;
import io.cloudphone.ledger.schemas.query.EntryView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts and the money movements on one account. Commands answer 202 Accepted: the request and its event
 * are committed, the ledger decides asynchronously, and the status URL shows the decision once it is made.
 */
@RestController
@RequestMapping("/v1/accounts")
class AccountController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The ledger's entries cursor: the version to page back from. */
    private static final int LEDGER_ENTRIES_KEY_PARTS = 1;

    private final AccountCommands commands;
    private final AccountRepository accounts;
    private final LedgerQueryClient ledger;

    AccountController(AccountCommands commands, AccountRepository accounts, LedgerQueryClient ledger) {
        this.commands = commands;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    record OpenAccountBody(String accountId, String currency) {
    }

    record MoneyBody(BigDecimal amount, String currency) {
    }

    record AdjustmentBody(BigDecimal amount, String currency, String reason) {
    }

    record OverdraftBody(BigDecimal limit) {
    }

    @Access("account:own; the account becomes the caller's")
    @PostMapping
    ResponseEntity<Accepted> open(CurrentUser actor, @RequestBody OpenAccountBody body) {
        String accountId = CommandInput.accountId(body.accountId());
        String currency = CommandInput.currency(body.currency());
        return Accepted.of(commands.open(actor, accountId, currency));
    }

    @Access("the account's owner with account:own (anyone else gets 404)")
    @PostMapping("/{accountId}/recharges")
    ResponseEntity<Accepted> recharge(CurrentUser actor, @PathVariable String accountId, @RequestBody MoneyBody body,
                                      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return move(actor, accountId, body, key, (amountMinor, currency) ->
                new AccountRequest.Recharge(AccountRequest.newRequestId(), accountId, actor.userId(), amountMinor, currency));
    }

    @Access("the account's owner with account:own (anyone else gets 404)")
    @PostMapping("/{accountId}/consumptions")
    ResponseEntity<Accepted> consume(CurrentUser actor, @PathVariable String accountId, @RequestBody MoneyBody body,
                                     @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return move(actor, accountId, body, key, (amountMinor, currency) ->
                new AccountRequest.Consume(AccountRequest.newRequestId(), accountId, actor.userId(), amountMinor, currency));
    }

    /** An operator's correcting entry ({@code ledger:adjust}): signed amount, mandatory reason. */
    @Access("ledger:adjust (an operator), on any account")
    @PostMapping("/{accountId}/adjustments")
    ResponseEntity<Accepted> adjust(CurrentUser actor, @PathVariable String accountId, @RequestBody AdjustmentBody body,
                                    @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        AccountRequest draft = new AccountRequest.Adjust(AccountRequest.newRequestId(), accountId, actor.userId(),
                CommandInput.signedAmountMinor(body.amount()), CommandInput.currency(body.currency()),
                CommandInput.reason(body.reason()));
        return Accepted.of(commands.submit(actor, draft, idempotencyKey, AccountCommands.Access.LEDGER_ADJUST));
    }

    /** How far below zero available may go ({@code ledger:adjust}); 0 by default. */
    @Access("ledger:adjust (an operator), on any account")
    @PutMapping("/{accountId}/overdraft-limit")
    ResponseEntity<Accepted> overdraftLimit(CurrentUser actor, @PathVariable String accountId,
                                            @RequestBody OverdraftBody body,
                                            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        Account account = visible(actor, accountId);
        AccountRequest draft = new AccountRequest.SetOverdraftLimit(AccountRequest.newRequestId(), accountId,
                actor.userId(), CommandInput.limitMinor(body.limit()), account.currency());
        return Accepted.of(commands.submit(actor, draft, idempotencyKey, AccountCommands.Access.LEDGER_ADJUST));
    }

    /** The balance now; or at a past version ({@code asOfVersion}) or instant ({@code asOf}, ISO-8601). */
    @Access("the account's owner, or account:read-any (anyone else gets 404)")
    @GetMapping("/{accountId}/balance")
    BalanceView balance(CurrentUser actor, @PathVariable String accountId,
                        @RequestParam(required = false) Long asOfVersion, @RequestParam(required = false) Instant asOf) {
        Account account = visible(actor, accountId);
        if (asOfVersion != null && asOf != null) {
            throw ApiProblem.invalid("ask for asOfVersion or asOf, not both");
        }
        if (asOfVersion != null) {
            return ledger.balanceAsOfVersion(accountId, asOfVersion)
                    .orElseThrow(() -> ApiProblem.notFound("account " + accountId + " has no version " + asOfVersion));
        }
        if (asOf != null) {
            // Before its opening the account was not there: no numbers of zero at version 1 for a time it never had.
            if (asOf.isBefore(account.openedAt())) {
                throw ApiProblem.notFound("account " + accountId + " did not exist at " + asOf);
            }
            return ledger.balanceAsOf(accountId, asOf).orElseGet(() -> opening(account, 0));
        }
        // Until the ledger has applied the opening, the account exists with nothing in it.
        return ledger.balance(accountId).orElseGet(() -> opening(account, 0));
    }

    /** The account's entries, newest first, a page at a time (the ledger's, paged by version). */
    @Access("the account's owner, or account:read-any (anyone else gets 404)")
    @GetMapping("/{accountId}/entries")
    Page<EntryView> entries(CurrentUser actor, @PathVariable String accountId,
                            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        // Checked here too, so that a bad limit or cursor is the client's 422, not a refusal of the ledger's.
        PageRequest page = PageRequest.of(limit, after, LEDGER_ENTRIES_KEY_PARTS);
        page.after(0, Long::parseLong);
        visible(actor, accountId);
        return ledger.entries(accountId, Optional.ofNullable(after).filter(cursor -> !cursor.isEmpty()), page.limit())
                .orElseGet(() -> new Page<>(List.of(), null));
    }

    /** A recharge or a consumption: a positive amount in the account's currency. */
    private interface Movement {
        AccountRequest of(long amountMinor, String currency);
    }

    private ResponseEntity<Accepted> move(CurrentUser actor, String accountId, MoneyBody body, String key,
                                          Movement movement) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        AccountRequest draft = movement.of(CommandInput.amountMinor(body.amount()), CommandInput.currency(body.currency()));
        return Accepted.of(commands.submit(actor, draft, idempotencyKey, AccountCommands.Access.OWNER));
    }

    private Account visible(CurrentUser actor, String accountId) {
        return accounts.find(accountId).orElseThrow(() -> Account.notFound(accountId)).requireVisibleTo(actor);
    }

    private static BalanceView opening(Account account, long version) {
        return new BalanceView(account.accountId(), account.currency(), 0, 0, 0, 0L, version);
    }
}
