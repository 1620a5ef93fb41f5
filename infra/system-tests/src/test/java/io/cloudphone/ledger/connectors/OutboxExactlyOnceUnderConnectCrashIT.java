package io.cloudphone.ledger.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LedgerAudit;
import io.cloudphone.ledger.system.LoadGenerator;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.StackControl;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under continuous load, the Kafka Connect worker running the Debezium outbox connector is killed with SIGKILL
 * twice mid-stream and brought back by the launcher. Whatever Debezium delivers again, the ledger's topics must
 * be what an independent model of the ledger derives from the clients' own record: every request decided once,
 * in order, as the model says, and the API's balances the model's.
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
        try (load) {
            for (int kill = 1; kill <= 2; kill++) {
                long acceptedBefore = load.accepted();
                load.runFor(Duration.ofMillis(1_500 + random.nextInt(3_000)));
                assertThat(load.accepted()).as("requests accepted before kill %d", kill).isGreaterThan(acceptedBefore);
                log.info("kill -9 of the Connect worker, {} of 2", kill);
                StackControl.kill("connect");
                StackControl.start();
            }
            load.runFor(Duration.ofSeconds(2));
        }

        LedgerAudit audit = new LedgerAudit(load.record()).awaitAgreement(SETTLE_TIMEOUT).assertBalancesAsModelled(user.api());
        log.info("connect crash test: {} accepted, {} refused, {} retried, capacity {}; {} decisions ({} legs) judged, "
                        + "{} entries", load.accepted(), load.refused(), load.retries(), load.capacity(),
                audit.verdict().decisionsJudged(), audit.verdict().legsJudged(), audit.entryCount());
        assertThat(load.refused()).as("requests refused (none of the load's may be)").isZero();
        assertThat(load.accepted()).as("accepted of a capacity of %d", load.capacity())
                .isGreaterThan((long) (load.capacity() * LOAD_FLOOR));
    }
}
