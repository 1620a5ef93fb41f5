package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxEvent;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Writes each account request and its outbox event in ONE local transaction (shared with the requests that
 * arrived meanwhile: {@link GroupCommit}); the ledger decides later, in order per account. The Avro payload is
 * serialized before the transaction opens, so a slow registry never holds a database connection. Nothing here
 * reads or locks a balance: intake is append-only.
 */
@Service
class AccountCommands {

    /** Who may submit a request on an account. */
    enum Access {
        /** Only the owner moves money on an account. */
        OWNER,
        /** Operators' corrections and limits ({@code ledger:adjust}), on any account they can see. */
        LEDGER_ADJUST
    }

    /** The request's id, and the hold's id when it is about a hold. */
    record Submitted(UUID requestId, UUID holdId) {

        static Submitted of(AccountRequest request) {
            return new Submitted(request.requestId(),
                    request instanceof AccountRequest.OnHold onHold ? onHold.holdId() : null);
        }
    }

    private final AccountRepository accounts;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final TransactionRunner transactions;
    private final GroupCommit groupCommit;
    private final Clock clock;

    AccountCommands(AccountRepository accounts, OutboxWriter outbox, OutboxDestinations destinations, TransactionRunner transactions,
                    GroupCommit groupCommit) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.destinations = destinations;
        this.transactions = transactions;
        this.groupCommit = groupCommit;
        this.clock = Clock.systemUTC();
    }

    UUID open(CurrentUser actor, String accountId, String currency) {
        if (!actor.can(Permissions.ACCOUNT_OWN)) {
            throw ApiProblem.forbidden("opening an account needs " + Permissions.ACCOUNT_OWN);
        }
        AccountRequest request = new AccountRequest.Open(AccountRequest.newRequestId(), accountId, actor.userId(), currency);
        byte[] payload = payload(request, AccountCommandBodies.of(request));
        return transactions.inTransaction("account-open", status -> {
            if (!accounts.insertAccount(accountId, currency, actor.userId())) {
                throw ApiProblem.conflict("account " + accountId + " already exists");
            }
            accounts.insertRequest(request, null);
            outbox.append(new OutboxEvent(request.requestId(), destinations.account(), accountId, "OpenAccount", payload));
            return request.requestId();
        });
    }

    /**
     * Records a request through group commit; a replayed idempotency key returns the first request (409 if it
     * asked for something else). The checks run before: an account's currency and owner never change, and
     * a transfer's destination is only ever added, so they cannot be invalidated by the time the batch commits.
     */
    Submitted submit(CurrentUser actor, AccountRequest draft, String idempotencyKey, Access access) {
        Account account = accounts.find(draft.accountId()).orElseThrow(() -> Account.notFound(draft.accountId()));
        authorize(actor, account, access);
        if (!account.currency().equals(draft.currency())) {
            throw ApiProblem.invalid("account " + account.accountId() + " is in " + account.currency() + ", not "
                    + draft.currency());
        }
        if (draft instanceof AccountRequest.Transfer transfer) {
            requireDestination(actor, transfer);
        }
        Object body = AccountCommandBodies.of(draft);
        return groupCommit.write(draft, idempotencyKey, AccountCommandBodies.eventType(body), payload(draft, body));
    }

    private static void authorize(CurrentUser actor, Account account, Access access) {
        switch (access) {
            case OWNER -> account.requireOwnedBy(actor);
            case LEDGER_ADJUST -> {
                account.requireVisibleTo(actor);
                if (!actor.can(Permissions.LEDGER_ADJUST)) {
                    throw ApiProblem.forbidden("this needs " + Permissions.LEDGER_ADJUST + " (an operator)");
                }
            }
        }
    }

    /**
     * The destination must exist and keep the same currency; whose it is does not matter. On an account the caller
     * cannot see, both failures get one answer: which one it was would say whether the account exists and its currency.
     */
    private void requireDestination(CurrentUser actor, AccountRequest.Transfer transfer) {
        Optional<Account> destination = accounts.find(transfer.toAccountId());
        boolean takesIt = destination.map(account -> account.currency().equals(transfer.currency())).orElse(false);
        if (takesIt) {
            return;
        }
        if (destination.isPresent() && destination.get().visibleTo(actor)) {
            throw ApiProblem.invalid("destination account " + transfer.toAccountId() + " is in "
                    + destination.get().currency() + ", not " + transfer.currency());
        }
        throw ApiProblem.invalid("cannot transfer " + transfer.currency() + " to account " + transfer.toAccountId()
                + ": it does not exist or does not hold " + transfer.currency());
    }

    private byte[] payload(AccountRequest request, Object body) {
        AccountCommand command = AccountCommand.newBuilder()
                .setRequestId(request.requestId().toString())
                .setAccountId(request.accountId())
                .setOccurredAt(clock.instant())
                .setCommand(body)
                .build();
        return destinations.account().payload(command);
    }
}
