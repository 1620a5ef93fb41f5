package io.cloudphone.ledger.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LedgerAudit;
import io.cloudphone.ledger.system.LoadGenerator;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.StackControl;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under continuous load, the Kafka Connect worker running the Debezium outbox connector is killed with SIGKILL
 * twice mid-stream and brought back by the launcher. Whatever Debezium delivers again, the ledger applies
 * nothing twice: every request is decided once, with its entries once, and balances are sums of entries.
 */
@ExtendWith(RunningSystem.class)
class OutboxExactlyOnceUnderConnectCrashIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxExactlyOnceUnderConnectCrashIT.class);
    private static final int ACCOUNTS = 10;
    private static final int CLIENTS = 4;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);

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
        List<String> accounts = Requests.fundedAccounts(user.api(), ACCOUNTS, 50_000);

        List<String> requests;
        try (LoadGenerator load = new LoadGenerator(user.api(), accounts, CLIENTS, seed)) {
            for (int kill = 1; kill <= 2; kill++) {
                load.runFor(Duration.ofMillis(1_500 + random.nextInt(3_000)));
                log.info("kill -9 of the Connect worker, {} of 2", kill);
                StackControl.kill("connect");
                StackControl.start();
            }
            load.runFor(Duration.ofSeconds(2));
            requests = load.acceptedRequestIds();
        }

        LedgerAudit audit = new LedgerAudit(accounts).awaitDecisionsOf(requests, SETTLE_TIMEOUT)
                .assertEachRequestDecidedOnce(requests)
                .assertEntriesMatchDecisions()
                .assertBalancesAreSumsOfEntries(user.api());
        log.info("connect crash test: {} requests, {} decisions, {} entries", requests.size(),
                audit.decisions().size(), audit.entryCount());
        assertThat(requests).hasSizeGreaterThan(50);
    }
}
