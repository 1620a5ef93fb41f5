package io.cloudphone.ledger.bench;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole benchmark, in one run on one machine, against a running system (infra/bin/bench starts one): the
 * replaced platform's row-lock baseline with pgbench, the REST API end to end on a hot account and spread over 10,000
 * accounts, latency at a steady 500 requests/s, and the ledger topology alone with exactly_once_v2 and
 * at_least_once. Prints a report and writes it to the file named by the first argument.
 */
public final class BenchMain {

    static final int CLIENTS = 64;
    static final int SPREAD_ACCOUNTS = 10_000;
    static final int STEADY_RATE = 500;
    static final int LEDGER_ALONE_ACCOUNTS = 10_000;
    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

    private final Settings settings;
    private final Report report;

    /** What the run measures and against what; from the environment bin/bench sets. */
    record Settings(String apiUrl, String kafkaBootstrap, String registryUrl, String pgHost, int pgPort, String pgUser,
                    String pgPassword, Path stateDir, Path benchDir, int repeat, Duration loadDuration,
                    Duration baselineDuration, Duration steadyDuration, long ledgerAloneRecords, Duration warmUp) {

        static Settings fromEnvironment(boolean quick) {
            Map<String, String> env = System.getenv();
            int repeat = Integer.parseInt(env.getOrDefault("CPL_BENCH_REPEAT", quick ? "1" : "3"));
            return new Settings("http://127.0.0.1:" + env.getOrDefault("CPL_API_PORT", "8080"),
                    "127.0.0.1:" + env.getOrDefault("CPL_KAFKA_PORT", "59092"),
                    "http://127.0.0.1:" + env.getOrDefault("CPL_REGISTRY_PORT", "58081") + "/apis/ccompat/v7",
                    "127.0.0.1", Integer.parseInt(env.getOrDefault("CPL_PG_PORT", "55432")),
                    env.getOrDefault("CPL_PG_USER", "ledger"), env.getOrDefault("CPL_PG_PASSWORD", "ledger"),
                    Path.of(env.getOrDefault("CPL_STATE_DIR", ".stack")), Path.of(env.getOrDefault("CPL_BENCH_DIR",
                    "infra/bench")), repeat, Duration.ofSeconds(quick ? 8 : 20), Duration.ofSeconds(quick ? 8 : 15),
                    Duration.ofSeconds(quick ? 10 : 30), quick ? 60_000 : 300_000, Duration.ofSeconds(quick ? 10 : 30));
        }
    }

    private BenchMain(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    /** {@code [report file] [--quick] [--only=rest|ledger-alone] [--append]} */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "infra/bench/target/reports/report.md");
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        Settings settings = Settings.fromEnvironment(quick);
        Report report = new Report(settings);
        BenchMain bench = new BenchMain(settings, report);
        if (options.contains("--only=ledger-alone")) {
            bench.runLedgerAlone(new Topics(new RestSchemaRegistryClient(settings.registryUrl())));
        } else if (options.contains("--only=rest")) {
            bench.runRest(new Topics(new RestSchemaRegistryClient(settings.registryUrl())));
        } else {
            bench.runAll();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (options.contains("--append")) {
            Files.writeString(out, report.markdown(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } else {
            Files.writeString(out, report.markdown());
        }
        System.out.println(report.markdown());
        System.out.println("bench: report written to " + out);
    }

    private void runAll() throws Exception {
        Topics topics = new Topics(new RestSchemaRegistryClient(settings.registryUrl()));
        runRest(topics);
        runLedgerAlone(topics);
    }

    /** The row-lock baseline and the REST scenarios, side by side. */
    private void runRest(Topics topics) throws Exception {
        RowLockBaseline baseline = new RowLockBaseline(settings.benchDir(), settings.pgHost(), settings.pgPort(),
                settings.pgUser(), settings.pgPassword());
        baseline.setUp();
        BenchApi api = new BenchApi(settings.apiUrl()).logInAsNewUser();
        String hot = api.openAccount();
        List<String> spread = openAccounts(api, SPREAD_ACCOUNTS);
        try (DecisionWatcher watcher = DecisionWatcher.onLedgerDecisions(settings.kafkaBootstrap(), topics)) {
            awaitOpened(api, hot, spread);
            // Fresh JVMs run interpreted code for a while: the first seconds of load measure the JIT, not the system.
            progress("warming up: REST on the hot account for %d s (not measured)", settings.warmUp().toSeconds());
            RestLoad.closedLoop("warm-up", api, List.of(hot), CLIENTS, settings.warmUp(), watcher, cpu(), DRAIN_TIMEOUT);
            for (int round = 1; round <= settings.repeat(); round++) {
                progress("round %d of %d: row-lock baseline, hot account", round, settings.repeat());
                report.baseline(baseline.run(1, CLIENTS, settings.baselineDuration()));
                progress("round %d of %d: REST end to end, hot account, %d clients", round, settings.repeat(), CLIENTS);
                report.rest(RestLoad.closedLoop("hot", api, List.of(hot), CLIENTS, settings.loadDuration(), watcher,
                        cpu(), DRAIN_TIMEOUT));
            }
            progress("row-lock baseline, 10,000 accounts");
            report.baseline(baseline.run(SPREAD_ACCOUNTS, CLIENTS, settings.baselineDuration()));
            progress("REST end to end, 10,000 accounts, %d clients", CLIENTS);
            report.rest(RestLoad.closedLoop("spread", api, spread, CLIENTS, settings.loadDuration(), watcher, cpu(),
                    DRAIN_TIMEOUT));
            progress("REST end to end, steady %d requests/s", STEADY_RATE);
            report.rest(RestLoad.openLoop("steady-" + STEADY_RATE, api, spread, STEADY_RATE, settings.steadyDuration(),
                    watcher, cpu(), DRAIN_TIMEOUT));
        }
    }

    private void runLedgerAlone(Topics topics) throws Exception {
        LedgerAloneBench ledger = new LedgerAloneBench(settings.kafkaBootstrap(), topics);
        progress("ledger alone: filling a topic with %d commands", settings.ledgerAloneRecords());
        ledger.prefill(LEDGER_ALONE_ACCOUNTS, settings.ledgerAloneRecords());
        for (int round = 1; round <= settings.repeat(); round++) {
            for (String guarantee : List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE)) {
                progress("round %d of %d: ledger alone, %s", round, settings.repeat(), guarantee);
                report.ledgerAlone(ledger.run(guarantee, cpu()));
            }
        }
    }

    /** Opens accounts with a few parallel clients; the ledger opens them asynchronously. */
    private static List<String> openAccounts(BenchApi api, int count) throws Exception {
        progress("opening %d accounts", count);
        List<String> accounts = new ArrayList<>(count);
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            List<Future<String>> opened = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                opened.add(clients.submit(api::openAccount));
            }
            for (Future<String> account : opened) {
                accounts.add(account.get());
            }
        }
        return accounts;
    }

    /** Until the ledger has opened every account (read back through the API, which asks the ledger). */
    private static void awaitOpened(BenchApi api, String hot, List<String> spread) throws Exception {
        progress("waiting for the ledger to open %d accounts", spread.size() + 1);
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        List<String> pending = new ArrayList<>(spread);
        pending.add(hot);
        while (!pending.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the ledger did not open " + pending.size() + " accounts within "
                        + DRAIN_TIMEOUT);
            }
            // Newest first: once the last ones are open, the earlier ones on their partitions are too.
            String account = pending.getLast();
            if (api.get("/v1/accounts/" + account + "/balance").path("version").asLong() >= 1) {
                pending.removeLast();
            } else {
                TimeUnit.MILLISECONDS.sleep(100); // polling the ledger's query API; nothing to wait on instead
            }
        }
    }

    private CpuSampler cpu() {
        return CpuSampler.forStateDir(settings.stateDir());
    }

    private static void progress(String format, Object... arguments) {
        System.err.printf("bench: " + format + "%n", arguments);
    }
}
