package io.cloudphone.ledger.api.order;

import io.cloudphone.ledger.api.account.CommandInput;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.openapi.Access;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Invoices: created DRAFT, lines replaced while DRAFT, published (frozen, numbered gap-free per year, and its order
 * placed) or voided. The GET shows the invoice with its lines and the state the payments app decided.
 */
@RestController
class InvoiceController {

    private static final int DESCRIPTION_LENGTH_MAX = 200;

    record CreateInvoiceBody(String accountId) {
    }

    record LineBody(String description, BigDecimal quantity, BigDecimal unitAmount) {
    }

    record LinesBody(List<LineBody> lines) {
    }

    record VoidBody(String reason) {
    }

    /** The answer to an invoice command: the invoice, the order it places once published, where to read both. */
    record InvoiceAccepted(String invoiceId, String orderId, URI invoiceUrl, URI orderUrl) {
    }

    private final InvoiceCommands commands;
    private final InvoiceViews views;

    InvoiceController(InvoiceCommands commands, InvoiceViews views) {
        this.commands = commands;
        this.views = views;
    }

    @Access("account:own, on an account the caller owns")
    @PostMapping("/v1/invoices")
    ResponseEntity<InvoiceAccepted> create(CurrentUser actor, @RequestBody CreateInvoiceBody body,
                                           @RequestHeader(value = OrderController.IDEMPOTENCY_KEY, required = false)
                                           String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        OrderWrites.Submitted created = commands.create(actor, idempotencyKey, CommandInput.accountId(body.accountId()));
        InvoiceAccepted answer = answer(created);
        return ResponseEntity.created(answer.invoiceUrl()).body(answer);
    }

    /** Replaces every line of a DRAFT (at most 100): a PUT, so sending it again changes nothing more. */
    @Access("the invoice's customer")
    @PutMapping("/v1/invoices/{invoiceId}/lines")
    ResponseEntity<JsonNode> lines(CurrentUser actor, @PathVariable String invoiceId, @RequestBody LinesBody body) {
        commands.editLines(actor, invoiceId, lines(body));
        return ResponseEntity.ok(views.invoice(commands.visibleInvoice(actor, invoiceId)));
    }

    @Access("the invoice's customer")
    @PostMapping("/v1/invoices/{invoiceId}/publish")
    ResponseEntity<InvoiceAccepted> publish(CurrentUser actor, @PathVariable String invoiceId,
                                            @RequestHeader(value = OrderController.IDEMPOTENCY_KEY, required = false)
                                            String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        return ResponseEntity.ok(answer(commands.publish(actor, idempotencyKey, invoiceId)));
    }

    @Access("the invoice's customer")
    @PostMapping("/v1/invoices/{invoiceId}/void")
    ResponseEntity<InvoiceAccepted> discard(CurrentUser actor, @PathVariable String invoiceId,
                                            @RequestBody(required = false) VoidBody body,
                                            @RequestHeader(value = OrderController.IDEMPOTENCY_KEY, required = false)
                                            String key) {
        String idempotencyKey = CommandInput.idempotencyKey(key, true);
        String reason = body == null || body.reason() == null ? "voided" : CommandInput.reason(body.reason());
        return ResponseEntity.ok(answer(commands.discard(actor, idempotencyKey, invoiceId, reason)));
    }

    @Access("the invoice's customer, or account:read-any (anyone else gets 404)")
    @GetMapping("/v1/invoices/{invoiceId}")
    ResponseEntity<JsonNode> invoice(CurrentUser actor, @PathVariable String invoiceId) {
        return ResponseEntity.ok(views.invoice(commands.visibleInvoice(actor, invoiceId)));
    }

    private static InvoiceAccepted answer(OrderWrites.Submitted submitted) {
        return new InvoiceAccepted(submitted.resourceId(), submitted.orderId(),
                URI.create("/v1/invoices/" + submitted.resourceId()), URI.create("/v1/orders/" + submitted.orderId()));
    }

    private static List<InvoiceRepository.Line> lines(LinesBody body) {
        if (body == null || body.lines() == null || body.lines().size() > InvoiceCommands.LINES_MAX) {
            throw ApiProblem.invalid("lines is a list of at most " + InvoiceCommands.LINES_MAX + " lines");
        }
        List<InvoiceRepository.Line> lines = new ArrayList<>(body.lines().size());
        for (LineBody line : body.lines()) {
            if (line == null) {
                throw ApiProblem.invalid("line " + (lines.size() + 1) + " is empty");
            }
            String description = line.description() == null ? "" : line.description().strip();
            if (description.isEmpty() || description.length() > DESCRIPTION_LENGTH_MAX) {
                throw ApiProblem.invalid("line " + (lines.size() + 1) + ": description must be 1 to "
                        + DESCRIPTION_LENGTH_MAX + " characters");
            }
            lines.add(new InvoiceRepository.Line(lines.size() + 1, description,
                    positive("quantity", line.quantity(), lines.size() + 1),
                    positive("unitAmount", line.unitAmount(), lines.size() + 1)));
        }
        return lines;
    }

    private static long positive(String field, BigDecimal value, int lineNo) {
        try {
            return CommandInput.amountMinor(value);
        } catch (ApiProblem problem) {
            throw ApiProblem.invalid("line " + lineNo + ": " + field + " must be a positive integer that fits in 64 "
                    + "bits" + (value == null ? "" : ", was " + value.toPlainString()));
        }
    }
}
