package io.cloudphone.ledger.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.api.fuzz.FuzzHttp.Answer;
import io.cloudphone.ledger.api.fuzz.FuzzOperations.Operation;
import io.cloudphone.ledger.api.fuzz.FuzzRequests.FuzzRequest;
import io.cloudphone.ledger.api.fuzz.TableFingerprints.Fingerprint;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of both apps' OpenAPI documents, sent generated requests (issue 11, Deliver 8): valid and broken
 * bodies, junk in paths and queries, missing, duplicated and oversized headers, tokens of every role, bad ones and
 * none. Whatever comes, the apps answer without a 5xx, every error is problem+json without internals, and a refused
 * request writes nothing. Bounded in requests and in time; the seed is printed, and one run is repeated with
 * {@code -Dcpl.fuzz.seed=<seed>}.
 */
@ExtendWith(RunningSystem.class)
class OpenApiFuzzIT {

    /** About two to three minutes on the 2-core CI machine at the default. */
    private static final int REQUESTS_PER_OPERATION = Integer.getInteger("cpl.fuzz.requests-per-operation", 200);
    /** However slow the machine: past this, nothing more is sent and what was sent is judged. */
    private static final Duration TIME_LIMIT = Duration.parse(System.getProperty("cpl.fuzz.time-limit", "PT5M"));
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    /**
     * What the documents declare today, less a margin for an operation merged or dropped: a document that lost its
     * operations would otherwise pass by sending nothing.
     */
    private static final int COMMAND_API_OPERATIONS_MIN = 35;
    private static final int LEDGER_OPERATIONS_MIN = 4;

    @Test
    void everyOperationAnswersGeneratedRequestsWithoutA5xxAndOnlyProblemJson(Apps apps) throws Exception {
        long seed = seed();
        System.out.printf("OpenApiFuzzIT: seed %d (again: -Dcpl.fuzz.seed=%d), %d requests per operation, at most %s%n",
                seed, seed, REQUESTS_PER_OPERATION, TIME_LIMIT);
        List<Operation> operations = operations(apps);
        FuzzRandom random = new FuzzRandom(seed);
        FuzzVerdicts verdicts = new FuzzVerdicts();
        Instant started = Instant.now();
        try (TableFingerprints database = TableFingerprints.open()) {
            FuzzFixtures fixtures = FuzzFixtures.create(apps.api(), random);
            new Run(new FuzzRequests(random, fixtures), fixtures, database, verdicts).sendAll(random, operations);
        }
        System.out.println(verdicts.table(Duration.between(started, Instant.now()), seed, REQUESTS_PER_OPERATION));
        writeFindings(verdicts);

        assertThat(verdicts.findings()).as(verdicts.summary()).isEmpty();
    }

    /** Every app's document, fetched as any client would (open, no token); each must declare what the apps serve. */
    private static List<Operation> operations(Apps apps) {
        List<Operation> commandApi = documented("command-api", apps.api());
        List<Operation> ledger = documented("ledger", apps.ledger().client());
        List<Operation> payments = documented("payments", apps.payments().client());
        assertThat(commandApi).as("command-api's operations").hasSizeGreaterThanOrEqualTo(COMMAND_API_OPERATIONS_MIN);
        assertThat(ledger).as("the ledger's operations").hasSizeGreaterThanOrEqualTo(LEDGER_OPERATIONS_MIN);
        assertThat(payments).as("the payments app's operations").hasSizeGreaterThanOrEqualTo(2);
        System.out.printf("OpenApiFuzzIT: %d operations of command-api, %d of the ledger, %d of the payments app%n",
                commandApi.size(), ledger.size(), payments.size());
        List<Operation> all = new ArrayList<>(commandApi);
        all.addAll(ledger);
        all.addAll(payments);
        return all;
    }

    private static List<Operation> documented(String app, ApiClient client) {
        ApiClient.Response document = client.get("/v3/api-docs");
        assertThat(document.status()).as(app + " /v3/api-docs: " + document.rawBody()).isEqualTo(200);
        assertThat(document.body().path("openapi").asText()).as(app + " OpenAPI version").startsWith("3.1");
        return FuzzOperations.of(app, client.baseUrl(), document.body());
    }

    private static long seed() {
        String configured = System.getProperty("cpl.fuzz.seed");
        return configured == null || configured.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(configured);
    }

    /** All findings, one per request, beside the failsafe reports: the failure message groups them. */
    private static void writeFindings(FuzzVerdicts verdicts) throws IOException {
        Path file = LocalStack.buildDir().resolve("failsafe-reports/OpenApiFuzzIT-findings.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, verdicts.findings().stream().map(Object::toString).collect(Collectors.joining("\n")));
        System.out.println("OpenApiFuzzIT: every finding in " + file);
    }

    /** One fuzzing run: rounds over every operation, in a new order each round, until the count or the time is up. */
    private record Run(FuzzRequests requests, FuzzFixtures fixtures, TableFingerprints database, FuzzVerdicts verdicts) {

        private static final FuzzHttp HTTP = new FuzzHttp();

        void sendAll(FuzzRandom random, List<Operation> operations) throws SQLException {
            Instant deadline = Instant.now().plus(TIME_LIMIT);
            Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
            for (int round = 0; round < REQUESTS_PER_OPERATION; round++) {
                for (Operation operation : random.shuffled(operations)) {
                    if (Instant.now().isAfter(deadline)) {
                        System.out.printf("OpenApiFuzzIT: time limit %s reached in round %d%n", TIME_LIMIT, round + 1);
                        return;
                    }
                    exchange(requests.next(operation));
                }
                if (Instant.now().isAfter(nextProgress)) {
                    System.out.printf("OpenApiFuzzIT: round %d, %d requests, %d findings%n", round + 1,
                            verdicts.requests(), verdicts.findings().size());
                    nextProgress = Instant.now().plus(PROGRESS_EVERY);
                }
            }
        }

        /** Sends one request and judges its answer; a refused one is held to having changed no row. */
        private void exchange(FuzzRequest request) throws SQLException {
            Fingerprint before = database.current();
            Answer answer = HTTP.send(request);
            verdicts.judge(request, answer);
            boolean wrote = answer.status() >= 200 && answer.status() < 300;
            if (answer.status() >= 400 || answer.status() < 0) {
                List<String> changed = database.changedSince(before, refusedLogIn(request, answer));
                if (!changed.isEmpty()) {
                    verdicts.changedWhenRefused(request, answer, changed);
                    wrote = true;
                }
            }
            if (wrote) {
                fixtures.afterWrite(request);
            }
        }

        private static boolean refusedLogIn(FuzzRequest request, Answer answer) {
            return answer.status() == 401 && request.method().equals("POST")
                    && request.operation().path().equals("/v1/auth/login");
        }
    }
}
