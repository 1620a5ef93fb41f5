package io.cloudphone.ledger.api.order;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.schemas.payment.CancelOrder;
import io.cloudphone.ledger.schemas.payment.OrderKind;
import io.cloudphone.ledger.schemas.payment.PayOrder;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.payment.PaymentMethod;
import io.cloudphone.ledger.schemas.payment.PlaceOrder;
import io.cloudphone.ledger.schemas.payment.ProviderName;
import io.cloudphone.ledger.schemas.payment.RequestRefund;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Writes each order command in ONE local transaction: its idempotency record, its rows, and its outbox event (topic
 * cpl.outbox.payment, keyed by order id). The payments app decides the transition later, in order per order; what
 * the tables alone can refuse (a second payment, a refund above the order's amount) is refused here at once.
 */
@Service
class OrderCommands {

    /** A recorded command: the first request's answer when the Idempotency-Key was used before. */
    record Submitted(UUID requestId, String orderId, String resourceId, boolean replayed) {
    }

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_RANDOM_LENGTH = 24;

    private final OrderRepository orders;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final TransactionRunner transactions;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    OrderCommands(OrderRepository orders, OutboxWriter outbox, OutboxDestinations destinations,
                  TransactionRunner transactions) {
        this.orders = orders;
        this.outbox = outbox;
        this.destinations = destinations;
        this.transactions = transactions;
    }

    Submitted place(CurrentUser actor, String key, String accountId, OrderKind kind, long amountMinor,
                    String currency, String description) {
        if (!actor.can(Permissions.ACCOUNT_OWN)) {
            throw ApiProblem.forbidden("placing an order needs " + Permissions.ACCOUNT_OWN);
        }
        OrderRepository.AccountFacts account = orders.account(accountId)
                .filter(facts -> actor.is(facts.ownerId()))
                .orElseThrow(() -> ApiProblem.notFound("account " + accountId + " does not exist"));
        if (!account.currency().equals(currency)) {
            throw ApiProblem.invalid("account " + accountId + " is in " + account.currency() + ", not " + currency);
        }
        String orderId = newId("ord-");
        String fingerprint = String.join("|", "PLACE", accountId, kind.name(), Long.toString(amountMinor), currency,
                description);
        Instant now = clock.instant();
        PlaceOrder place = PlaceOrder.newBuilder().setUserId(actor.userId().toString()).setAccountId(accountId)
                .setKind(kind).setAmountMinor(amountMinor).setCurrency(currency).setDescription(description)
                .setInvoiceId(null).build();
        return write("order-place", actor, key, fingerprint, orderId, orderId, place, now, requestId ->
                orders.insertOrder(new OrderRepository.Order(orderId, actor.userId(), accountId, kind.name(),
                        amountMinor, currency, description, now)));
    }

    Submitted pay(CurrentUser actor, String key, String orderId, PaymentMethod method, ProviderName provider) {
        OrderRepository.Order order = visibleOrder(actor, orderId);
        if (!actor.is(order.userId())) {
            throw ApiProblem.forbidden("only the customer who placed order " + orderId + " pays it");
        }
        if (method == PaymentMethod.PROVIDER && provider == null) {
            throw ApiProblem.invalid("a PROVIDER payment names its provider: WECHAT_PAY, ALIPAY or STRIPE");
        }
        if (method == PaymentMethod.BALANCE && provider != null) {
            throw ApiProblem.invalid("a BALANCE payment names no provider");
        }
        if (method == PaymentMethod.BALANCE && OrderKind.TOP_UP.name().equals(order.kind())) {
            throw ApiProblem.invalid("a TOP_UP adds to the balance: it cannot be paid from it");
        }
        String paymentId = newId("pay-");
        String fingerprint = String.join("|", "PAY", orderId, method.name(), String.valueOf(provider));
        Instant now = clock.instant();
        PayOrder pay = PayOrder.newBuilder().setPaymentId(paymentId).setMethod(method).setProvider(provider).build();
        return write("order-pay", actor, key, fingerprint, orderId, paymentId, pay, now, requestId -> {
            if (!orders.insertPayment(new OrderRepository.Payment(paymentId, orderId, method.name(),
                    provider == null ? null : provider.name(), requestId, now))) {
                throw new ApiProblem(CommandApiProblem.ORDER_HAS_A_PAYMENT, "order " + orderId + " has a payment: "
                        + orders.paymentOfOrder(orderId).map(OrderRepository.Payment::paymentId).orElse("?"));
            }
        });
    }

    Submitted cancel(CurrentUser actor, String key, String orderId, String reason) {
        OrderRepository.Order order = visibleOrder(actor, orderId);
        if (!actor.is(order.userId()) && !actor.can(Permissions.LEDGER_ADJUST)) {
            throw ApiProblem.forbidden("only the customer or an operator (" + Permissions.LEDGER_ADJUST
                    + ") cancels order " + orderId);
        }
        String fingerprint = String.join("|", "CANCEL", orderId, reason);
        CancelOrder cancel = CancelOrder.newBuilder().setReason(reason).build();
        return write("order-cancel", actor, key, fingerprint, orderId, orderId, cancel, clock.instant(),
                requestId -> { });
    }

    Submitted refund(CurrentUser actor, String key, String paymentId, long amountMinor, String reason) {
        OrderRepository.Payment payment = orders.payment(paymentId)
                .orElseThrow(() -> ApiProblem.notFound("payment " + paymentId + " does not exist"));
        OrderRepository.Order order = visibleOrder(actor, payment.orderId());
        if (!actor.is(order.userId()) && !actor.can(Permissions.LEDGER_ADJUST)) {
            throw ApiProblem.forbidden("only the customer or an operator (" + Permissions.LEDGER_ADJUST
                    + ") refunds payment " + paymentId);
        }
        if (amountMinor > order.amountMinor()) {
            throw new ApiProblem(CommandApiProblem.NOT_REFUNDABLE, "refund of " + amountMinor + " exceeds order "
                    + order.orderId() + "'s amount " + order.amountMinor());
        }
        String refundId = newId("rfd-");
        String fingerprint = String.join("|", "REFUND", paymentId, Long.toString(amountMinor), reason);
        Instant now = clock.instant();
        RequestRefund refund = RequestRefund.newBuilder().setRefundId(refundId).setAmountMinor(amountMinor)
                .setReason(reason).build();
        return write("order-refund", actor, key, fingerprint, order.orderId(), refundId, refund, now, requestId ->
                orders.insertRefund(new OrderRepository.Refund(refundId, order.orderId(), paymentId, amountMinor,
                        reason, requestId, now), actor.userId()));
    }

    /** The order, if the caller may see it: its customer, or an operator ({@code account:read-any}); else 404. */
    OrderRepository.Order visibleOrder(CurrentUser actor, String orderId) {
        return orders.order(orderId)
                .filter(order -> actor.is(order.userId()) || actor.can(Permissions.ACCOUNT_READ_ANY))
                .orElseThrow(() -> ApiProblem.notFound("order " + orderId + " does not exist"));
    }

    /**
     * The idempotency record, the rows and the outbox event, in one transaction. A key used before answers the first
     * request, whose rows and event exist already; the same key with another body is 409. The payload is serialized
     * before the transaction opens, so a slow registry never holds a database connection.
     */
    private Submitted write(String name, CurrentUser actor, String key, String fingerprint, String orderId,
                            String resourceId, Object command, Instant now, Consumer<UUID> rows) {
        UUID requestId = UUID.randomUUID();
        PaymentCommand event = PaymentCommand.newBuilder().setEventId(requestId.toString()).setOrderId(orderId)
                .setOccurredAt(now).setActorId(actor.userId().toString()).setCommand(command).build();
        byte[] payload = destinations.payment().payload(event);
        return transactions.inTransaction(name, status -> {
            if (!orders.insertRequest(requestId, actor.userId(), key, fingerprint, orderId, resourceId)) {
                OrderRepository.StoredRequest first = orders.requestByKey(actor.userId(), key).orElseThrow(
                        () -> new IllegalStateException("idempotency key " + key + " conflicted but is not stored"));
                if (!first.fingerprint().equals(fingerprint)) {
                    throw new ApiProblem(CommandApiProblem.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key
                            + " was used for a different request");
                }
                return new Submitted(first.requestId(), first.orderId(), first.resourceId(), true);
            }
            rows.accept(requestId);
            outbox.append(new io.cloudphone.ledger.api.outbox.OutboxEvent(requestId, destinations.payment(), orderId,
                    command.getClass().getSimpleName(), payload));
            return new Submitted(requestId, orderId, resourceId, false);
        });
    }

    /** A merchant number: the prefix and 24 random base-36 characters (28 of the 32 providers allow). */
    private String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < ID_RANDOM_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString().toLowerCase(Locale.ROOT);
    }
}
