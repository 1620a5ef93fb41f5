package io.cloudphone.ledger.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.reference.ClientRecord;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.CommittedRecords;
import io.cloudphone.ledger.system.ConnectorOffsets;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LedgerAudit;
import io.cloudphone.ledger.system.LoadGenerator;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.StackControl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under continuous load, the Kafka Connect worker running the Debezium outbox connector is killed with SIGKILL
 * twice mid-stream and brought back by the launcher, then the connector's offsets are rewound to the start once.
 * With Connect's exactly-once support a killed worker's unfinished transaction is aborted and sent again, so the
 * kills alone rarely put a duplicate before a read_committed consumer; the rewind does, for every request written
 * before it (Debezium snapshots the outbox table again), and the test counts them on the topic. Whatever arrives
 * twice, the ledger's topics must be what an independent model of the ledger derives from the clients' own record:
 * every request decided once, in order, as the model says, and the API's balances the model's.
 */
@ExtendWith(RunningSystem.class)
class OutboxExactlyOnceUnderConnectCrashIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxExactlyOnceUnderConnectCrashIT.class);
    private static final int ACCOUNTS = 10;
    private static final int CLIENTS = 4;
    private static final long FUNDING = 5_000;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);
    /** Connect's restart does not stop command-api: the clients keep sending at close to their pace. */
    private static final double LOAD_FLOOR = 0.25;

    /** Whatever happened, later tests find the stack whole. */
    @AfterEach
    void bringTheStackBack() {
        StackControl.start();
    }

    @Test
    void killingTheConnectWorkerMidStreamAppliesNothingTwice(ApiClient anonymous) {
        long seed = System.nanoTime();
        log.info("connect crash test seed {}", seed);
        Random random = new Random(seed);
        Session user = Identities.newUser(anonymous);

        LoadGenerator load = LoadGenerator.start(user.api(), ACCOUNTS, FUNDING, CLIENTS, seed);
        Set<String> beforeRewind;
        try (load) {
            for (int kill = 1; kill <= 2; kill++) {
                load.runUntilKill(kill, random);
                log.info("kill -9 of the Connect worker, {} of 2", kill);
                StackControl.kill("connect");
                StackControl.start();
            }
            load.runFor(Duration.ofMillis(1_500 + random.nextInt(3_000)));
            beforeRewind = load.record().requestIds(ClientRecord.Answer.ACCEPTED);
            // Only what Debezium has delivered once is sure to be delivered twice: wait until it has.
            CommittedRecords.await(Topics.ACCOUNT_COMMANDS, record -> beforeRewind.contains(eventId(record)),
                    beforeRewind.size());
            log.info("rewinding the connector's offsets to the start with {} requests written", beforeRewind.size());
            ConnectorOffsets.rewindToTheStart();
            load.runFor(Duration.ofSeconds(2));
        }

        LedgerAudit audit = new LedgerAudit(load.record()).awaitAgreement(SETTLE_TIMEOUT).assertBalancesAsModelled(user.api());
        Set<String> accounts = Set.copyOf(load.accounts());
        Map<String, Long> deliveries = CommittedRecords.readToEnd(Topics.ACCOUNT_COMMANDS,
                        record -> accounts.contains(new String(record.key(), StandardCharsets.UTF_8))).stream()
                .collect(Collectors.groupingBy(OutboxExactlyOnceUnderConnectCrashIT::eventId, Collectors.counting()));
        long duplicated = deliveries.values().stream().filter(count -> count > 1).count();
        log.info("connect crash test: {} accepted, {} refused, {} retried, capacity {}; {} decisions ({} legs) judged, "
                        + "{} entries; {} of {} requests delivered more than once", load.accepted(), load.refused(),
                load.retries(), load.capacity(), audit.verdict().decisionsJudged(), audit.verdict().legsJudged(),
                audit.entryCount(), duplicated, deliveries.size());
        assertThat(deliveries.keySet()).as("every accepted request delivered").containsAll(load.record().requestIds(ClientRecord.Answer.ACCEPTED));
        assertThat(beforeRewind).as("requests written before the rewind, each delivered at least twice").isNotEmpty()
                .allSatisfy(requestId -> assertThat(deliveries.get(requestId)).as(requestId).isGreaterThanOrEqualTo(2));
        assertThat(load.refused()).as("requests refused (none of the load's may be)").isZero();
        assertThat(load.accepted()).as("accepted of a capacity of %d", load.capacity())
                .isGreaterThan((long) (load.capacity() * LOAD_FLOOR));
    }

    /** The outbox row's id, which Debezium's EventRouter puts in header {@code id}: the request's id. */
    private static String eventId(ConsumerRecord<byte[], byte[]> record) {
        return CommittedRecords.header(record, "id");
    }
}
