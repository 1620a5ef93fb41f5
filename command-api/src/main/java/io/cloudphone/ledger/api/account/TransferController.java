package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.openapi.Access;
import java.math.BigDecimal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfers between two accounts, which may live on different ledger partitions. The request is keyed by
 * the source: the ledger debits it into "transfers in flight" and, in the same exactly-once transaction,
 * sends the credit to the destination's partition; a destination that refuses sends the money back. No
 * money is created or lost in between, whatever crashes.
 */
@RestController
class TransferController {

    private final AccountCommands commands;

    TransferController(AccountCommands commands) {
        this.commands = commands;
    }

    record TransferBody(String fromAccountId, String toAccountId, BigDecimal amount, String currency) {
    }

    @Access("the source account's owner with account:own")
    @PostMapping("/v1/transfers")
    ResponseEntity<Accepted> transfer(CurrentUser actor, @RequestBody TransferBody body,
                                      @RequestHeader(value = AccountController.IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        String from = CommandInput.accountId(body.fromAccountId());
        String to = CommandInput.accountId(body.toAccountId());
        if (from.equals(to)) {
            throw ApiProblem.invalid("a transfer needs two different accounts");
        }
        AccountRequest draft = new AccountRequest.Transfer(AccountRequest.newRequestId(), from, actor.userId(), to,
                CommandInput.amountMinor(body.amount()), CommandInput.currency(body.currency()));
        return Accepted.of(commands.submit(actor, draft, idempotencyKey, AccountCommands.Access.OWNER));
    }
}
