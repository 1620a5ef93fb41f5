package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxEvent;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.serde.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Group commit without a database: the request log, the outbox and the transactions are stand-ins that record
 * what they were asked; the batching, the answers after the commit, the one-by-one retry and the replays are the
 * real code. {@code GroupCommitIT} proves the same against PostgreSQL.
 */
class GroupCommitTest {

    private static final long WAIT_SECONDS = 10;

    private final RecordingRequests accounts = new RecordingRequests();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final CountingTransactions transactions = new CountingTransactions();
    private final ExecutorService clients = Executors.newFixedThreadPool(64);
    private GroupCommit groupCommit;

    @BeforeEach
    void start() {
        groupCommit = new GroupCommit(accounts, outbox, new OutboxDestinations(new Topics(new InMemorySchemaRegistryClient())),
                new TransactionRunner(transactions, new SimpleMeterRegistry()), new SimpleMeterRegistry());
        groupCommit.start();
    }

    @AfterEach
    void stop() {
        accounts.release.countDown();
        groupCommit.stop();
        clients.shutdownNow();
    }

    @Test
    void requestsArrivingWhileABatchCommitsAreWrittenTogetherAndEachIsAnsweredWithItsOwnId() throws Exception {
        accounts.holdFirstBatch = true;
        Future<AccountCommands.Submitted> first = submit(recharge());
        assertThat(accounts.firstBatchStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<AccountRequest> waiting = new ArrayList<>();
        List<Future<AccountCommands.Submitted>> answers = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            AccountRequest request = recharge();
            waiting.add(request);
            answers.add(submit(request, "key-" + i));
        }
        awaitQueued(50);

        accounts.release.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).requestId()).isEqualTo(waiting.get(i).requestId());
        }
        assertThat(transactions.commits).as("51 requests, the 50 that waited in one batch").hasValue(2);
        assertThat(outbox.batches).extracting(List::size).containsExactly(1, 50);
        assertThat(outbox.batches.get(1)).extracting(OutboxEvent::eventId)
                .containsExactlyInAnyOrderElementsOf(waiting.stream().map(AccountRequest::requestId).toList());
    }

    @Test
    void noRequestIsAnsweredBeforeItsBatchCommits() throws Exception {
        transactions.holdCommit = new CountDownLatch(1);
        Future<AccountCommands.Submitted> answer = submit(recharge());

        assertThat(transactions.commitStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(answer.isDone()).as("answered before the commit returned").isFalse();
        transactions.holdCommit.countDown();

        assertThat(answer.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aBatchThatFailsIsRetriedRequestByRequestSoOneBadRequestFailsAlone() throws Exception {
        accounts.holdFirstBatch = true;
        Future<AccountCommands.Submitted> first = submit(recharge());
        assertThat(accounts.firstBatchStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        AccountRequest bad = recharge();
        accounts.refused.add(bad.requestId());
        List<Future<AccountCommands.Submitted>> good = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            good.add(submit(recharge(), "key-" + i));
        }
        Future<AccountCommands.Submitted> refused = submit(bad, "key-bad");
        awaitQueued(6);

        accounts.release.countDown();

        first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        for (Future<AccountCommands.Submitted> each : good) {
            assertThat(each.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        }
        assertThatThrownBy(() -> refused.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(outbox.batches.stream().flatMap(List::stream).map(OutboxEvent::eventId))
                .as("every good request has its event, the bad one none").hasSize(6).doesNotContain(bad.requestId());
    }

    @Test
    void aReplayedKeyGetsTheFirstAnswerAndTheSameKeyForAnotherRequestA409() throws Exception {
        AccountRequest original = recharge();
        assertThat(submit(original, "key-1").get(WAIT_SECONDS, TimeUnit.SECONDS).requestId())
                .isEqualTo(original.requestId());

        AccountCommands.Submitted replay = submit(recharge(), "key-1").get(WAIT_SECONDS, TimeUnit.SECONDS);
        AccountRequest other = new AccountRequest.Recharge(UUID.randomUUID(), "acc-1", UUID.randomUUID(), 999, "CNY");
        Future<AccountCommands.Submitted> conflict = submit(other, "key-1");

        assertThat(replay.requestId()).isEqualTo(original.requestId());
        assertThat(replay.replayed()).as("told apart, so that it can answer the decision").isTrue();
        assertThatThrownBy(() -> conflict.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause().isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(outbox.batches.stream().mapToInt(List::size).sum()).as("one event for the one request").isEqualTo(1);
    }

    @Test
    void aStoppedGroupCommitRefusesWithRetryAdviceInsteadOfQueueing() {
        groupCommit.stop();

        assertThatThrownBy(() -> groupCommit.write(recharge(), "key-1", "Recharge", new byte[] {0}))
                .isInstanceOfSatisfying(ApiProblem.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
                .hasMessageContaining("Idempotency-Key");
    }

    private Future<AccountCommands.Submitted> submit(AccountRequest request) {
        return submit(request, "key-0");
    }

    private Future<AccountCommands.Submitted> submit(AccountRequest request, String key) {
        return clients.submit(() -> groupCommit.write(request, key, "Recharge", new byte[] {0, 1, 2}));
    }

    private void awaitQueued(int count) {
        Awaitility.await(count + " requests queued").atMost(Duration.ofSeconds(WAIT_SECONDS))
                .pollInterval(Duration.ofMillis(5)).until(() -> groupCommit.queued() == count);
    }

    private static AccountRequest recharge() {
        return new AccountRequest.Recharge(UUID.randomUUID(), "acc-1", UUID.randomUUID(), 100, "CNY");
    }

    /** The request log: remembers the first request per key, refuses the ones a test names, can hold a batch. */
    private final class RecordingRequests extends AccountRepository {
        final Map<String, StoredRequest> byKey = new ConcurrentHashMap<>();
        final Set<UUID> refused = ConcurrentHashMap.newKeySet();
        final CountDownLatch firstBatchStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holdFirstBatch;
        private boolean first = true;

        RecordingRequests() {
            super(null);
        }

        @Override
        Set<UUID> insertRequests(List<Keyed> batch) {
            if (first) {
                first = false;
                firstBatchStarted.countDown();
                if (holdFirstBatch) {
                    await(release);
                }
            }
            for (Keyed keyed : batch) {
                if (refused.contains(keyed.request().requestId())) {
                    throw new DataIntegrityViolationException("refused by the test: " + keyed.request().requestId());
                }
            }
            Set<UUID> inserted = new HashSet<>();
            for (Keyed keyed : batch) {
                if (byKey.putIfAbsent(keyed.idempotencyKey(),
                        new StoredRequest(keyed.request(), keyed.request().fingerprint())) == null) {
                    inserted.add(keyed.request().requestId());
                }
            }
            return inserted;
        }

        @Override
        void insertHold(AccountRequest.PlaceHold placing) {
        }

        @Override
        Optional<StoredRequest> requestByKey(String accountId, String idempotencyKey) {
            return Optional.ofNullable(byKey.get(idempotencyKey));
        }
    }

    /** The outbox: the events of each committed batch, in commit order. */
    private static final class RecordingOutbox extends OutboxWriter {
        final List<List<OutboxEvent>> batches = new CopyOnWriteArrayList<>();

        RecordingOutbox() {
            super(null, null);
        }

        @Override
        public void appendAll(List<OutboxEvent> events) {
            batches.add(List.copyOf(events));
        }
    }

    /** Transactions that count their commits and can hold one; a rolled back one records nothing of the outbox. */
    private final class CountingTransactions extends AbstractPlatformTransactionManager {
        final AtomicInteger commits = new AtomicInteger();
        final CountDownLatch commitStarted = new CountDownLatch(1);
        volatile CountDownLatch holdCommit;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commitStarted.countDown();
            if (holdCommit != null) {
                await(holdCommit);
            }
            commits.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
