package io.cloudphone.ledger.api.order;

import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An invoice as the GET answers it: what command-api holds (lines, number, total) and the state the payments app
 * decided (PENDING once published, PAID with its order, VOID), with the invoice's transitions.
 */
@Component
class InvoiceViews {

    private final InvoiceRepository invoices;
    private final PaymentsQueryClient payments;
    private final JsonMapper json;

    InvoiceViews(InvoiceRepository invoices, PaymentsQueryClient payments, JsonMapper json) {
        this.invoices = invoices;
        this.payments = payments;
        this.json = json;
    }

    JsonNode invoice(InvoiceRepository.Invoice invoice) {
        ObjectNode view = json.createObjectNode();
        view.put("invoiceId", invoice.invoiceId());
        view.put("orderId", invoice.orderId());
        view.put("accountId", invoice.accountId());
        view.put("currency", invoice.currency());
        view.put("number", invoice.number());
        if (invoice.totalMinor() == null) {
            view.putNull("totalMinor");
        } else {
            view.put("totalMinor", invoice.totalMinor());
        }
        view.put("createdAt", invoice.createdAt().toString());
        view.put("publishedAt", invoice.publishedAt() == null ? null : invoice.publishedAt().toString());
        ArrayNode lines = view.putArray("lines");
        for (InvoiceRepository.Line line : invoices.lines(invoice.invoiceId())) {
            ObjectNode node = lines.addObject();
            node.put("lineNo", line.lineNo());
            node.put("description", line.description());
            node.put("quantity", line.quantity());
            node.put("unitAmount", line.unitMinor());
        }
        Optional<JsonNode> orderCase = payments.orderCase(invoice.orderId());
        Optional<JsonNode> decided = orderCase.map(c -> c.path("invoice")).filter(JsonNode::isObject);
        // Until the payments app has seen the invoice, command-api's own record says it: a published invoice is
        // PENDING (its order's payment), as the invoice machine calls it.
        String recorded = "PUBLISHED".equals(invoice.state()) ? "PENDING" : invoice.state();
        view.put("state", decided.map(i -> i.path("life").path("state").asString()).orElse(recorded));
        ArrayNode history = view.putArray("history");
        orderCase.ifPresent(c -> c.path("history").forEach(t -> {
            if ("INVOICE".equals(t.path("aggregate").asString())) {
                history.add(t);
            }
        }));
        return view;
    }
}
