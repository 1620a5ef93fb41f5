package io.cloudphone.ledger.api.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The invoice tables (V10__invoices.sql): each write in the caller's transaction, beside its outbox event. */
@Repository
class InvoiceRepository {

    record Invoice(String invoiceId, String orderId, UUID userId, String accountId, String currency, String state,
                   String number, Long totalMinor, Instant createdAt, Instant publishedAt) {
    }

    record Line(int lineNo, String description, long quantity, long unitMinor) {
    }

    private static final String INVOICE = """
            SELECT invoice_id, order_id, user_id, account_id, currency, state, number, total_minor, created_at,
                   published_at FROM invoice""";

    private final JdbcClient jdbc;

    InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Invoice invoice) {
        jdbc.sql("""
                        INSERT INTO invoice (invoice_id, order_id, user_id, account_id, currency, state, created_at)
                        VALUES (:invoiceId, :orderId, :userId, :accountId, :currency, 'DRAFT', :createdAt)""")
                .param("invoiceId", invoice.invoiceId()).param("orderId", invoice.orderId())
                .param("userId", invoice.userId()).param("accountId", invoice.accountId())
                .param("currency", invoice.currency()).param("createdAt", Timestamp.from(invoice.createdAt()))
                .update();
    }

    Optional<Invoice> find(String invoiceId) {
        return jdbc.sql(INVOICE + " WHERE invoice_id = :id").param("id", invoiceId).query(InvoiceRepository::invoice)
                .optional();
    }

    /** The invoice, locked until the transaction ends: edits, publishes and voids of one invoice take turns. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Invoice> lock(String invoiceId) {
        return jdbc.sql(INVOICE + " WHERE invoice_id = :id FOR UPDATE").param("id", invoiceId)
                .query(InvoiceRepository::invoice).optional();
    }

    List<Line> lines(String invoiceId) {
        return jdbc.sql("""
                        SELECT line_no, description, quantity, unit_minor FROM invoice_line
                        WHERE invoice_id = :id ORDER BY line_no""").param("id", invoiceId)
                .query((rs, n) -> new Line(rs.getInt("line_no"), rs.getString("description"),
                        rs.getLong("quantity"), rs.getLong("unit_minor"))).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void replaceLines(String invoiceId, List<Line> lines) {
        jdbc.sql("DELETE FROM invoice_line WHERE invoice_id = :id").param("id", invoiceId).update();
        for (Line line : lines) {
            jdbc.sql("""
                            INSERT INTO invoice_line (invoice_id, line_no, description, quantity, unit_minor)
                            VALUES (:id, :lineNo, :description, :quantity, :unit)""")
                    .param("id", invoiceId).param("lineNo", line.lineNo()).param("description", line.description())
                    .param("quantity", line.quantity()).param("unit", line.unitMinor()).update();
        }
    }

    /**
     * The year's next number. The row lock taken here is held until the publishing transaction ends, so numbers are
     * handed out in commit order and a rolled-back publish gives its number back: no gaps.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long nextNumber(int year) {
        return jdbc.sql("""
                        INSERT INTO invoice_number (year, last_number) VALUES (:year, 1)
                        ON CONFLICT (year) DO UPDATE SET last_number = invoice_number.last_number + 1
                        RETURNING last_number""").param("year", year).query(Long.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void publish(String invoiceId, String number, long totalMinor, Instant at) {
        jdbc.sql("""
                        UPDATE invoice SET state = 'PUBLISHED', number = :number, total_minor = :total,
                                           published_at = :at
                        WHERE invoice_id = :id AND state = 'DRAFT'""")
                .param("id", invoiceId).param("number", number).param("total", totalMinor)
                .param("at", Timestamp.from(at)).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void discard(String invoiceId) {
        jdbc.sql("UPDATE invoice SET state = 'VOID' WHERE invoice_id = :id AND state = 'DRAFT'").param("id", invoiceId)
                .update();
    }

    private static Invoice invoice(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Invoice(rs.getString("invoice_id"), rs.getString("order_id"), rs.getObject("user_id", UUID.class),
                rs.getString("account_id"), rs.getString("currency").strip(), rs.getString("state"),
                rs.getString("number"), rs.getObject("total_minor", Long.class),
                rs.getTimestamp("created_at").toInstant(), published == null ? null : published.toInstant());
    }
}
