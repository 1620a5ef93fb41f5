package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.security.Permissions;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.OpenAccount;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Writes each account request and its outbox event in ONE local transaction. The Avro payload is
 * serialized before the transaction opens, so a slow registry never holds a database connection.
 */
@Service
class AccountCommands {

    private final AccountRepository accounts;
    private final OutboxWriter outbox;
    private final AvroSerde<AccountCommand> commandSerde;
    private final TransactionRunner transactions;
    private final Clock clock;

    AccountCommands(AccountRepository accounts, OutboxWriter outbox, Topics topics, TransactionRunner transactions) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.commandSerde = topics.accountCommandSerde();
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
    }

    UUID open(CurrentUser actor, String accountId, String currency) {
        if (!actor.can(Permissions.ACCOUNT_OWN)) {
            throw ApiProblem.forbidden("opening an account needs " + Permissions.ACCOUNT_OWN);
        }
        AccountRequest request = new AccountRequest(UUID.randomUUID(), accountId, RequestKind.OPEN, null, currency,
                AccountRequest.fingerprint(RequestKind.OPEN, null, currency));
        byte[] payload = payload(request, OpenAccount.newBuilder().setCurrency(currency).build());
        return transactions.inTransaction("account-open", status -> {
            if (!accounts.insertAccount(accountId, currency, actor.userId())) {
                throw ApiProblem.conflict("account " + accountId + " already exists");
            }
            accounts.insertRequest(request, null);
            outbox.append(request.requestId(), Topics.ACCOUNT_AGGREGATE_TYPE, accountId, "OpenAccount", payload);
            return request.requestId();
        });
    }

    /** Records a recharge or consumption; a replayed idempotency key returns the first request's id. */
    UUID submit(CurrentUser actor, String accountId, RequestKind kind, long amountMinor, String currency,
                String idempotencyKey) {
        AccountRequest request = new AccountRequest(UUID.randomUUID(), accountId, kind, amountMinor, currency,
                AccountRequest.fingerprint(kind, amountMinor, currency));
        Object body = switch (kind) {
            case RECHARGE -> Recharge.newBuilder().setAmountMinor(amountMinor).setCurrency(currency).build();
            case CONSUME -> Consume.newBuilder().setAmountMinor(amountMinor).setCurrency(currency).build();
            case OPEN -> throw new IllegalArgumentException("OPEN is not a money movement");
        };
        byte[] payload = payload(request, body);
        return transactions.inTransaction("account-" + kind.name().toLowerCase(java.util.Locale.ROOT), status -> {
            String accountCurrency = accounts.find(accountId)
                    .orElseThrow(() -> Account.notFound(accountId))
                    .requireOwnedBy(actor)
                    .currency();
            if (!accountCurrency.equals(currency)) {
                throw ApiProblem.invalid("account " + accountId + " is in " + accountCurrency + ", not " + currency);
            }
            if (!accounts.insertRequest(request, idempotencyKey)) {
                return replayOf(request, idempotencyKey);
            }
            outbox.append(request.requestId(), Topics.ACCOUNT_AGGREGATE_TYPE, accountId, body.getClass().getSimpleName(),
                    payload);
            return request.requestId();
        });
    }

    private UUID replayOf(AccountRequest request, String idempotencyKey) {
        AccountRequest first = accounts.requestByKey(request.accountId(), idempotencyKey)
                .orElseThrow(() -> new IllegalStateException("idempotency key " + idempotencyKey + " conflicted but is gone"));
        if (!first.fingerprint().equals(request.fingerprint())) {
            throw ApiProblem.conflict("Idempotency-Key " + idempotencyKey + " was used for a different request ("
                    + first.kind() + " of " + first.amountMinor() + " " + first.currency() + ")");
        }
        return first.requestId();
    }

    private byte[] payload(AccountRequest request, Object body) {
        AccountCommand command = AccountCommand.newBuilder()
                .setRequestId(request.requestId().toString())
                .setAccountId(request.accountId())
                .setOccurredAt(clock.instant())
                .setCommand(body)
                .build();
        return commandSerde.serialize(Topics.ACCOUNT_COMMANDS, command);
    }
}
