package io.cloudphone.ledger.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Load through the REST API, measured to the decision becoming visible on the decisions topic. Clients
 * recharge (2 in 3) and consume (1 in 3) small amounts on the given accounts with fresh Idempotency-Keys.
 */
final class RestLoad {

    /**
     * Connections of an open loop, so also its bound on requests in flight: past it, requests are shed (and
     * counted), not queued without bound.
     */
    static final int CONNECTIONS_MAX = 512;

    record Result(String name, int sent, int accepted, int refused, int shed, double sendSeconds, int decided,
                  int decidedAccepted, double decidedPerSecond, Stats latencyMs, Map<String, Double> cpuSeconds) {
    }

    private final BenchApi api;
    private final List<String> accounts;
    private final DecisionWatcher watcher;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger shed = new AtomicInteger();

    private RestLoad(BenchApi api, List<String> accounts, DecisionWatcher watcher) {
        this.api = api;
        this.accounts = List.copyOf(accounts);
        this.watcher = watcher;
    }

    /** {@code clients} clients, each sending its next request when the previous one is answered. */
    static Result closedLoop(String name, BenchApi api, List<String> accounts, int clients, Duration duration,
                             DecisionWatcher watcher, CpuSampler cpu, Duration drainTimeout) throws InterruptedException {
        RestLoad load = new RestLoad(api, accounts, watcher);
        cpu.begin();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                threads.submit(() -> {
                    try (KeepAliveHttp connection = api.connection()) {
                        while (System.nanoTime() < deadline) {
                            load.sendOne(connection);
                        }
                    }
                });
            }
        }
        return load.settle(name, start, System.nanoTime(), cpu, drainTimeout);
    }

    /** Requests at a fixed rate whatever the answers (an open loop): latency under a steady load. */
    static Result openLoop(String name, BenchApi api, List<String> accounts, int perSecond, Duration duration,
                           DecisionWatcher watcher, CpuSampler cpu, Duration drainTimeout) throws InterruptedException {
        RestLoad load = new RestLoad(api, accounts, watcher);
        BlockingQueue<KeepAliveHttp> connections = new ArrayBlockingQueue<>(CONNECTIONS_MAX);
        for (int i = 0; i < CONNECTIONS_MAX; i++) {
            connections.add(api.connection());
        }
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long total = perSecond * duration.toSeconds();
        cpu.begin();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                LockSupport.parkNanos(due - System.nanoTime());
                KeepAliveHttp connection = connections.poll();
                if (connection == null) {
                    load.shed.incrementAndGet(); // every connection busy: the system is behind by CONNECTIONS_MAX
                    continue;
                }
                threads.submit(() -> {
                    try {
                        load.sendOne(connection);
                    } finally {
                        connections.add(connection);
                    }
                });
            }
        }
        connections.forEach(KeepAliveHttp::close);
        return load.settle(name, start, System.nanoTime(), cpu, drainTimeout);
    }

    private void sendOne(KeepAliveHttp connection) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String account = accounts.get(random.nextInt(accounts.size()));
        boolean recharge = random.nextInt(3) < 2;
        long sentNanos = System.nanoTime();
        try {
            KeepAliveHttp.Answer answer = api.move(connection, account, recharge ? "recharges" : "consumptions",
                    recharge ? 2 : 1);
            sent.incrementAndGet();
            if (answer.status() == 202) {
                sentAt.put(BenchApi.requestIdOf(answer.body()), sentNanos);
            } else {
                refused.incrementAndGet();
            }
        } catch (Exception failed) {
            sent.incrementAndGet();
            refused.incrementAndGet();
        }
    }

    /** Waits (bounded) for every accepted request's decision, then computes throughput and latency. */
    private Result settle(String name, long start, long sendEnd, CpuSampler cpu, Duration drainTimeout)
            throws InterruptedException {
        long drainDeadline = System.nanoTime() + drainTimeout.toNanos();
        while (decided() < sentAt.size() && System.nanoTime() < drainDeadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        Map<String, Double> cpuSeconds = cpu.end();
        Histogram latencies = Stats.newHistogram();
        long lastSeen = start;
        int accepted = 0;
        for (Map.Entry<String, Long> request : sentAt.entrySet()) {
            DecisionWatcher.Seen seen = watcher.seen(request.getKey());
            if (seen != null) {
                Stats.record(latencies, seen.nanos() - request.getValue());
                lastSeen = Math.max(lastSeen, seen.nanos());
                accepted += seen.accepted() ? 1 : 0;
            }
        }
        double seconds = (lastSeen - start) / 1e9;
        return new Result(name, sent.get(), sentAt.size(), refused.get(), shed.get(), (sendEnd - start) / 1e9,
                (int) latencies.getTotalCount(), accepted, latencies.getTotalCount() / seconds, Stats.of(latencies),
                cpuSeconds);
    }

    private int decided() {
        int decided = 0;
        for (String requestId : sentAt.keySet()) {
            decided += watcher.seen(requestId) == null ? 0 : 1;
        }
        return decided;
    }
}
