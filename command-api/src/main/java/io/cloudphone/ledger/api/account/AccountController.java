package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.ledger.LedgerQueryClient.LedgerBalance;
import io.cloudphone.ledger.api.security.CurrentUser;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account commands answer 202 Accepted: the request and its event are committed, the ledger decides
 * asynchronously, and the status URL shows the decision once it is made.
 */
@RestController
@RequestMapping("/v1/accounts")
class AccountController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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

    record Accepted(UUID requestId, String status, URI statusUrl) {
    }

    record Balance(String accountId, String currency, long balance, long available, long version) {
    }

    @PostMapping
    ResponseEntity<Accepted> open(CurrentUser actor, @RequestBody OpenAccountBody body) {
        String accountId = CommandInput.accountId(body.accountId());
        String currency = CommandInput.currency(body.currency());
        return accepted(commands.open(actor, accountId, currency));
    }

    @PostMapping("/{accountId}/recharges")
    ResponseEntity<Accepted> recharge(CurrentUser actor, @PathVariable String accountId, @RequestBody MoneyBody body,
                                      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return submit(actor, accountId, RequestKind.RECHARGE, body, key);
    }

    @PostMapping("/{accountId}/consumptions")
    ResponseEntity<Accepted> consume(CurrentUser actor, @PathVariable String accountId, @RequestBody MoneyBody body,
                                     @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return submit(actor, accountId, RequestKind.CONSUME, body, key);
    }

    @GetMapping("/{accountId}/balance")
    Balance balance(CurrentUser actor, @PathVariable String accountId) {
        String currency = accounts.find(accountId)
                .orElseThrow(() -> Account.notFound(accountId))
                .requireVisibleTo(actor)
                .currency();
        // Until the ledger has applied the opening, the account exists with nothing in it.
        LedgerBalance balance = ledger.balance(accountId)
                .orElse(new LedgerBalance(accountId, currency, 0, 0, 0));
        return new Balance(accountId, balance.currency(), balance.balance(), balance.available(), balance.version());
    }

    private ResponseEntity<Accepted> submit(CurrentUser actor, String accountId, RequestKind kind, MoneyBody body,
                                            String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        long amountMinor = CommandInput.amountMinor(body.amount());
        String currency = CommandInput.currency(body.currency());
        return accepted(commands.submit(actor, accountId, kind, amountMinor, currency, idempotencyKey));
    }

    private static ResponseEntity<Accepted> accepted(UUID requestId) {
        URI statusUrl = URI.create("/v1/requests/" + requestId);
        return ResponseEntity.accepted().location(statusUrl).body(new Accepted(requestId, "PENDING", statusUrl));
    }
}
