package io.cloudphone.ledger.api.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for accounts, their requests and the holds placed on them. Every write runs inside the caller's transaction. */
@Repository
class AccountRepository {

    /** Bound on cached accounts (a few hundred bytes each). */
    static final int CACHED_ACCOUNTS_MAX = 100_000;

    private final JdbcClient jdbc;
    /**
     * An account's id, currency and owner never change once it is opened, so every command need not read them
     * again; a missing account is never cached (it may be opened the next moment).
     */
    private final Cache<String, Account> opened = Caffeine.newBuilder().maximumSize(CACHED_ACCOUNTS_MAX).build();

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A hold as command-api knows it: enough to route its capture or release to its account. */
    record HoldRecord(UUID holdId, String accountId, UUID requestId, long amountMinor, String currency, Instant expiresAt) {
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
        Account cached = opened.getIfPresent(accountId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Account> found = jdbc.sql("""
                        SELECT account_id, currency, owner_id, created_at FROM account WHERE account_id = :id""")
                .param("id", accountId)
                .query((row, n) -> new Account(row.getString("account_id"), row.getString("currency"),
                        row.getObject("owner_id", UUID.class), row.getTimestamp("created_at").toInstant()))
                .optional();
        found.ifPresent(account -> opened.put(accountId, account));
        return found;
    }

    /**
     * Inserts the request unless one with the same idempotency key exists for the account.
     *
     * @return false when the key was taken; concurrent twins wait on the unique index, so exactly one wins
     */
    boolean insertRequest(AccountRequest request, String idempotencyKey) {
        AccountRequestRow row = AccountRequestRow.of(request);
        return jdbc.sql("""
                        INSERT INTO account_request
                            (request_id, account_id, kind, amount_minor, currency, idempotency_key, request_fingerprint,
                             hold_id, to_account_id, reason, expires_at, actor_id)
                        VALUES (:requestId, :accountId, :kind, :amount, :currency, :key, :fingerprint,
                                :holdId, :toAccountId, :reason, :expiresAt, :actorId)
                        ON CONFLICT (account_id, idempotency_key) DO NOTHING""")
                .param("requestId", request.requestId())
                .param("accountId", request.accountId())
                .param("kind", row.kind().name())
                .param("amount", row.amountMinor())
                .param("currency", row.currency())
                .param("key", idempotencyKey)
                .param("fingerprint", row.fingerprint())
                .param("holdId", row.holdId())
                .param("toAccountId", row.toAccountId())
                .param("reason", row.reason())
                .param("expiresAt", timestamp(row.expiresAt()))
                .param("actorId", request.actorId())
                .update() == 1;
    }

    /** A request and the Idempotency-Key it came with. */
    record Keyed(AccountRequest request, String idempotencyKey) {
    }

    /**
     * Inserts many requests in one statement; those whose (account, key) is taken are left out, exactly as
     * {@link #insertRequest} does for one (including a key that occurs twice in the same batch).
     *
     * @return the ids of the requests inserted
     */
    Set<UUID> insertRequests(List<Keyed> batch) {
        int size = batch.size();
        // Text arrays cast in SQL: the driver binds String[] and Long[] as arrays natively.
        String[] ids = new String[size];
        String[] accounts = new String[size];
        String[] kinds = new String[size];
        Long[] amounts = new Long[size];
        String[] currencies = new String[size];
        String[] keys = new String[size];
        String[] fingerprints = new String[size];
        String[] holds = new String[size];
        String[] destinations = new String[size];
        String[] reasons = new String[size];
        String[] expiries = new String[size];
        String[] actors = new String[size];
        for (int i = 0; i < size; i++) {
            AccountRequest request = batch.get(i).request();
            AccountRequestRow row = AccountRequestRow.of(request);
            ids[i] = request.requestId().toString();
            accounts[i] = request.accountId();
            kinds[i] = row.kind().name();
            amounts[i] = row.amountMinor();
            currencies[i] = row.currency();
            keys[i] = batch.get(i).idempotencyKey();
            fingerprints[i] = row.fingerprint();
            holds[i] = row.holdId() == null ? null : row.holdId().toString();
            destinations[i] = row.toAccountId();
            reasons[i] = row.reason();
            expiries[i] = row.expiresAt() == null ? null : row.expiresAt().toString();
            actors[i] = request.actorId() == null ? null : request.actorId().toString();
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO account_request
                            (request_id, account_id, kind, amount_minor, currency, idempotency_key, request_fingerprint,
                             hold_id, to_account_id, reason, expires_at, actor_id)
                        SELECT * FROM unnest(:ids::uuid[], :accounts::text[], :kinds::text[], :amounts::bigint[],
                                             :currencies::text[], :keys::text[], :fingerprints::text[], :holds::uuid[],
                                             :destinations::text[], :reasons::text[], :expiries::timestamptz[],
                                             :actors::uuid[])
                        ON CONFLICT (account_id, idempotency_key) DO NOTHING
                        RETURNING request_id""")
                .param("ids", ids).param("accounts", accounts).param("kinds", kinds).param("amounts", amounts)
                .param("currencies", currencies).param("keys", keys).param("fingerprints", fingerprints)
                .param("holds", holds).param("destinations", destinations).param("reasons", reasons)
                .param("expiries", expiries).param("actors", actors)
                .query(UUID.class).list());
    }

    void insertHold(AccountRequest.PlaceHold placing) {
        jdbc.sql("""
                        INSERT INTO hold (hold_id, account_id, request_id, amount_minor, currency, expires_at)
                        VALUES (:holdId, :accountId, :requestId, :amount, :currency, :expiresAt)""")
                .param("holdId", placing.holdId()).param("accountId", placing.accountId())
                .param("requestId", placing.requestId()).param("amount", placing.amountMinor())
                .param("currency", placing.currency()).param("expiresAt", timestamp(placing.expiresAt().orElse(null)))
                .update();
    }

    Optional<HoldRecord> findHold(UUID holdId) {
        return jdbc.sql("""
                        SELECT hold_id, account_id, request_id, amount_minor, currency, expires_at FROM hold
                        WHERE hold_id = :holdId""")
                .param("holdId", holdId)
                .query((row, n) -> new HoldRecord(row.getObject("hold_id", UUID.class), row.getString("account_id"),
                        row.getObject("request_id", UUID.class), row.getLong("amount_minor"), row.getString("currency"),
                        instant(row.getTimestamp("expires_at"))))
                .optional();
    }

    /** The stored request and its fingerprint, for answering a replayed Idempotency-Key. */
    record StoredRequest(AccountRequest request, String fingerprint) {
    }

    Optional<StoredRequest> requestByKey(String accountId, String idempotencyKey) {
        return jdbc.sql(SELECT_REQUEST + " WHERE account_id = :accountId AND idempotency_key = :key")
                .param("accountId", accountId).param("key", idempotencyKey)
                .query(AccountRepository::toStoredRequest).optional();
    }

    /** The request that opened the account: every account has exactly one (written in its opening transaction). */
    Optional<UUID> openRequestOf(String accountId) {
        return jdbc.sql("SELECT request_id FROM account_request WHERE account_id = :accountId AND kind = 'OPEN'")
                .param("accountId", accountId)
                .query(UUID.class).optional();
    }

    Optional<AccountRequest> requestById(UUID requestId) {
        return jdbc.sql(SELECT_REQUEST + " WHERE request_id = :requestId")
                .param("requestId", requestId)
                .query(AccountRepository::toStoredRequest).optional().map(StoredRequest::request);
    }

    private static final String SELECT_REQUEST = """
            SELECT request_id, account_id, kind, amount_minor, currency, request_fingerprint, hold_id, to_account_id,
                   reason, expires_at, actor_id
            FROM account_request""";

    private static StoredRequest toStoredRequest(ResultSet row, int rowNumber) throws SQLException {
        long amount = row.getLong("amount_minor");
        Long amountMinor = row.wasNull() ? null : amount;
        AccountRequest request = new AccountRequestRow(RequestKind.valueOf(row.getString("kind")), amountMinor,
                row.getString("currency"), row.getObject("hold_id", UUID.class), row.getString("to_account_id"),
                row.getString("reason"), instant(row.getTimestamp("expires_at")))
                .toRequest(row.getObject("request_id", UUID.class), row.getString("account_id"),
                        row.getObject("actor_id", UUID.class));
        return new StoredRequest(request, row.getString("request_fingerprint"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
