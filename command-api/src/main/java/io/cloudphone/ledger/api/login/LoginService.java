package io.cloudphone.ledger.api.login;

import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.api.user.PendingUserEvent;
import io.cloudphone.ledger.api.user.UserEventStore;
import io.cloudphone.ledger.api.user.UserRepository;
import io.cloudphone.ledger.platform.security.TokenIssuer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Log-in with lockout. The password is checked before any transaction (BCrypt is slow on purpose); then
 * one transaction records the outcome: a success resets the count, a failure adds one in a single
 * statement and, when it sets a lock, appends UserLocked to the user's events and the outbox in the same
 * transaction. A locked account is refused even with the right password, and every failure gets the same answer;
 * failures while locked count nothing (LoginAttempts).
 */
@Service
class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final LoginAttempts attempts;
    private final UserRepository users;
    private final UserEventStore events;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final TransactionRunner transactions;
    private final LockoutProperties lockout;
    private final LoginThrottle throttle;
    private final Clock clock = Clock.systemUTC();
    /** Checked against when the username is unknown, so that both cases take the same time. */
    private final String decoyHash;

    LoginService(LoginAttempts attempts, UserRepository users, UserEventStore events, PasswordEncoder passwords,
                 TokenIssuer tokens, TransactionRunner transactions, LockoutProperties lockout, LoginThrottle throttle) {
        this.attempts = attempts;
        this.users = users;
        this.events = events;
        this.passwords = passwords;
        this.tokens = tokens;
        this.transactions = transactions;
        this.lockout = lockout;
        this.throttle = throttle;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    record LoggedIn(UUID userId, TokenIssuer.IssuedToken token) {
    }

    /** @param client the caller's address, for the per-client throttle */
    LoggedIn login(String username, String password, String client) {
        throttle.requireAllowed(client, username);
        Optional<LoginAttempts.Candidate> found = attempts.candidate(username);
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            throw failed(client, username);
        }
        LoginAttempts.Candidate candidate = found.get();
        boolean passwordMatches = passwords.matches(password, candidate.passwordHash());
        if (!passwordMatches) {
            recordFailure(candidate.userId());
            throw failed(client, username);
        }
        if (candidate.lockedAt(clock.instant()) || !transactions.retrying("login-success",
                () -> attempts.recordSuccess(candidate.userId()))) {
            // The right password, but locked: answered like any failure, or the answer would confirm the password.
            throw failed(client, username);
        }
        throttle.succeeded(client, username);
        List<String> roles = users.rolesOf(candidate.userId());
        TokenIssuer.IssuedToken token = tokens.forUser(candidate.userId(), username, candidate.securityVersion(), roles,
                users.permissionsOf(candidate.userId()));
        return new LoggedIn(candidate.userId(), token);
    }

    /** Counts the failure (nothing while locked) and appends UserLocked when it sets a lock. */
    private void recordFailure(UUID userId) {
        transactions.inTransaction("login-failure", status -> {
            LoginAttempts.Failure failure = attempts.countFailure(userId, lockout).orElse(null);
            if (failure == null) {
                return null; // locked, or deleted meanwhile: nothing to count
            }
            if (failure.lockedNow()) {
                // The UPDATE above holds the row lock, so no other writer of this user is in between.
                events.append(userId, failure.version(),
                        List.of(PendingUserEvent.locked(failure.lockedUntil(), failure.failedCount())));
                log.warn("user {} locked until {} after {} consecutive failed log-ins", userId, failure.lockedUntil(),
                        failure.failedCount());
            }
            return null;
        });
    }

    /** Counts the failure against the client and gives the one answer every failure gets. */
    private ApiProblem failed(String client, String username) {
        throttle.failed(client, username);
        return refused();
    }

    /**
     * The one answer to every failed log-in: unknown username, wrong password, or a locked account (with any
     * password). Telling them apart would tell an attacker which usernames exist and when a guess was right.
     */
    private static ApiProblem refused() {
        return new ApiProblem(CommandApiProblem.LOGIN_FAILED,
                "unknown username or wrong password, or locked after too many failed log-ins: try again later");
    }
}
