package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.ledger.LedgerQueryClient;
import io.cloudphone.ledger.api.ledger.LedgerUnavailableException;
import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxEvent;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
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
    /**
     * A recorded request: its id, its hold's for a new hold, and what the client is told of its decision: PENDING
     * for a first answer; for a replay, the ledger's decision if it has made one.
     */
    record Submitted(UUID requestId, UUID holdId, boolean replayed, String status) {

        static final String PENDING = "PENDING";

        static Submitted of(AccountRequest request) {
            return new Submitted(request.requestId(), holdIdOf(request), false, PENDING);
        }

        static Submitted replayOf(AccountRequest request) {
            return new Submitted(request.requestId(), holdIdOf(request), true, PENDING);
        }

        static Submitted opening(UUID requestId, boolean replayed) {
            return new Submitted(requestId, null, replayed, PENDING);
        }

        Submitted withStatus(String decided) {
            return new Submitted(requestId, holdId, replayed, decided);
        }

        private static UUID holdIdOf(AccountRequest request) {
            return request instanceof AccountRequest.OnHold onHold ? onHold.holdId() : null;
        }
    }

    private final AccountRepository accounts;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final TransactionRunner transactions;
    private final GroupCommit groupCommit;
    private final LedgerQueryClient ledger;
    private final Clock clock;

    AccountCommands(AccountRepository accounts, OutboxWriter outbox, OutboxDestinations destinations, TransactionRunner transactions,
                    GroupCommit groupCommit, LedgerQueryClient ledger) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.outbox = outbox;
        this.destinations = destinations;
        this.transactions = transactions;
        this.groupCommit = groupCommit;
        this.clock = Clock.systemUTC();
    }

    Submitted open(CurrentUser actor, String accountId, String currency) {
        if (!actor.can(Permissions.ACCOUNT_OWN)) {
            throw ApiProblem.forbidden("opening an account needs " + Permissions.ACCOUNT_OWN);
        }
        AccountRequest request = new AccountRequest.Open(AccountRequest.newRequestId(), accountId, actor.userId(), currency);
        byte[] payload = payload(request, AccountCommandBodies.of(request));
        return transactions.inTransaction("account-open", status -> {
            if (!accounts.insertAccount(accountId, currency, actor.userId())) {
                return replayedOpen(actor, accountId, currency);
            }
            accounts.insertRequest(request, null);
            outbox.append(new OutboxEvent(request.requestId(), destinations.account(), accountId, "OpenAccount", payload));
            return Submitted.opening(request.requestId(), false);
        });
    }

    /**
     * The account id is the open command's idempotency key: the owner opening it again in its currency gets the
     * first request's answer. Anyone else, or another currency, gets one answer whatever the reason, so that it
     * says nothing of whose the account is or what it holds (ids are one namespace, like usernames).
     */
    private Submitted replayedOpen(CurrentUser actor, String accountId, String currency) {
        return accounts.find(accountId)
                .filter(account -> account.ownedBy(actor) && account.currency().equals(currency))
                .flatMap(account -> accounts.openRequestOf(accountId))
                .map(requestId -> Submitted.opening(requestId, true))
                .orElseThrow(() -> new ApiProblem(CommandApiProblem.ACCOUNT_ID_UNAVAILABLE,
                        "account id " + accountId + " is not available"));
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
        Submitted submitted = groupCommit.write(draft, idempotencyKey, AccountCommandBodies.eventType(body),
                payload(draft, body));
        return submitted.replayed() ? decided(draft.accountId(), submitted) : submitted;
    }

    /**
     * A replay tells what became of the first request (ACCEPTED or REJECTED) once the ledger has decided it; until
     * then, or while the ledger cannot be asked, PENDING, which is never wrong: its statusUrl has the rest.
     */
    private Submitted decided(String accountId, Submitted replay) {
        try {
            return ledger.decision(accountId, replay.requestId().toString())
                    .map(decision -> replay.withStatus(decision.outcome())).orElse(replay);
        } catch (LedgerUnavailableException | LedgerQueryClient.LedgerRefusedException unanswered) {
            return replay;
        }
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
