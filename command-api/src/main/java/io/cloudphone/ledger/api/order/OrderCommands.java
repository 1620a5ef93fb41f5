package io.cloudphone.ledger.api.order;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.schemas.payment.CancelOrder;
import io.cloudphone.ledger.schemas.payment.OrderKind;
import io.cloudphone.ledger.schemas.payment.PayOrder;
import io.cloudphone.ledger.schemas.payment.PaymentMethod;
import io.cloudphone.ledger.schemas.payment.PlaceOrder;
import io.cloudphone.ledger.schemas.payment.ProviderName;
import io.cloudphone.ledger.schemas.payment.RequestRefund;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Writes each order command in ONE local transaction: its idempotency record, its rows, and its outbox event (topic
 * cpl.outbox.payment, keyed by order id). The payments app decides the transition later, in order per order; what
 * the tables alone can refuse (a second payment, a refund above the order's amount) is refused here at once.
 */
@Service
class OrderCommands {

    private final OrderRepository orders;
    private final OrderWrites writes;
    private final Clock clock = Clock.systemUTC();

    OrderCommands(OrderRepository orders, OrderWrites writes) {
        this.orders = orders;
        this.writes = writes;
    }

    OrderWrites.Submitted place(CurrentUser actor, String key, String accountId, OrderKind kind, long amountMinor,
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
        String orderId = OrderWrites.newId("ord-");
        String fingerprint = String.join("|", "PLACE", accountId, kind.name(), Long.toString(amountMinor), currency,
                description);
        Instant now = clock.instant();
        PlaceOrder place = PlaceOrder.newBuilder().setUserId(actor.userId().toString()).setAccountId(accountId)
                .setKind(kind).setAmountMinor(amountMinor).setCurrency(currency).setDescription(description)
                .setInvoiceId(null).build();
        return writes.write("order-place", actor, key, fingerprint, orderId, orderId, place, now, requestId ->
                orders.insertOrder(new OrderRepository.Order(orderId, actor.userId(), accountId, kind.name(),
                        amountMinor, currency, description, now)));
    }

    OrderWrites.Submitted pay(CurrentUser actor, String key, String orderId, PaymentMethod method, ProviderName provider) {
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
        String paymentId = OrderWrites.newId("pay-");
        String fingerprint = String.join("|", "PAY", orderId, method.name(), String.valueOf(provider));
        Instant now = clock.instant();
        PayOrder pay = PayOrder.newBuilder().setPaymentId(paymentId).setMethod(method).setProvider(provider).build();
        return writes.write("order-pay", actor, key, fingerprint, orderId, paymentId, pay, now, requestId -> {
            if (!orders.insertPayment(new OrderRepository.Payment(paymentId, orderId, method.name(),
                    provider == null ? null : provider.name(), requestId, now))) {
                throw new ApiProblem(CommandApiProblem.ORDER_HAS_A_PAYMENT, "order " + orderId + " has a payment: "
                        + orders.paymentOfOrder(orderId).map(OrderRepository.Payment::paymentId).orElse("?"));
            }
        });
    }

    OrderWrites.Submitted cancel(CurrentUser actor, String key, String orderId, String reason) {
        OrderRepository.Order order = visibleOrder(actor, orderId);
        if (!actor.is(order.userId()) && !actor.can(Permissions.LEDGER_ADJUST)) {
            throw ApiProblem.forbidden("only the customer or an operator (" + Permissions.LEDGER_ADJUST
                    + ") cancels order " + orderId);
        }
        String fingerprint = String.join("|", "CANCEL", orderId, reason);
        CancelOrder cancel = CancelOrder.newBuilder().setReason(reason).build();
        return writes.write("order-cancel", actor, key, fingerprint, orderId, orderId, cancel, clock.instant(),
                requestId -> { });
    }

    OrderWrites.Submitted refund(CurrentUser actor, String key, String paymentId, long amountMinor, String reason) {
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
        String refundId = OrderWrites.newId("rfd-");
        String fingerprint = String.join("|", "REFUND", paymentId, Long.toString(amountMinor), reason);
        Instant now = clock.instant();
        RequestRefund refund = RequestRefund.newBuilder().setRefundId(refundId).setAmountMinor(amountMinor)
                .setReason(reason).build();
        return writes.write("order-refund", actor, key, fingerprint, order.orderId(), refundId, refund, now, requestId ->
                orders.insertRefund(new OrderRepository.Refund(refundId, order.orderId(), paymentId, amountMinor,
                        reason, requestId, now), actor.userId()));
    }

    /** The order, if the caller may see it: its customer, or an operator ({@code account:read-any}); else 404. */
    OrderRepository.Order visibleOrder(CurrentUser actor, String orderId) {
        return orders.order(orderId)
                .filter(order -> actor.is(order.userId()) || actor.can(Permissions.ACCOUNT_READ_ANY))
                .orElseThrow(() -> ApiProblem.notFound("order " + orderId + " does not exist"));
    }
}
