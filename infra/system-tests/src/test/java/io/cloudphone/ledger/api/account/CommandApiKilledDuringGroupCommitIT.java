package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.reference.ClientRecord;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LedgerAudit;
import io.cloudphone.ledger.system.LoadGenerator;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under load from clients that retry an unanswered request under its Idempotency-Key, command-api is killed with
 * SIGKILL three times while requests are inside it: queued for a group-commit batch, in the batch's transaction,
 * or committed and not yet answered. Afterwards every request is written once and decided once: the request rows
 * and the outbox rows of the test's accounts are exactly the requests their clients got a 202 for, and the ledger's
 * decisions are what the reference model derives from the clients' record.
 */
@ExtendWith(RunningSystem.class)
class CommandApiKilledDuringGroupCommitIT {

    private static final Logger log = LoggerFactory.getLogger(CommandApiKilledDuringGroupCommitIT.class);
    private static final int KILLS = 3;
    private static final int ACCOUNTS = 16;
    /** Enough clients that several requests are inside command-api at most moments, so batches have many. */
    private static final int CLIENTS = 8;
    private static final long FUNDING = 5_000;
    /** Requests out and unanswered when a kill lands; each ends written exactly once. */
    private static final int CAUGHT_AT_LEAST = 3;
    private static final Duration CATCH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);

    private record Kill(Instant at, Set<String> caught) {
    }

    @Test
    void killingCommandApiMidBatchWritesAndDecidesEveryRequestOnce(Apps apps, ApiClient anonymous) {
        long seed = System.nanoTime();
        log.info("command-api crash test seed {}", seed);
        Random random = new Random(seed);
        Session user = Identities.newUser(anonymous);

        List<Kill> kills = new ArrayList<>();
        LoadGenerator load = LoadGenerator.start(user.api(), ACCOUNTS, FUNDING, CLIENTS, seed);
        try (load) {
            for (int kill = 1; kill <= KILLS; kill++) {
                load.runUntilKill(kill, random);
                Set<String> caught = load.awaitUnanswered(CAUGHT_AT_LEAST, CATCH_TIMEOUT);
                Instant at = Instant.now();
                apps.commandApi().kill();
                log.info("kill -9 of command-api, {} of {}, with {} requests unanswered", kill, KILLS, caught.size());
                kills.add(new Kill(at, caught));
                apps.commandApi().restart().awaitHealthy(RESTART_TIMEOUT);
            }
            load.runFor(Duration.ofSeconds(2));
        }

        LedgerAudit audit = new LedgerAudit(load.record()).awaitAgreement(SETTLE_TIMEOUT)
                .assertBalancesAsModelled(user.api());
        Set<String> accepted = load.record().requestIds(ClientRecord.Answer.ACCEPTED);
        Object accounts = load.accounts().toArray(String[]::new);
        List<String> requestRows = Database.column(
                "SELECT request_id::text FROM account_request WHERE account_id = ANY(?)", accounts);
        List<String> outboxRows = Database.column(
                "SELECT id::text FROM outbox_event WHERE aggregatetype = 'account' AND aggregateid = ANY(?)", accounts);

        assertThat(requestRows).as("request rows: those the clients got a 202 for, once each")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(outboxRows).as("outbox rows: one per request row, none without one")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(requestRows);
        int committedUnheard = 0;
        for (Kill kill : kills) {
            List<Instant> written = writtenAt(kill.caught());
            assertThat(written).as("each request out when command-api was killed is written once").hasSize(kill.caught().size());
            committedUnheard += (int) written.stream().filter(at -> at.isBefore(kill.at())).count();
        }
        log.info("command-api crash test: {} accepted, {} refused, {} retried, capacity {}; {} decisions ({} legs) judged; "
                        + "{} requests caught by the kills, {} of them committed before the kill and answered only on retry",
                load.accepted(), load.refused(), load.retries(), load.capacity(), audit.verdict().decisionsJudged(),
                audit.verdict().legsJudged(), kills.stream().mapToInt(kill -> kill.caught().size()).sum(), committedUnheard);
        assertThat(load.retries()).as("requests sent again after a kill").isPositive();
        assertThat(load.refused()).as("requests refused (none of the load's may be)").isZero();
    }

    /** When each of these requests was written (its transaction's start), one row per key. */
    private static List<Instant> writtenAt(Set<String> idempotencyKeys) {
        return Database.column("SELECT (extract(epoch FROM created_at) * 1000000)::bigint FROM account_request "
                        + "WHERE idempotency_key = ANY(?)", (Object) idempotencyKeys.toArray(String[]::new)).stream()
                .map(micros -> Instant.EPOCH.plus(Duration.ofNanos(Long.parseLong(micros) * 1_000)))
                .toList();
    }
}
