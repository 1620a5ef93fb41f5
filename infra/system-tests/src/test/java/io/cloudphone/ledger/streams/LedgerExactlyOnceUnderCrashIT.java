package io.cloudphone.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LedgerAudit;
import io.cloudphone.ledger.system.LoadGenerator;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under continuous load, the stream app is killed with SIGKILL 5 times at random moments and restarted each
 * time; twice it is killed again while it recovers (restoring its stores, rejoining the group). Afterwards the ledger's topics must be what an independent model of the ledger derives from the
 * clients' own record of what they sent: every accepted request decided once, in its client's order, with the
 * outcome, code, numbers and entries the model gives; every transfer settled by one leg; the API's balances the
 * model's.
 */
@ExtendWith(RunningSystem.class)
class LedgerExactlyOnceUnderCrashIT {

    private static final Logger log = LoggerFactory.getLogger(LedgerExactlyOnceUnderCrashIT.class);
    private static final int ACCOUNTS = 10;
    private static final int CLIENTS = 4;
    /** Small enough that spending is refused now and then, so rejections are judged too. */
    private static final long FUNDING = 5_000;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);
    /** A run sends at least this share of what its clients could send at their pace: load that stalled fails. */
    private static final double LOAD_FLOOR = 0.25;
    private static final Duration RECOVERY_WAIT = Duration.ofMinutes(2);
    private static final Duration HEALTH_LOOK = Duration.ofMillis(20);

    @Test
    void killingTheStreamAppFiveTimesUnderLoadLosesAndDuplicatesNothing(Apps apps, ApiClient anonymous) {
        long seed = System.nanoTime();
        log.info("crash test seed {}", seed);
        Random random = new Random(seed);
        Session user = Identities.newUser(anonymous);

        List<String> recoveryKillPhases = new ArrayList<>();
        LoadGenerator load = LoadGenerator.start(user.api(), ACCOUNTS, FUNDING, CLIENTS, seed);
        try (load) {
            for (int kill = 1; kill <= 5; kill++) {
                load.runUntilKill(kill, random);
                log.info("kill -9 of the stream app, {} of 5", kill);
                apps.ledger().kill();
                apps.ledger().restart();
                if (kill % 2 == 0) {
                    // A second kill while the restarted app restores its stores and rejoins, or just as it
                    // resumes (its first commit comes within commit.interval.ms of RUNNING).
                    String phase = killWhileRecovering(apps);
                    log.info("kill -9 of the stream app while recovering: health {}", phase);
                    recoveryKillPhases.add(phase);
                    apps.ledger().restart();
                }
                apps.ledger().awaitHealthy(Duration.ofMinutes(2));
            }
            load.runFor(Duration.ofSeconds(2));
        }
        apps.ledger().awaitHealthy(Duration.ofMinutes(2));

        LedgerAudit audit = new LedgerAudit(load.record()).awaitAgreement(SETTLE_TIMEOUT).assertBalancesAsModelled(user.api());
        log.info("stream app crash test: {} accepted, {} refused, {} retried, capacity {}; {} decisions ({} legs) judged, "
                        + "{} entries", load.accepted(), load.refused(), load.retries(), load.capacity(),
                audit.verdict().decisionsJudged(), audit.verdict().legsJudged(), audit.entryCount());
        assertThat(recoveryKillPhases).as("health when the second kills landed").hasSize(2)
                .contains("OUT_OF_SERVICE");
        assertThat(load.refused()).as("requests refused (none of the load's may be)").isZero();
        assertThat(load.accepted()).as("accepted of a capacity of %d", load.capacity())
                .isGreaterThan((long) (load.capacity() * LOAD_FLOOR));
    }

    /**
     * Kills the restarting app as soon as its streams are up but not yet running (health OUT_OF_SERVICE: they
     * restore state or rebalance), or, if it gets through that between two looks, as soon as it is UP.
     *
     * @return the health it had when killed
     */
    private static String killWhileRecovering(Apps apps) {
        long deadline = System.nanoTime() + RECOVERY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> health = apps.ledger().healthStatus();
            if (health.isPresent() && !health.get().equals("DOWN")) {
                apps.ledger().kill();
                return health.get();
            }
            LockSupport.parkNanos(HEALTH_LOOK.toNanos());
        }
        throw new AssertionError("the restarted ledger did not answer its health within " + RECOVERY_WAIT);
    }
}
