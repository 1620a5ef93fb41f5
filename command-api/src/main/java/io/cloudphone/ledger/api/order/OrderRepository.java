package io.cloudphone.ledger.api.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The order tables (V9__orders.sql): each write in the caller's transaction, beside its outbox event. */
@Repository
class OrderRepository {

    record Order(String orderId, UUID userId, String accountId, String kind, long amountMinor, String currency,
                 String description, Instant createdAt) {
    }

    record Payment(String paymentId, String orderId, String method, String provider, UUID requestId,
                   Instant createdAt) {
    }

    record Refund(String refundId, String orderId, String paymentId, long amountMinor, String reason,
                  UUID requestId, Instant createdAt) {
    }

    /** The first request made under an Idempotency-Key. */
    record StoredRequest(UUID requestId, String fingerprint, String orderId, String resourceId) {
    }

    /** An account's owner and currency, for the order's checks. */
    record AccountFacts(UUID ownerId, String currency) {
    }

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountFacts> account(String accountId) {
        return jdbc.sql("SELECT owner_id, currency FROM account WHERE account_id = :id").param("id", accountId)
                .query((rs, n) -> new AccountFacts(rs.getObject("owner_id", UUID.class), rs.getString("currency")))
                .optional();
    }

    /** Records the request under its key, unless the key was used: then false, and the first one stands. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean insertRequest(UUID requestId, UUID userId, String key, String fingerprint, String orderId,
                          String resourceId) {
        return jdbc.sql("""
                        INSERT INTO order_request (request_id, user_id, idempotency_key, request_fingerprint, order_id,
                                                   resource_id)
                        VALUES (:requestId, :userId, :key, :fingerprint, :orderId, :resourceId)
                        ON CONFLICT (user_id, idempotency_key) DO NOTHING""")
                .param("requestId", requestId).param("userId", userId).param("key", key)
                .param("fingerprint", fingerprint).param("orderId", orderId).param("resourceId", resourceId)
                .update() == 1;
    }

    Optional<StoredRequest> requestByKey(UUID userId, String key) {
        return jdbc.sql("""
                        SELECT request_id, request_fingerprint, order_id, resource_id FROM order_request
                        WHERE user_id = :userId AND idempotency_key = :key""")
                .param("userId", userId).param("key", key)
                .query((rs, n) -> new StoredRequest(rs.getObject("request_id", UUID.class),
                        rs.getString("request_fingerprint"), rs.getString("order_id"), rs.getString("resource_id")))
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insertOrder(Order order) {
        jdbc.sql("""
                        INSERT INTO payment_order (order_id, user_id, account_id, kind, amount_minor, currency,
                                                   description, created_at)
                        VALUES (:orderId, :userId, :accountId, :kind, :amount, :currency, :description, :createdAt)""")
                .param("orderId", order.orderId()).param("userId", order.userId())
                .param("accountId", order.accountId()).param("kind", order.kind())
                .param("amount", order.amountMinor()).param("currency", order.currency())
                .param("description", order.description())
                .param("createdAt", java.sql.Timestamp.from(order.createdAt())).update();
    }

    /** The order's one payment, unless it has one: then false. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean insertPayment(Payment payment) {
        return jdbc.sql("""
                        INSERT INTO order_payment (payment_id, order_id, method, provider, request_id, created_at)
                        VALUES (:paymentId, :orderId, :method, :provider, :requestId, :createdAt)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("paymentId", payment.paymentId()).param("orderId", payment.orderId())
                .param("method", payment.method()).param("provider", payment.provider())
                .param("requestId", payment.requestId())
                .param("createdAt", java.sql.Timestamp.from(payment.createdAt())).update() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insertRefund(Refund refund, UUID requestedBy) {
        jdbc.sql("""
                        INSERT INTO order_refund (refund_id, order_id, payment_id, amount_minor, reason, requested_by,
                                                  request_id, created_at)
                        VALUES (:refundId, :orderId, :paymentId, :amount, :reason, :requestedBy, :requestId,
                                :createdAt)""")
                .param("refundId", refund.refundId()).param("orderId", refund.orderId())
                .param("paymentId", refund.paymentId()).param("amount", refund.amountMinor())
                .param("reason", refund.reason()).param("requestedBy", requestedBy)
                .param("requestId", refund.requestId())
                .param("createdAt", java.sql.Timestamp.from(refund.createdAt())).update();
    }

    /** Records a verified notification once: false for a resend. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean insertNotification(String provider, String notificationId, String orderId, byte[] body) {
        return jdbc.sql("""
                        INSERT INTO provider_notification (provider, notification_id, order_id, body)
                        VALUES (:provider, :id, :orderId, :body) ON CONFLICT DO NOTHING""")
                .param("provider", provider).param("id", notificationId).param("orderId", orderId)
                .param("body", body).update() == 1;
    }

    Optional<Order> order(String orderId) {
        return jdbc.sql("""
                        SELECT order_id, user_id, account_id, kind, amount_minor, currency, description, created_at
                        FROM payment_order WHERE order_id = :id""").param("id", orderId)
                .query((rs, n) -> new Order(rs.getString("order_id"), rs.getObject("user_id", UUID.class),
                        rs.getString("account_id"), rs.getString("kind"), rs.getLong("amount_minor"),
                        rs.getString("currency"), rs.getString("description"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    Optional<Payment> paymentOfOrder(String orderId) {
        return jdbc.sql(PAYMENT + " WHERE order_id = :id").param("id", orderId).query(OrderRepository::payment)
                .optional();
    }

    Optional<Payment> payment(String paymentId) {
        return jdbc.sql(PAYMENT + " WHERE payment_id = :id").param("id", paymentId).query(OrderRepository::payment)
                .optional();
    }

    Optional<Refund> refund(String refundId) {
        return jdbc.sql(REFUND + " WHERE refund_id = :id").param("id", refundId).query(OrderRepository::refund)
                .optional();
    }

    List<Refund> refundsOfOrder(String orderId) {
        return jdbc.sql(REFUND + " WHERE order_id = :id ORDER BY created_at, refund_id").param("id", orderId)
                .query(OrderRepository::refund).list();
    }

    private static final String PAYMENT =
            "SELECT payment_id, order_id, method, provider, request_id, created_at FROM order_payment";
    private static final String REFUND =
            "SELECT refund_id, order_id, payment_id, amount_minor, reason, request_id, created_at FROM order_refund";

    private static Payment payment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Payment(rs.getString("payment_id"), rs.getString("order_id"), rs.getString("method"),
                rs.getString("provider"), rs.getObject("request_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Refund refund(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Refund(rs.getString("refund_id"), rs.getString("order_id"), rs.getString("payment_id"),
                rs.getLong("amount_minor"), rs.getString("reason"), rs.getObject("request_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
