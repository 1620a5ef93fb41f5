package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The collections of the account API, read from PostgreSQL a page at a time by keyset (never OFFSET, so a page
 * costs the same however deep it is): a user's accounts by id, an account's holds and requests newest first.
 */
@Repository
class AccountCollections {

    /** Keys: the account id. */
    static final int ACCOUNT_KEY_PARTS = 1;
    /** Keys: when it was written, then its id (a group-commit batch writes many at one time). */
    static final int NEWEST_FIRST_KEY_PARTS = 2;

    record AccountSummary(String accountId, String currency, Instant openedAt, URI balanceUrl) {
    }

    record HoldSummary(UUID holdId, String accountId, long amount, String currency, Instant expiresAt,
                       Instant placedAt, URI holdUrl) {
    }

    record RequestSummary(UUID requestId, String accountId, String kind, Long amount, String currency, UUID holdId,
                          String toAccountId, Instant createdAt, URI statusUrl) {
    }

    private final JdbcClient jdbc;

    AccountCollections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<AccountSummary> accountsOwnedBy(UUID ownerId, PageRequest page) {
        String after = page.after(0, String::valueOf).orElse("");
        List<AccountSummary> rows = jdbc.sql("""
                        SELECT account_id, currency, created_at FROM account
                        WHERE owner_id = :owner AND account_id COLLATE "C" > :after
                        ORDER BY account_id COLLATE "C" LIMIT :rows""")
                .param("owner", ownerId).param("after", after).param("rows", page.rowsToRead())
                .query((row, n) -> new AccountSummary(row.getString("account_id"), row.getString("currency"),
                        row.getTimestamp("created_at").toInstant(),
                        URI.create("/v1/accounts/" + row.getString("account_id") + "/balance")))
                .list();
        return Page.of(rows, page, account -> List.of(account.accountId()));
    }

    Page<HoldSummary> holdsOf(String accountId, PageRequest page) {
        List<HoldSummary> rows = jdbc.sql("""
                        SELECT hold_id, account_id, amount_minor, currency, expires_at, created_at FROM hold
                        WHERE account_id = :accountId AND (created_at, hold_id) < (:beforeAt, :beforeId)
                        ORDER BY created_at DESC, hold_id DESC LIMIT :rows""")
                .param("accountId", accountId).param("rows", page.rowsToRead())
                .param("beforeAt", beforeAt(page)).param("beforeId", beforeId(page))
                .query((row, n) -> {
                    UUID holdId = row.getObject("hold_id", UUID.class);
                    Timestamp expiresAt = row.getTimestamp("expires_at");
                    return new HoldSummary(holdId, row.getString("account_id"), row.getLong("amount_minor"),
                            row.getString("currency"), expiresAt == null ? null : expiresAt.toInstant(),
                            row.getTimestamp("created_at").toInstant(), URI.create("/v1/holds/" + holdId));
                })
                .list();
        return Page.of(rows, page, hold -> List.of(hold.placedAt().toString(), hold.holdId().toString()));
    }

    Page<RequestSummary> requestsOf(String accountId, PageRequest page) {
        List<RequestSummary> rows = jdbc.sql("""
                        SELECT request_id, account_id, kind, amount_minor, currency, hold_id, to_account_id, created_at
                        FROM account_request
                        WHERE account_id = :accountId AND (created_at, request_id) < (:beforeAt, :beforeId)
                        ORDER BY created_at DESC, request_id DESC LIMIT :rows""")
                .param("accountId", accountId).param("rows", page.rowsToRead())
                .param("beforeAt", beforeAt(page)).param("beforeId", beforeId(page))
                .query((row, n) -> {
                    UUID requestId = row.getObject("request_id", UUID.class);
                    long amount = row.getLong("amount_minor");
                    Long amountMinor = row.wasNull() ? null : amount;
                    return new RequestSummary(requestId, row.getString("account_id"), row.getString("kind"),
                            amountMinor, row.getString("currency"), row.getObject("hold_id", UUID.class),
                            row.getString("to_account_id"), row.getTimestamp("created_at").toInstant(),
                            URI.create("/v1/requests/" + requestId));
                })
                .list();
        return Page.of(rows, page, request -> List.of(request.createdAt().toString(), request.requestId().toString()));
    }

    /** From the newest when no cursor: a time after any row's and the greatest id. */
    private static Timestamp beforeAt(PageRequest page) {
        return Timestamp.from(page.after(0, Instant::parse).orElse(Instant.parse("9999-12-31T00:00:00Z")));
    }

    private static UUID beforeId(PageRequest page) {
        return page.after(1, UUID::fromString).orElse(new UUID(-1L, -1L));
    }
}
