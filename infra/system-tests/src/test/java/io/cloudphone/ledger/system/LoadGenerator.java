package io.cloudphone.ledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.reference.ClientRecord;
import io.cloudphone.ledger.reference.ClientRecord.Answer;
import io.cloudphone.ledger.reference.ClientRequest;
import io.cloudphone.ledger.system.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A few clients sending a mix of money movements (recharges, consumptions, transfers to any of the accounts,
 * holds, captures and releases of their own holds) until stopped, each keeping its own book of what it sent:
 * the {@link ClientRecord} a crash test's audit judges the ledger by.
 *
 * <p>Each client owns some of the accounts and sends one request at a time, so each account's requests have one
 * order, the client's, which the ledger must decide them in. A request without an answer (a connection error, a
 * 5xx) is sent again under the same Idempotency-Key until it is answered, as a real client must: the answer then
 * says whether it was written. A client that cannot get an answer within {@link #ANSWER_TIMEOUT}, or fails in any
 * other way, fails the test at {@link #close()}: load never dies quietly.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    /** How often {@link #awaitUnanswered} looks: far below a request's time in command-api. */
    private static final Duration UNANSWERED_LOOK = Duration.ofMillis(1);
    /**
     * Each client sends at most one request per this interval. Unpaced, the clients outrun a ledger that is
     * restarting, and the backlog (tens of thousands of requests) only makes the test slower, not stronger.
     */
    public static final Duration PACE = Duration.ofMillis(25);
    private static final String CURRENCY = "CNY";

    private final ApiClient api;
    private final int clientCount;
    /** Filled before the clients start, never changed after. */
    private final List<String> accounts = new ArrayList<>();
    private final ClientRecord record = new ClientRecord();
    private final AtomicLong retries = new AtomicLong();
    /** Idempotency keys of the requests sent and not answered yet: what a crash of command-api can catch. */
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> clientTasks = new ArrayList<>();
    private long startedNanos;
    private long stoppedNanos;

    private LoadGenerator(ApiClient api, int clientCount) {
        this.api = api;
        this.clientCount = clientCount;
    }

    /**
     * Opens {@code accountCount} CNY accounts, funds each with {@code funding} (both decided before the load), then
     * starts {@code clientCount} clients; client i owns every account whose index is i modulo the count.
     */
    public static LoadGenerator start(ApiClient api, int accountCount, long funding, int clientCount, long seed) {
        if (accountCount < clientCount) {
            throw new IllegalArgumentException("every client needs an account of its own");
        }
        LoadGenerator load = new LoadGenerator(api, clientCount);
        for (int i = 0; i < accountCount; i++) {
            String account = "it-" + UUID.randomUUID();
            load.sendAndAwaitDecision(id -> new ClientRequest.Open(id, account, CURRENCY), "/v1/accounts",
                    "{\"accountId\":\"%s\",\"currency\":\"%s\"}".formatted(account, CURRENCY));
            load.sendAndAwaitDecision(id -> new ClientRequest.Recharge(id, account, funding, CURRENCY),
                    "/v1/accounts/" + account + "/recharges", money(funding));
            load.accounts.add(account);
        }
        load.startedNanos = System.nanoTime();
        for (int i = 0; i < clientCount; i++) {
            List<String> owned = new ArrayList<>();
            for (int a = i; a < load.accounts.size(); a += clientCount) {
                owned.add(load.accounts.get(a));
            }
            Client client = load.new Client(owned, new Random(seed + i));
            load.clientTasks.add(load.clients.submit(() -> {
                client.run();
                return null;
            }));
        }
        return load;
    }

    public List<String> accounts() {
        return List.copyOf(accounts);
    }

    /** Lets the load run for this long: the time between crashes, not a wait for a condition. */
    public void runFor(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        failIfAClientDied();
    }

    /**
     * The time between two crashes: lets the load run a random 1.5 to 4.5 s and fails unless it accepted more
     * requests meanwhile, so that every window between kills shows work progressing.
     */
    public void runUntilKill(int kill, Random random) {
        long acceptedBefore = accepted();
        runFor(Duration.ofMillis(1_500 + random.nextInt(3_000)));
        assertThat(accepted()).as("requests accepted before kill %d", kill).isGreaterThan(acceptedBefore);
    }

    public ClientRecord record() {
        return record;
    }

    public long accepted() {
        return record.count(Answer.ACCEPTED);
    }

    public long refused() {
        return record.count(Answer.REFUSED);
    }

    /** Requests sent again because the first try got no answer. */
    public long retries() {
        return retries.get();
    }

    /**
     * Waits until at least {@code atLeast} requests are out and unanswered, so that a kill lands while command-api
     * holds them (queued for a batch, in its transaction, or answering), and returns their Idempotency-Keys.
     */
    public Set<String> awaitUnanswered(int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> now = Set.copyOf(unanswered);
            if (now.size() >= atLeast) {
                return now;
            }
            LockSupport.parkNanos(UNANSWERED_LOOK.toNanos());
        }
        failIfAClientDied();
        throw new AssertionError("fewer than " + atLeast + " requests were ever out at once within " + timeout);
    }

    /** How many requests the clients could have sent at their pace in the time they ran: the ceiling of a run. */
    public long capacity() {
        long ran = (stoppedNanos == 0 ? System.nanoTime() : stoppedNanos) - startedNanos;
        return clientCount * (ran / PACE.toNanos());
    }

    private final class Client {
        private final List<String> owned;
        private final Random random;
        private final List<ClientRequest.PlaceHold> holds = new ArrayList<>();

        Client(List<String> owned, Random random) {
            this.owned = owned;
            this.random = random;
        }

        void run() {
            while (running.get()) {
                long next = System.nanoTime() + PACE.toNanos();
                sendOne();
                LockSupport.parkNanos(next - System.nanoTime()); // pacing, see PACE
            }
        }

        private void sendOne() {
            String account = owned.get(random.nextInt(owned.size()));
            long amount = 1 + random.nextInt(500);
            if (!holds.isEmpty() && random.nextInt(5) == 0) {
                // Most holds end captured (some for more than they hold, which is refused) or released.
                ClientRequest.PlaceHold hold = holds.remove(random.nextInt(holds.size()));
                if (random.nextBoolean()) {
                    send(id -> new ClientRequest.CaptureHold(id, hold.accountId(), hold.holdId(), OptionalLong.of(amount)),
                            "/v1/holds/" + hold.holdId() + "/capture", "{\"amount\":%d}".formatted(amount));
                } else {
                    send(id -> new ClientRequest.ReleaseHold(id, hold.accountId(), hold.holdId()),
                            "/v1/holds/" + hold.holdId() + "/release", "");
                }
                return;
            }
            switch (random.nextInt(4)) {
                case 0 -> send(id -> new ClientRequest.Recharge(id, account, amount, CURRENCY),
                        "/v1/accounts/" + account + "/recharges", money(amount));
                case 1 -> send(id -> new ClientRequest.Consume(id, account, amount, CURRENCY),
                        "/v1/accounts/" + account + "/consumptions", money(amount));
                case 2 -> {
                    String to = other(account);
                    send(id -> new ClientRequest.Transfer(id, account, to, amount, CURRENCY), "/v1/transfers", """
                            {"fromAccountId":"%s","toAccountId":"%s","amount":%d,"currency":"%s"}"""
                            .formatted(account, to, amount, CURRENCY));
                }
                default -> {
                    Response placed = send(null, "/v1/accounts/" + account + "/holds", money(amount));
                    if (placed.status() == 202) {
                        ClientRequest.PlaceHold hold = new ClientRequest.PlaceHold(placed.body().path("requestId").asText(),
                                account, placed.body().path("holdId").asText(), amount, CURRENCY);
                        record.sent(hold, Answer.ACCEPTED);
                        holds.add(hold);
                    } else {
                        throw new IllegalStateException("a hold was refused: " + placed.status() + " " + placed.rawBody());
                    }
                }
            }
        }

        private String other(String account) {
            String other = account;
            while (other.equals(account)) {
                other = accounts.get(random.nextInt(accounts.size()));
            }
            return other;
        }
    }

    /**
     * Sends until answered and records the request under the id the API gave it ({@code asked} null: the caller
     * records it, e.g. a hold whose id only the answer tells). A 4xx is recorded as refused.
     */
    private Response send(Function<String, ClientRequest> asked, String path, String json) {
        String idempotencyKey = UUID.randomUUID().toString();
        unanswered.add(idempotencyKey);
        try {
            return sendUntilAnswered(asked, path, json, idempotencyKey);
        } finally {
            unanswered.remove(idempotencyKey);
        }
    }

    private Response sendUntilAnswered(Function<String, ClientRequest> asked, String path, String json,
                                       String idempotencyKey) {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (true) {
            Response response = tryOnce(path, json, idempotencyKey);
            if (response != null && response.status() < 500) {
                if (asked != null && response.status() == 202) {
                    record.sent(asked.apply(response.body().path("requestId").asText()), Answer.ACCEPTED);
                } else if (asked != null) {
                    // Nothing was written, so no id: recorded under a made-up one that no decision may carry.
                    record.sent(asked.apply("refused-" + idempotencyKey), Answer.REFUSED);
                }
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no answer to POST " + path + " within " + ANSWER_TIMEOUT
                        + (response == null ? "" : "; last " + response.status() + " " + response.rawBody()));
            }
            retries.incrementAndGet();
            LockSupport.parkNanos(RETRY_PAUSE.toNanos());
        }
    }

    private Response tryOnce(String path, String json, String idempotencyKey) {
        try {
            return api.post(path, json, Map.of("Idempotency-Key", idempotencyKey));
        } catch (IllegalStateException connectionFailed) {
            return null;
        }
    }

    private void sendAndAwaitDecision(Function<String, ClientRequest> asked, String path, String json) {
        Response accepted = send(asked, path, json);
        assertThat(accepted.status()).as(accepted.rawBody()).isEqualTo(202);
        assertThat(Requests.awaitDecision(api, accepted).path("status").asText()).isEqualTo("ACCEPTED");
    }

    private static String money(long amount) {
        return "{\"amount\":%d,\"currency\":\"%s\"}".formatted(amount, CURRENCY);
    }

    private void failIfAClientDied() {
        for (Future<?> client : clientTasks) {
            if (client.isDone()) {
                awaitClient(client);
                throw new IllegalStateException("a load client stopped on its own");
            }
        }
    }

    private static void awaitClient(Future<?> client) {
        try {
            client.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new AssertionError("a load client failed: " + failed.getCause(), failed.getCause());
        } catch (TimeoutException stuck) {
            throw new AssertionError("a load client did not stop within " + STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * After the load: one more recharge on every account, each awaited until decided. As each account's requests
     * are decided in order, everything on its partition before it has then been processed.
     */
    public void rechargeEachAccountAndAwait(long amount) {
        if (running.get()) {
            throw new IllegalStateException("the clients are still sending: close() first");
        }
        for (String account : accounts) {
            sendAndAwaitDecision(id -> new ClientRequest.Recharge(id, account, amount, CURRENCY),
                    "/v1/accounts/" + account + "/recharges", money(amount));
        }
    }

    /** Stops the clients; a client that failed fails the caller here. */
    @Override
    public void close() {
        running.set(false);
        stoppedNanos = System.nanoTime();
        clients.shutdown();
        for (Future<?> client : clientTasks) {
            awaitClient(client);
        }
    }
}
