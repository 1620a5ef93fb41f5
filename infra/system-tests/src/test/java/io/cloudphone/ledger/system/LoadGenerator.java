package io.cloudphone.ledger.system;

import io.cloudphone.ledger.system.ApiClient.Response;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a few clients sending a mix of money movements on a set of accounts (recharges, consumptions,
 * transfers between them, holds) until stopped, and remembers the id of every request the API accepted for
 * processing (202).
 */
public final class LoadGenerator implements AutoCloseable {

    private static final long STOP_TIMEOUT_SECONDS = 60;
    /**
     * Each client sends at most one request per this interval. Unpaced, the clients outrun a ledger that is
     * restarting, and the backlog (tens of thousands of requests) only makes the test slower, not stronger.
     */
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final ApiClient api;
    private final List<String> accounts;
    private final Queue<String> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<String> holdUrls = new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    public LoadGenerator(ApiClient api, List<String> accounts, int clientCount, long seed) {
        this.api = api;
        this.accounts = List.copyOf(accounts);
        for (int i = 0; i < clientCount; i++) {
            Random random = new Random(seed + i);
            clients.submit(() -> loop(random));
        }
    }

    private void loop(Random random) {
        while (running.get()) {
            long next = System.nanoTime() + PACE_NANOS;
            Response response = next(random);
            if (response.status() == 202) {
                accepted.add(response.body().path("requestId").asText());
                if (!response.body().path("holdUrl").isNull() && response.body().has("holdUrl")) {
                    holdUrls.add(response.body().path("holdUrl").asText());
                }
            } else {
                refused.incrementAndGet();
            }
            LockSupport.parkNanos(next - System.nanoTime()); // pacing, see PACE_NANOS
        }
    }

    private Response next(Random random) {
        String account = accounts.get(random.nextInt(accounts.size()));
        long amount = 1 + random.nextInt(500);
        String holdUrl = random.nextInt(5) == 0 ? holdUrls.poll() : null;
        if (holdUrl != null) {
            // Most holds end captured (part of them) or released; the rest stay open.
            return random.nextBoolean() ? Requests.post(api, holdUrl + "/capture", "{\"amount\":%d}".formatted(amount))
                    : Requests.post(api, holdUrl + "/release", "");
        }
        return switch (random.nextInt(4)) {
            case 0 -> Requests.money(api, account, "recharges", amount, "CNY");
            case 1 -> Requests.money(api, account, "consumptions", amount, "CNY");
            case 2 -> Requests.post(api, "/v1/transfers", """
                    {"fromAccountId":"%s","toAccountId":"%s","amount":%d,"currency":"CNY"}"""
                    .formatted(account, other(account, random), amount));
            default -> Requests.post(api, "/v1/accounts/" + account + "/holds",
                    "{\"amount\":%d,\"currency\":\"CNY\"}".formatted(amount));
        };
    }

    private String other(String account, Random random) {
        String other = account;
        while (other.equals(account)) {
            other = accounts.get(random.nextInt(accounts.size()));
        }
        return other;
    }

    /** Lets the load run for this long: the time between crashes, not a wait for a condition. */
    public void runFor(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<String> acceptedRequestIds() {
        return List.copyOf(accepted);
    }

    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        running.set(false);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("load clients did not stop within " + STOP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
