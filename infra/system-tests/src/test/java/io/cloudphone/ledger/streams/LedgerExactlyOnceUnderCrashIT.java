package io.cloudphone.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LedgerAudit;
import io.cloudphone.ledger.system.LoadGenerator;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under continuous load, the stream app is killed with SIGKILL 5 times at random moments and restarted each
 * time. Afterwards every request is decided exactly once, accepted ones have their entries once, rejected
 * ones none, and every balance is the sum of its entries.
 */
@ExtendWith(RunningSystem.class)
class LedgerExactlyOnceUnderCrashIT {

    private static final Logger log = LoggerFactory.getLogger(LedgerExactlyOnceUnderCrashIT.class);
    private static final int ACCOUNTS = 10;
    private static final int CLIENTS = 4;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void killingTheStreamAppFiveTimesUnderLoadLosesAndDuplicatesNothing(Apps apps, ApiClient anonymous) {
        long seed = System.nanoTime();
        log.info("crash test seed {}", seed);
        Random random = new Random(seed);
        Session user = Identities.newUser(anonymous);
        List<String> accounts = Requests.fundedAccounts(user.api(), ACCOUNTS, 50_000);

        List<String> requests;
        try (LoadGenerator load = new LoadGenerator(user.api(), accounts, CLIENTS, seed)) {
            for (int kill = 1; kill <= 5; kill++) {
                load.runFor(Duration.ofMillis(1_500 + random.nextInt(3_000)));
                log.info("kill -9 of the stream app, {} of 5", kill);
                apps.ledger().kill();
                // Back to processing before the next kill, so that every kill lands mid-stream.
                apps.ledger().restart().awaitHealthy(Duration.ofMinutes(2));
            }
            load.runFor(Duration.ofSeconds(2));
            requests = load.acceptedRequestIds();
        }
        apps.ledger().awaitHealthy(Duration.ofMinutes(2));

        LedgerAudit audit = new LedgerAudit(accounts).awaitDecisionsOf(requests, SETTLE_TIMEOUT)
                .assertEachRequestDecidedOnce(requests)
                .assertEntriesMatchDecisions()
                .assertBalancesAreSumsOfEntries(user.api());
        log.info("stream app crash test: {} requests, {} decisions, {} entries", requests.size(),
                audit.decisions().size(), audit.entryCount());
        assertThat(requests).hasSizeGreaterThan(50);
    }
}
