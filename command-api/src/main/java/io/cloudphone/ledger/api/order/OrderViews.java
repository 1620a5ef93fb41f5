package io.cloudphone.ledger.api.order;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import io.cloudphone.ledger.api.system.ApiProblem;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the GETs answer: the facts command-api recorded, and what the payments app decided of them (state, since
 * when, deadline, next action, the history of transitions). Until the payments app has seen the order, its state
 * is {@code RECEIVED}: accepted here, not decided yet; a payment or refund it refused is {@code REJECTED}, with its
 * code and reason.
 */
@Component
class OrderViews {

    static final String RECEIVED = "RECEIVED";
    static final String REJECTED = "REJECTED";

    private final OrderRepository orders;
    private final PaymentsQueryClient payments;
    private final JsonMapper json;

    OrderViews(OrderRepository orders, PaymentsQueryClient payments, JsonMapper json) {
        this.orders = orders;
        this.payments = payments;
        this.json = json;
    }

    OrderRepository.Payment payment(String paymentId) {
        return orders.payment(paymentId).orElseThrow(() -> ApiProblem.notFound("payment " + paymentId
                + " does not exist"));
    }

    OrderRepository.Refund refund(String refundId) {
        return orders.refund(refundId).orElseThrow(() -> ApiProblem.notFound("refund " + refundId
                + " does not exist"));
    }

    JsonNode order(OrderRepository.Order order) {
        Optional<JsonNode> decided = payments.orderCase(order.orderId());
        ObjectNode view = json.createObjectNode();
        view.put("orderId", order.orderId());
        view.put("accountId", order.accountId());
        view.put("kind", order.kind());
        view.put("amountMinor", order.amountMinor());
        view.put("currency", order.currency());
        view.put("description", order.description());
        view.put("createdAt", order.createdAt().toString());
        life(view, decided.map(c -> c.path("order")));
        view.set("payment", orders.paymentOfOrder(order.orderId())
                .<JsonNode>map(payment -> paymentNode(payment, decided)).orElse(json.nullNode()));
        ArrayNode refunds = view.putArray("refunds");
        java.util.Set<String> requested = new java.util.HashSet<>();
        orders.refundsOfOrder(order.orderId()).forEach(refund -> {
            requested.add(refund.refundId());
            refunds.add(refundNode(refund, decided));
        });
        // The payments app's own refunds (a success after the order was cancelled) exist only in its case.
        decided.ifPresent(c -> stream(c.path("refunds")).filter(r -> !requested.contains(r.path("refundId").asString()))
                .forEach(automatic -> {
                    ObjectNode node = refunds.addObject();
                    node.put("refundId", automatic.path("refundId").asString());
                    node.put("orderId", order.orderId());
                    node.set("amountMinor", automatic.path("amountMinor"));
                    node.set("reason", automatic.path("reason"));
                    node.put("automatic", true);
                    life(node, Optional.of(automatic));
                }));
        view.set("history", decided.map(c -> c.path("history")).orElse(json.createArrayNode()));
        view.set("rejections", decided.map(c -> c.path("rejections")).orElse(json.createArrayNode()));
        return view;
    }

    JsonNode payment(OrderRepository.Order order, OrderRepository.Payment payment) {
        Optional<JsonNode> decided = payments.orderCase(order.orderId());
        ObjectNode view = paymentNode(payment, decided);
        view.put("amountMinor", order.amountMinor());
        view.put("currency", order.currency());
        view.set("history", history(decided, "PAYMENT", payment.paymentId()));
        return view;
    }

    JsonNode refund(OrderRepository.Order order, OrderRepository.Refund refund) {
        Optional<JsonNode> decided = payments.orderCase(order.orderId());
        ObjectNode view = refundNode(refund, decided);
        view.put("currency", order.currency());
        view.set("history", history(decided, "REFUND", refund.refundId()));
        return view;
    }

    private ObjectNode paymentNode(OrderRepository.Payment payment, Optional<JsonNode> decided) {
        ObjectNode view = json.createObjectNode();
        view.put("paymentId", payment.paymentId());
        view.put("orderId", payment.orderId());
        view.put("method", payment.method());
        view.put("provider", payment.provider());
        view.put("createdAt", payment.createdAt().toString());
        Optional<JsonNode> decidedPayment = decided.map(c -> c.path("payment"))
                .filter(p -> payment.paymentId().equals(p.path("paymentId").asString()));
        view.put("capturedMinor", decidedPayment.map(p -> p.path("capturedMinor").asLong()).orElse(0L));
        life(view, decidedPayment);
        refused(view, decided, payment.requestId().toString());
        return view;
    }

    private ObjectNode refundNode(OrderRepository.Refund refund, Optional<JsonNode> decided) {
        ObjectNode view = json.createObjectNode();
        view.put("refundId", refund.refundId());
        view.put("orderId", refund.orderId());
        view.put("paymentId", refund.paymentId());
        view.put("amountMinor", refund.amountMinor());
        view.put("reason", refund.reason());
        view.put("createdAt", refund.createdAt().toString());
        Optional<JsonNode> decidedRefund = decided.flatMap(c -> stream(c.path("refunds"))
                .filter(r -> refund.refundId().equals(r.path("refundId").asString())).findFirst());
        life(view, decidedRefund);
        refused(view, decided, refund.requestId().toString());
        return view;
    }

    /** State, since, deadline and next action as the payments app decided them; RECEIVED until it has. */
    private static void life(ObjectNode view, Optional<JsonNode> decided) {
        Optional<JsonNode> life = decided.map(node -> node.path("life")).filter(JsonNode::isObject);
        view.put("state", life.map(l -> l.path("state").asString()).orElse(RECEIVED));
        life.ifPresent(l -> {
            view.set("stateSince", l.path("since"));
            view.set("deadlineAt", l.path("deadlineAt"));
            view.set("nextAction", l.path("nextAction"));
        });
    }

    /**
     * A request the payments app refused never becomes an aggregate: its state is REJECTED, with the app's code and
     * reason, instead of RECEIVED for ever.
     */
    private static void refused(ObjectNode view, Optional<JsonNode> decided, String requestId) {
        if (!RECEIVED.equals(view.path("state").asString())) {
            return;
        }
        decided.flatMap(c -> stream(c.path("rejections")).filter(r -> requestId.equals(r.path("eventId").asString()))
                .findFirst()).ifPresent(rejection -> {
                    view.put("state", REJECTED);
                    view.set("rejection", rejection);
                });
    }

    private ArrayNode history(Optional<JsonNode> decided, String aggregate, String id) {
        ArrayNode history = json.createArrayNode();
        decided.ifPresent(c -> stream(c.path("history")).filter(t -> aggregate.equals(t.path("aggregate").asString())
                && id.equals(t.path("aggregateId").asString())).forEach(history::add));
        return history;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
