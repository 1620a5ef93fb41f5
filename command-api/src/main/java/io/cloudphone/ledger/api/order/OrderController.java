package io.cloudphone.ledger.api.order;

import tools.jackson.databind.JsonNode;
import io.cloudphone.ledger.api.account.CommandInput;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.schemas.payment.OrderKind;
import io.cloudphone.ledger.schemas.payment.PaymentMethod;
import io.cloudphone.ledger.schemas.payment.ProviderName;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders, their one payment and their refunds. Every command is 202: recorded with its outbox event, decided by the
 * payments app, whose decision the GETs show (state, next action, the history of transitions).
 */
@RestController
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int DESCRIPTION_LENGTH_MAX = 500;

    record PlaceOrderBody(String accountId, String kind, BigDecimal amount, String currency, String description) {
    }

    record PayBody(String method, String provider) {
    }

    record CancelBody(String reason) {
    }

    record RefundBody(BigDecimal amount, String reason) {
    }

    /** The answer to every order command: RECEIVED, and where the payments app's decision will show. */
    record OrderAccepted(UUID requestId, String orderId, String paymentId, String refundId, String status,
                         URI statusUrl) {
    }

    private final OrderCommands commands;
    private final OrderViews views;

    OrderController(OrderCommands commands, OrderViews views) {
        this.commands = commands;
        this.views = views;
    }

    @Access("account:own, on an account the caller owns")
    @PostMapping("/v1/orders")
    ResponseEntity<OrderAccepted> place(CurrentUser actor, @RequestBody PlaceOrderBody body,
                                        @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        String accountId = CommandInput.accountId(body.accountId());
        OrderKind kind = choice(OrderKind.class, "kind", body.kind());
        long amountMinor = CommandInput.amountMinor(body.amount());
        String currency = CommandInput.currency(body.currency());
        String description = body.description() == null ? "" : body.description().strip();
        if (description.isEmpty() || description.length() > DESCRIPTION_LENGTH_MAX) {
            throw ApiProblem.invalid("description must be 1 to " + DESCRIPTION_LENGTH_MAX + " characters");
        }
        OrderWrites.Submitted placed = commands.place(actor, idempotencyKey, accountId, kind, amountMinor, currency,
                description);
        return accepted(placed, null, null);
    }

    @Access("the order's customer")
    @PostMapping("/v1/orders/{orderId}/payments")
    ResponseEntity<OrderAccepted> pay(CurrentUser actor, @PathVariable String orderId, @RequestBody PayBody body,
                                      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        PaymentMethod method = choice(PaymentMethod.class, "method", body.method());
        ProviderName provider = body.provider() == null ? null : choice(ProviderName.class, "provider",
                body.provider());
        OrderWrites.Submitted paid = commands.pay(actor, idempotencyKey, orderId, method, provider);
        return accepted(paid, paid.resourceId(), null);
    }

    @Access("the order's customer, or ledger:adjust (an operator)")
    @PostMapping("/v1/orders/{orderId}/cancel")
    ResponseEntity<OrderAccepted> cancel(CurrentUser actor, @PathVariable String orderId,
                                         @RequestBody(required = false) CancelBody body,
                                         @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        String reason = body == null || body.reason() == null ? "cancelled" : CommandInput.reason(body.reason());
        return accepted(commands.cancel(actor, idempotencyKey, orderId, reason), null, null);
    }

    @Access("the order's customer, or ledger:adjust (an operator)")
    @PostMapping("/v1/payments/{paymentId}/refunds")
    ResponseEntity<OrderAccepted> refund(CurrentUser actor, @PathVariable String paymentId,
                                         @RequestBody RefundBody body,
                                         @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        long amountMinor = CommandInput.amountMinor(body.amount());
        String reason = CommandInput.reason(body.reason());
        OrderWrites.Submitted refund = commands.refund(actor, idempotencyKey, paymentId, amountMinor, reason);
        return accepted(refund, paymentId, refund.resourceId());
    }

    @Access("the order's customer, or account:read-any (anyone else gets 404)")
    @GetMapping("/v1/orders/{orderId}")
    ResponseEntity<JsonNode> order(CurrentUser actor, @PathVariable String orderId) {
        return ResponseEntity.ok(views.order(commands.visibleOrder(actor, orderId)));
    }

    @Access("the order's customer, or account:read-any (anyone else gets 404)")
    @GetMapping("/v1/payments/{paymentId}")
    ResponseEntity<JsonNode> payment(CurrentUser actor, @PathVariable String paymentId) {
        OrderRepository.Payment payment = views.payment(paymentId);
        return ResponseEntity.ok(views.payment(commands.visibleOrder(actor, payment.orderId()), payment));
    }

    @Access("the order's customer, or account:read-any (anyone else gets 404)")
    @GetMapping("/v1/refunds/{refundId}")
    ResponseEntity<JsonNode> refund(CurrentUser actor, @PathVariable String refundId) {
        OrderRepository.Refund refund = views.refund(refundId);
        return ResponseEntity.ok(views.refund(commands.visibleOrder(actor, refund.orderId()), refund));
    }

    private static ResponseEntity<OrderAccepted> accepted(OrderWrites.Submitted submitted, String paymentId,
                                                          String refundId) {
        URI statusUrl = URI.create(refundId != null ? "/v1/refunds/" + refundId
                : paymentId != null ? "/v1/payments/" + paymentId : "/v1/orders/" + submitted.orderId());
        return ResponseEntity.accepted().location(statusUrl).body(new OrderAccepted(submitted.requestId(),
                submitted.orderId(), paymentId, refundId, OrderViews.RECEIVED, statusUrl));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ApiProblem.invalid(field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", was "
                + (value == null ? "nothing" : "'" + value + "'"));
    }
}
