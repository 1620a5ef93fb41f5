package io.cloudphone.ledger.api.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for accounts and their requests. Every write runs inside the caller's transaction. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the account already exists (no row lock taken, no error raised) */
    boolean insertAccount(String accountId, String currency, UUID ownerId) {
        return jdbc.sql("""
                        INSERT INTO account (account_id, currency, owner_id) VALUES (:id, :currency, :owner)
                        ON CONFLICT DO NOTHING""")
                .param("id", accountId).param("currency", currency).param("owner", ownerId)
                .update() == 1;
    }

    Optional<Account> find(String accountId) {
        return jdbc.sql("SELECT account_id, currency, owner_id FROM account WHERE account_id = :id")
                .param("id", accountId)
                .query((row, n) -> new Account(row.getString("account_id"), row.getString("currency"),
                        row.getObject("owner_id", UUID.class)))
                .optional();
    }

    /**
     * Inserts the request unless one with the same idempotency key exists for the account.
     *
     * @return false when the key was taken; concurrent twins wait on the unique index, so exactly one wins
     */
    boolean insertRequest(AccountRequest request, String idempotencyKey) {
        return jdbc.sql("""
                        INSERT INTO account_request
                            (request_id, account_id, kind, amount_minor, currency, idempotency_key, request_fingerprint)
                        VALUES (:requestId, :accountId, :kind, :amount, :currency, :key, :fingerprint)
                        ON CONFLICT (account_id, idempotency_key) DO NOTHING""")
                .param("requestId", request.requestId())
                .param("accountId", request.accountId())
                .param("kind", request.kind().name())
                .param("amount", request.amountMinor())
                .param("currency", request.currency())
                .param("key", idempotencyKey)
                .param("fingerprint", request.fingerprint())
                .update() == 1;
    }

    Optional<AccountRequest> requestByKey(String accountId, String idempotencyKey) {
        return jdbc.sql(SELECT_REQUEST + " WHERE account_id = :accountId AND idempotency_key = :key")
                .param("accountId", accountId).param("key", idempotencyKey)
                .query(AccountRepository::toRequest).optional();
    }

    Optional<AccountRequest> requestById(UUID requestId) {
        return jdbc.sql(SELECT_REQUEST + " WHERE request_id = :requestId")
                .param("requestId", requestId)
                .query(AccountRepository::toRequest).optional();
    }

    private static final String SELECT_REQUEST = """
            SELECT request_id, account_id, kind, amount_minor, currency, request_fingerprint
            FROM account_request""";

    private static AccountRequest toRequest(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        long amount = row.getLong("amount_minor");
        return new AccountRequest(row.getObject("request_id", UUID.class), row.getString("account_id"),
                RequestKind.valueOf(row.getString("kind")), row.wasNull() ? null : amount,
                row.getString("currency"), row.getString("request_fingerprint"));
    }
}
