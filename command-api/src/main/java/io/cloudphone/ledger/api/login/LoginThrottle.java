package io.cloudphone.ledger.api.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed log-ins per client, before any password is checked: a client that failed {@link #failuresPerUsername} times
 * on one username, or {@link #failuresPerClient} times in all, gets 429 until {@link #quiet} passes without another
 * failure from it. Per username the limit is one below the lockout's threshold, so one client alone can never lock an
 * account: locking anyone out takes several clients. Unknown usernames count like known ones (nothing to learn).
 *
 * <p>By hand on Caffeine (already here for the token cache): a counter per key that expires {@code quiet} after its
 * last write is all this needs, and the rate-limiter libraries on offer model steady rates, not failure budgets. The
 * counters are per instance of command-api: N instances allow N times as many.
 */
final class LoginThrottle {

    /** Bounds memory whatever a flood of clients and usernames does: the oldest counters go first. */
    static final int KEYS_MAX = 100_000;

    private final int failuresPerUsername;
    private final int failuresPerClient;
    private final Duration quiet;
    private final Cache<String, AtomicInteger> failures;

    LoginThrottle(int failuresPerUsername, int failuresPerClient, Duration quiet, Ticker ticker) {
        if (failuresPerUsername < 1 || failuresPerClient < failuresPerUsername || quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("login throttle: 1 <= failures per username <= failures per client, "
                    + "quiet > 0; was " + failuresPerUsername + ", " + failuresPerClient + ", " + quiet);
        }
        this.failuresPerUsername = failuresPerUsername;
        this.failuresPerClient = failuresPerClient;
        this.quiet = quiet;
        this.failures = Caffeine.newBuilder().maximumSize(KEYS_MAX).expireAfterWrite(quiet).ticker(ticker).build();
    }

    /** @throws ApiProblem 429 with Retry-After when this client has used up its failures */
    void requireAllowed(String client, String username) {
        if (count(usernameKey(client, username)) >= failuresPerUsername || count(clientKey(client)) >= failuresPerClient) {
            throw ApiProblem.retryAfter(CommandApiProblem.LOGIN_THROTTLED,
                    "too many failed log-ins from this client; try again later", quiet);
        }
    }

    void failed(String client, String username) {
        increment(usernameKey(client, username));
        increment(clientKey(client));
    }

    /** The right password from this client: its failures on this username are forgiven (not those on others). */
    void succeeded(String client, String username) {
        failures.invalidate(usernameKey(client, username));
    }

    private int count(String key) {
        AtomicInteger count = failures.getIfPresent(key);
        return count == null ? 0 : count.get();
    }

    private void increment(String key) {
        // compute() is a write: the counter lives until `quiet` after this failure.
        failures.asMap().compute(key, (k, count) -> {
            AtomicInteger next = count == null ? new AtomicInteger() : count;
            next.incrementAndGet();
            return next;
        });
    }

    private static String usernameKey(String client, String username) {
        return client + "\u0000" + username.toLowerCase(java.util.Locale.ROOT);
    }

    private static String clientKey(String client) {
        return client;
    }
}
