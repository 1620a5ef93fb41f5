package io.cloudphone.ledger.streams;

import static io.cloudphone.ledger.system.Requests.decided;
import static io.cloudphone.ledger.system.Requests.money;
import static io.cloudphone.ledger.system.Requests.openAccount;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LedgerAudit;
import io.cloudphone.ledger.system.LoadGenerator;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under continuous load, the stream app (5 times) or the Kafka Connect worker (twice) is killed with SIGKILL
 * at random moments and restarted. Afterwards every request is decided exactly once, accepted ones have
 * their entries once, rejected ones none, and every balance is the sum of its entries.
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
        List<String> accounts = fundedAccounts(user);

        List<String> requests;
        try (LoadGenerator load = new LoadGenerator(user.api(), accounts, CLIENTS, seed)) {
            for (int kill = 1; kill <= 5; kill++) {
                pause(Duration.ofMillis(1_500 + random.nextInt(3_000)));
                log.info("kill -9 of the stream app, {} of 5", kill);
                apps.ledger().kill();
                apps.ledger().restart();
            }
            pause(Duration.ofSeconds(2));
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

    @Test
    void killingTheConnectWorkerMidStreamAppliesNothingTwice(ApiClient anonymous) throws Exception {
        long seed = System.nanoTime();
        log.info("connect crash test seed {}", seed);
        Random random = new Random(seed);
        Session user = Identities.newUser(anonymous);
        List<String> accounts = fundedAccounts(user);

        List<String> requests;
        try (LoadGenerator load = new LoadGenerator(user.api(), accounts, CLIENTS, seed)) {
            for (int kill = 1; kill <= 2; kill++) {
                pause(Duration.ofMillis(1_500 + random.nextInt(3_000)));
                long pid = LocalStack.pidOf("connect");
                log.info("kill -9 of the Connect worker (pid {}), {} of 2", pid, kill);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                restartStack();
            }
            pause(Duration.ofSeconds(2));
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

    private static List<String> fundedAccounts(Session user) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = openAccount(user.api(), "CNY");
            decided(user.api(), money(user.api(), account, "recharges", 50_000, "CNY"));
            accounts.add(account);
        }
        return accounts;
    }

    /** bin/stack start brings back what is not running (the killed worker) and re-registers its connector. */
    private static void restartStack() throws IOException, InterruptedException {
        Process start = new ProcessBuilder(LocalStack.stackScript().toString(), "start")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
            throw new IllegalStateException("bin/stack start did not bring the stack back");
        }
    }

    /** The load runs meanwhile: this is the time between crashes, not a wait for a condition. */
    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
