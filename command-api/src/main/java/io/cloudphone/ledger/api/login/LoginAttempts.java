package io.cloudphone.ledger.api.login;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log-in counters of a user, each changed by ONE statement: concurrent attempts serialise on the row
 * inside PostgreSQL and none is lost (the replaced platform read the count, added one and saved, up to three times per
 * request).
 */
@Repository
class LoginAttempts {

    /** Caps 2^(k-1): more doublings than this exceed any sane maximum anyway, and power() would overflow. */
    static final int LOCK_DOUBLINGS_MAX = 30;

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the log-in form needs of a live, unsuspended user. {@code securityVersion} is read here, before the
     * roles: a change in between raises it, so the token then issued is refused at its first use.
     */
    record Candidate(UUID userId, String passwordHash, Instant lockedUntil, long securityVersion) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The result of counting one failure. {@code lockedNow}: this very failure set the lock. */
    record Failure(long failedCount, Instant lockedUntil, boolean lockedNow, long version) {
    }

    Optional<Candidate> candidate(String username) {
        return jdbc.sql("""
                        SELECT user_id, password_hash, locked_until, security_version FROM app_user
                        WHERE lower(username) = lower(:username) AND deleted_at IS NULL AND suspended_at IS NULL""")
                .param("username", username)
                .query((row, n) -> new Candidate(row.getObject("user_id", UUID.class), row.getString("password_hash"),
                        instant(row.getTimestamp("locked_until")), row.getLong("security_version")))
                .optional();
    }

    /**
     * Counts one failed attempt and, on every {@code failuresPerLock}-th, sets a lock that doubles each time, up to
     * the maximum. A failure while the account is locked counts nothing and extends nothing: otherwise anyone could
     * keep an account locked for as long as they kept guessing.
     *
     * @return empty when nothing was counted: the user is locked or was deleted meanwhile
     */
    Optional<Failure> countFailure(UUID userId, LockoutProperties lockout) {
        return jdbc.sql("""
                        UPDATE app_user SET
                            failed_login_count = failed_login_count + 1,
                            locked_until = CASE WHEN (failed_login_count + 1) % :perLock = 0
                                THEN now() + make_interval(secs => LEAST(
                                    :firstSeconds * power(2, LEAST((failed_login_count + 1) / :perLock - 1, :doublingsMax)),
                                    :maxSeconds))
                                ELSE locked_until END
                        WHERE user_id = :id AND deleted_at IS NULL AND (locked_until IS NULL OR locked_until <= now())
                        RETURNING failed_login_count, locked_until, failed_login_count % :perLock = 0 AS locked_now,
                                  version""")
                .param("id", userId)
                .param("perLock", lockout.failuresPerLock())
                .param("firstSeconds", (double) lockout.lockDurationFirst().toSeconds())
                .param("maxSeconds", (double) lockout.lockDurationMax().toSeconds())
                .param("doublingsMax", LOCK_DOUBLINGS_MAX)
                .query((row, n) -> new Failure(row.getLong("failed_login_count"),
                        instant(row.getTimestamp("locked_until")), row.getBoolean("locked_now"), row.getLong("version")))
                .optional();
    }

    /** Resets the count, unless a lock was set meanwhile (by a concurrent failure): then nothing changes. */
    boolean recordSuccess(UUID userId) {
        return jdbc.sql("""
                        UPDATE app_user SET failed_login_count = 0, last_login_at = now()
                        WHERE user_id = :id AND deleted_at IS NULL AND (locked_until IS NULL OR locked_until <= now())""")
                .param("id", userId).update() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
