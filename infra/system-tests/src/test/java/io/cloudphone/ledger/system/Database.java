package io.cloudphone.ledger.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the stack's PostgreSQL directly, to check what a request did or did not write. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(LocalStack.jdbcUrl(), "ledger", "ledger");
    }

    /** The first column of the single row of a query such as {@code SELECT count(*) ...}. */
    public static long count(String sql, Object... parameters) {
        List<String> values = column(sql, parameters);
        if (values.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", got " + values.size());
        }
        return Long.parseLong(values.getFirst());
    }

    /** The first column of every row, as text. */
    public static List<String> column(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs one write statement, as a test's stand-in for time passing or an operator's fix; the rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Outbox rows of one aggregate, by event type, oldest first. */
    public static List<String> outboxTypes(String aggregateType, String aggregateId) {
        return column("SELECT type FROM outbox_event WHERE aggregatetype = ? AND aggregateid = ? ORDER BY created_at, type",
                aggregateType, aggregateId);
    }
}
