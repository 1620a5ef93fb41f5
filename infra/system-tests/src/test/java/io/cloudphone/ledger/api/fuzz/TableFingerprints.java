package io.cloudphone.ledger.api.fuzz;

import io.cloudphone.ledger.system.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table of command-api's schema (Flyway's history aside), fingerprinted: whether a request changed a row.
 *
 * <p>A fingerprint is each table's row count and the sum of its rows' 64-bit hashes: order-free, so no sort, and
 * linear in the rows. It is computed again only after a transaction that may have written has ended: the text of
 * PostgreSQL's current snapshot (xmin:xmax:running xids) changes with every transaction that got an xid, which a
 * transaction needs for any write and a read never takes. So the requests that write nothing (most of them) cost one
 * short query before and one after, not a scan of every table.
 */
final class TableFingerprints implements AutoCloseable {

    /**
     * What a refused log-in (401) writes, on purpose: the consecutive-failure count and the lock in {@code app_user}
     * (one UPDATE, LoginAttempts), and, when that failure sets a lock, the {@code UserLocked} event in the user's event
     * store and the outbox, whose append moves {@code app_user.version} (LoginService.recordFailure). Lockout is the
     * point of counting refusals, so for a refused log-in these, and only these, are left out of the comparison.
     */
    private static final List<String> WRITTEN_BY_A_REFUSED_LOG_IN_IN_APP_USER = List.of("failed_login_count",
            "locked_until", "version");
    private static final Map<String, String> REFUSED_LOG_IN_ROWS = Map.of(
            "user_event", "SELECT * FROM user_event WHERE type <> 'UserLocked'",
            "outbox_event", "SELECT * FROM outbox_event WHERE type <> 'UserLocked'");
    private static final String BUT_A_REFUSED_LOG_IN = " (but what a refused log-in writes)";

    /** @param transactions the snapshot's text when the fingerprint was taken */
    record Fingerprint(String transactions, Map<String, String> tables) {
    }

    private final Connection db;
    private final String query;
    private Fingerprint last;

    private TableFingerprints(Connection db, String query) {
        this.db = db;
        this.query = query;
    }

    static TableFingerprints open() throws SQLException {
        Connection db = Database.connect();
        return new TableFingerprints(db, query());
    }

    /** The fingerprint now; the last one again while no transaction has ended since. */
    Fingerprint current() throws SQLException {
        if (last == null || !last.transactions().equals(transactions())) {
            last = fingerprint();
        }
        return last;
    }

    /**
     * The tables whose rows differ from {@code before}; empty when nothing changed.
     *
     * @param refusedLogIn compare without what a refused log-in writes on purpose
     */
    List<String> changedSince(Fingerprint before, boolean refusedLogIn) throws SQLException {
        Fingerprint after = current();
        List<String> changed = new ArrayList<>();
        before.tables().forEach((part, rows) -> {
            boolean compared = refusedLogIn ? !before.tables().containsKey(part + BUT_A_REFUSED_LOG_IN)
                    : !part.endsWith(BUT_A_REFUSED_LOG_IN);
            if (compared && !rows.equals(after.tables().get(part))) {
                changed.add(part);
            }
        });
        return changed;
    }

    private String transactions() throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_current_snapshot()::text")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Reads the snapshot's text first: a transaction ending in between makes the next check compute again, never less. */
    private Fingerprint fingerprint() throws SQLException {
        String transactions = transactions();
        Map<String, String> tables = new LinkedHashMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                tables.put(rows.getString(1), rows.getString(2));
            }
        }
        return new Fingerprint(transactions, tables);
    }

    private static String query() {
        List<String> parts = new ArrayList<>();
        for (String table : tables()) {
            parts.add(part(table, "SELECT * FROM " + table));
        }
        parts.add(part("app_user" + BUT_A_REFUSED_LOG_IN, "SELECT " + String.join(", ", appUserColumnsKept())
                + " FROM app_user"));
        REFUSED_LOG_IN_ROWS.forEach((table, rows) -> parts.add(part(table + BUT_A_REFUSED_LOG_IN, rows)));
        return String.join("\nUNION ALL\n", parts);
    }

    private static String part(String name, String rows) {
        return "SELECT '%s', count(*) || '/' || coalesce(sum(hashtextextended(r::text, 0)), 0) FROM (%s) r"
                .formatted(name, rows);
    }

    private static List<String> tables() {
        return Database.column("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  AND table_name <> 'flyway_schema_history' ORDER BY table_name""");
    }

    private static List<String> appUserColumnsKept() {
        return Database.column("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'app_user' ORDER BY ordinal_position""")
                .stream().filter(column -> !WRITTEN_BY_A_REFUSED_LOG_IN_IN_APP_USER.contains(column)).toList();
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
