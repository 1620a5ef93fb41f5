package io.cloudphone.ledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replaced platform's row-lock pattern (SELECT ... FOR UPDATE, UPDATE, INSERT history) on the same PostgreSQL, run by
 * pgbench with the script kept in infra/bench: the baseline the ledger is compared with.
 */
final class RowLockBaseline {

    record Result(int accounts, int clients, double tps, double latencyMsAverage) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final Path benchDir;
    private final String jdbcUrl;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    RowLockBaseline(Path benchDir, String host, int port, String user, String password) {
        this.benchDir = benchDir;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/ledger";
    }

    /** Creates the bench_ tables afresh (10,000 balance rows). */
    void setUp() throws IOException, SQLException {
        String setup = Files.readString(benchDir.resolve("row-lock-setup.sql"), StandardCharsets.UTF_8);
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement statement = db.createStatement()) {
            statement.execute(setup);
        }
    }

    Result run(int accounts, int clients, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgbench().toString(), "-n", "-h", host, "-p", Integer.toString(port),
                "-U", user, "-c", Integer.toString(clients), "-j", "2", "-T", Long.toString(duration.toSeconds()),
                "-D", "accounts=" + accounts, "-f", benchDir.resolve("row-lock.pgbench").toString(), "ledger"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        return new Result(accounts, clients, number(TPS, output), number(LATENCY, output));
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ":\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** Debian's newest /usr/lib/postgresql/N/bin/pgbench (the launcher's PostgreSQL comes from there too). */
    private static Path pgbench() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no pgbench under /usr/lib/postgresql/*/bin"));
        }
    }
}
