package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.schemas.query.HoldView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds (the replaced platform's freeze/unfreeze): place one on an account, then capture all or part of it, or release
 * it. An expired hold is released by the ledger itself. Capture and release name only the hold: its account
 * (and so the ledger partition that decides) comes from the hold's row, written when it was placed.
 */
@RestController
class HoldController {

    private final AccountCommands commands;
    private final AccountRepository accounts;
    private final LedgerQueryClient ledger;
    private final Clock clock = Clock.systemUTC();

    HoldController(AccountCommands commands, AccountRepository accounts, LedgerQueryClient ledger) {
        this.commands = commands;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    record HoldBody(BigDecimal amount, String currency, Instant expiresAt) {
    }

    /** {@code amount} null captures the whole hold. */
    record CaptureBody(BigDecimal amount) {
    }

    @Access("the account's owner with account:own (anyone else gets 404)")
    @PostMapping("/v1/accounts/{accountId}/holds")
    ResponseEntity<Accepted> place(CurrentUser actor, @PathVariable String accountId, @RequestBody HoldBody body,
                                   @RequestHeader(value = AccountController.IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        AccountRequest draft = new AccountRequest.PlaceHold(AccountRequest.newRequestId(), accountId, actor.userId(),
                UUID.randomUUID(), CommandInput.amountMinor(body.amount()), CommandInput.currency(body.currency()),
                CommandInput.holdExpiry(body.expiresAt(), clock.instant()));
        return Accepted.of(commands.submit(actor, draft, idempotencyKey, AccountCommands.Access.OWNER));
    }

    @Access("the hold's account's owner with account:own (anyone else gets 404)")
    @PostMapping("/v1/holds/{holdId}/capture")
    ResponseEntity<Accepted> capture(CurrentUser actor, @PathVariable UUID holdId, @RequestBody(required = false) CaptureBody body,
                                     @RequestHeader(value = AccountController.IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        AccountRepository.HoldRecord hold = visibleHold(actor, holdId);
        OptionalLong amount = body == null || body.amount() == null ? OptionalLong.empty()
                : OptionalLong.of(CommandInput.amountMinor(body.amount()));
        AccountRequest draft = new AccountRequest.CaptureHold(AccountRequest.newRequestId(), hold.accountId(),
                actor.userId(), holdId, amount, hold.currency());
        return Accepted.of(commands.submit(actor, draft, idempotencyKey, AccountCommands.Access.OWNER));
    }

    @Access("the hold's account's owner with account:own (anyone else gets 404)")
    @PostMapping("/v1/holds/{holdId}/release")
    ResponseEntity<Accepted> release(CurrentUser actor, @PathVariable UUID holdId,
                                     @RequestHeader(value = AccountController.IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        AccountRepository.HoldRecord hold = visibleHold(actor, holdId);
        AccountRequest draft = new AccountRequest.ReleaseHold(AccountRequest.newRequestId(), hold.accountId(),
                actor.userId(), holdId, hold.currency());
        return Accepted.of(commands.submit(actor, draft, idempotencyKey, AccountCommands.Access.OWNER));
    }

    /** The ledger's view of the hold; PENDING until the ledger has decided on placing it. */
    @Access("the account's owner, or account:read-any (anyone else gets 404)")
    @GetMapping("/v1/holds/{holdId}")
    HoldView status(CurrentUser actor, @PathVariable UUID holdId) {
        AccountRepository.HoldRecord hold = visibleHold(actor, holdId);
        return ledger.hold(hold.accountId(), holdId.toString()).orElseGet(() -> new HoldView(holdId.toString(),
                hold.accountId(), hold.amountMinor(), hold.currency(), "PENDING", 0, hold.expiresAt(),
                hold.requestId().toString(), null, null));
    }

    private AccountRepository.HoldRecord visibleHold(CurrentUser actor, UUID holdId) {
        AccountRepository.HoldRecord hold = accounts.findHold(holdId)
                .orElseThrow(() -> ApiProblem.notFound("hold " + holdId + " does not exist"));
        accounts.find(hold.accountId()).filter(account -> account.visibleTo(actor))
                .orElseThrow(() -> ApiProblem.notFound("hold " + holdId + " does not exist"));
        return hold;
    }
}
