package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxEvent;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit: the account requests that arrive while a transaction commits are written together by the
 * next one (at most {@link #BATCH_MAX}), each still with its outbox event, so a hot account costs one commit
 * per batch instead of one per request. A request's answer is given only after its batch has committed.
 * A batch that fails is retried request by request, so one bad request never fails the others.
 */
@Component
class GroupCommit implements SmartLifecycle {

    /** Requests written by one transaction at most: keeps each transaction (and Debezium's) short. */
    static final int BATCH_MAX = 256;
    /** Requests waiting at most; beyond it the API answers 503 rather than queueing without bound. */
    static final int QUEUE_MAX = 10_000;
    /** How long a request waits for its batch to commit before the client is told to retry (safely: same key). */
    static final Duration COMMIT_WAIT_MAX = Duration.ofSeconds(10);
    /** Busy passes quickly: the writer commits a batch of up to BATCH_MAX every few milliseconds. */
    static final Duration RETRY_AFTER_BUSY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One request waiting for its batch, with its serialized outbox event. */
    record Pending(AccountRequest request, String idempotencyKey, String eventType, byte[] payload,
                   CompletableFuture<AccountCommands.Submitted> answer) {
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_MAX);
    private final AccountRepository accounts;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final TransactionRunner transactions;
    private final DistributionSummary batchSizes;
    private volatile boolean running;
    private Thread writer;

    GroupCommit(AccountRepository accounts, OutboxWriter outbox, OutboxDestinations destinations,
                TransactionRunner transactions, MeterRegistry meters) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.destinations = destinations;
        this.transactions = transactions;
        this.batchSizes = DistributionSummary.builder("cpl.account.requests.batch.size")
                .description("account requests committed by one transaction").register(meters);
        meters.gauge("cpl.account.requests.queued", queue, BlockingQueue::size);
    }

    /** Queues the request and waits until its batch has committed; the first request's answer for a replayed key. */
    AccountCommands.Submitted write(AccountRequest request, String idempotencyKey, String eventType, byte[] payload) {
        Pending pending = new Pending(request, idempotencyKey, eventType, payload, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw ApiProblem.retryAfter(CommandApiProblem.BUSY, "too many requests are waiting to "
                    + "be written; retry with the same Idempotency-Key", RETRY_AFTER_BUSY);
        }
        try {
            return pending.answer().get(COMMIT_WAIT_MAX.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
        } catch (TimeoutException slow) {
            throw ApiProblem.retryAfter(CommandApiProblem.NOT_WRITTEN_IN_TIME, "the request was not "
                    + "committed within " + COMMIT_WAIT_MAX.toSeconds() + " s; it may still be: retry with the same "
                    + "Idempotency-Key to get its answer", RETRY_AFTER_BUSY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests waiting for their batch now: the gauge {@code cpl.account.requests.queued}. */
    int queued() {
        return queue.size();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(BATCH_MAX);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_MAX - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Pending> batch) {
        batchSizes.record(batch.size());
        Map<Pending, Object> answers;
        try {
            answers = transactions.inTransaction("account-requests-batch", status -> writeAll(batch));
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.getFirst().answer().completeExceptionally(failed);
                return;
            }
            log.warn("a batch of {} account requests failed ({}); writing them one by one", batch.size(), failed.toString());
            for (Pending pending : batch) {
                writeBatch(List.of(pending));
            }
            return;
        }
        // Only now, after the commit, does any client hear that its request is recorded.
        answers.forEach((pending, answer) -> {
            if (answer instanceof RuntimeException refusal) {
                pending.answer().completeExceptionally(refusal);
            } else {
                pending.answer().complete((AccountCommands.Submitted) answer);
            }
        });
    }

    /** In one transaction: the requests (one statement), new holds, the outbox rows; then the replays' answers. */
    private Map<Pending, Object> writeAll(List<Pending> batch) {
        Set<UUID> inserted = accounts.insertRequests(batch.stream()
                .map(p -> new AccountRepository.Keyed(p.request(), p.idempotencyKey())).toList());
        List<OutboxEvent> events = new ArrayList<>(batch.size());
        Map<Pending, Object> answers = new HashMap<>();
        for (Pending pending : batch) {
            AccountRequest request = pending.request();
            if (!inserted.contains(request.requestId())) {
                answers.put(pending, replayOf(pending));
                continue;
            }
            if (request instanceof AccountRequest.PlaceHold placing) {
                accounts.insertHold(placing);
            }
            events.add(new OutboxEvent(request.requestId(), destinations.account(), request.accountId(),
                    pending.eventType(), pending.payload()));
            answers.put(pending, AccountCommands.Submitted.of(request));
        }
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
        return answers;
    }

    /** The first request with this key: the same question gets the same answer, another question a 409. */
    private Object replayOf(Pending pending) {
        AccountRequest draft = pending.request();
        AccountRepository.StoredRequest first = accounts.requestByKey(draft.accountId(), pending.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("idempotency key " + pending.idempotencyKey()
                        + " conflicted but is gone"));
        if (!first.fingerprint().equals(draft.fingerprint())) {
            return new ApiProblem(CommandApiProblem.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + pending.idempotencyKey() + " was used for a different "
                    + "request (" + AccountRequestRow.of(first.request()).describe() + ")");
        }
        return AccountCommands.Submitted.replayOf(first.request());
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("group-commit").daemon(true).start(this::writeLoop);
    }

    /** Stops taking requests and writes those already queued. */
    @Override
    public void stop() {
        running = false;
        try {
            writer.join(COMMIT_WAIT_MAX.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
