package io.cloudphone.ledger.api.order;

import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.platform.security.Permissions;
import io.cloudphone.ledger.schemas.payment.CreateInvoice;
import io.cloudphone.ledger.schemas.payment.EditInvoiceLines;
import io.cloudphone.ledger.schemas.payment.InvoiceDrafts;
import io.cloudphone.ledger.schemas.payment.OrderKind;
import io.cloudphone.ledger.schemas.payment.PlaceOrder;
import io.cloudphone.ledger.schemas.payment.PublishInvoice;
import io.cloudphone.ledger.schemas.payment.VoidInvoice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Invoices: a DRAFT's lines are edited here, under the invoice's row lock; publishing freezes them, computes the
 * total exactly (an overflow is 422), takes the year's next number and places the order that pays the invoice, all
 * in one transaction with the outbox events; a DRAFT can be voided. After publishing, the payments app moves the
 * invoice with its order (PAID, or VOID when the order is cancelled).
 */
@Service
class InvoiceCommands {

    static final int LINES_MAX = 100;

    /** A draft nobody published in this long is voided by the payments app, and refused here from then on. */
    static final Duration DRAFT_LIFETIME = InvoiceDrafts.LIFETIME;

    private final InvoiceRepository invoices;
    private final OrderRepository orders;
    private final OrderWrites writes;
    private final Clock clock = Clock.systemUTC();

    InvoiceCommands(InvoiceRepository invoices, OrderRepository orders, OrderWrites writes) {
        this.invoices = invoices;
        this.orders = orders;
        this.writes = writes;
    }

    OrderWrites.Submitted create(CurrentUser actor, String key, String accountId) {
        if (!actor.can(Permissions.ACCOUNT_OWN)) {
            throw ApiProblem.forbidden("an invoice needs " + Permissions.ACCOUNT_OWN);
        }
        OrderRepository.AccountFacts account = orders.account(accountId).filter(facts -> actor.is(facts.ownerId()))
                .orElseThrow(() -> ApiProblem.notFound("account " + accountId + " does not exist"));
        String invoiceId = OrderWrites.newId("inv-");
        String orderId = OrderWrites.newId("ord-");
        Instant now = clock.instant();
        return writes.write("invoice-create", actor, key, "INVOICE|" + accountId, orderId, invoiceId,
                CreateInvoice.newBuilder().setInvoiceId(invoiceId).build(), now, requestId -> invoices.insert(
                        new InvoiceRepository.Invoice(invoiceId, orderId, actor.userId(), accountId,
                                account.currency(), "DRAFT", null, null, now, null)));
    }

    void editLines(CurrentUser actor, String invoiceId, List<InvoiceRepository.Line> lines) {
        InvoiceRepository.Invoice invoice = ownInvoice(actor, invoiceId);
        writes.write("invoice-lines", actor, null, "", invoice.orderId(), invoiceId,
                EditInvoiceLines.newBuilder().setInvoiceId(invoiceId).setLineCount(lines.size()).build(),
                clock.instant(), requestId -> {
                    requireDraft(invoices.lock(invoiceId).orElseThrow(), "its lines are frozen");
                    invoices.replaceLines(invoiceId, lines);
                });
    }

    OrderWrites.Submitted publish(CurrentUser actor, String key, String invoiceId) {
        InvoiceRepository.Invoice invoice = ownInvoice(actor, invoiceId);
        Instant now = clock.instant();
        return writes.writeWithin("invoice-publish", actor, key, "PUBLISH|" + invoiceId, invoice.orderId(),
                invoiceId, now, requestId -> {
                    InvoiceRepository.Invoice locked = invoices.lock(invoiceId).orElseThrow();
                    requireDraft(locked, "it is published once");
                    List<InvoiceRepository.Line> lines = invoices.lines(invoiceId);
                    long total = total(lines);
                    int year = now.atZone(ZoneOffset.UTC).getYear();
                    String number = "INV-%d-%06d".formatted(year, invoices.nextNumber(year));
                    invoices.publish(invoiceId, number, total, now);
                    String description = "invoice " + number;
                    orders.insertOrder(new OrderRepository.Order(locked.orderId(), locked.userId(),
                            locked.accountId(), OrderKind.PURCHASE.name(), total, locked.currency(), description,
                            now));
                    return List.of(PublishInvoice.newBuilder().setInvoiceId(invoiceId).setNumber(number)
                                    .setTotalMinor(total).setCurrency(locked.currency()).build(),
                            PlaceOrder.newBuilder().setUserId(locked.userId().toString())
                                    .setAccountId(locked.accountId()).setKind(OrderKind.PURCHASE).setAmountMinor(total)
                                    .setCurrency(locked.currency()).setDescription(description)
                                    .setInvoiceId(invoiceId).build());
                });
    }

    OrderWrites.Submitted discard(CurrentUser actor, String key, String invoiceId, String reason) {
        InvoiceRepository.Invoice invoice = ownInvoice(actor, invoiceId);
        return writes.write("invoice-void", actor, key, "VOID|" + invoiceId + "|" + reason, invoice.orderId(),
                invoiceId, VoidInvoice.newBuilder().setInvoiceId(invoiceId).setReason(reason).build(),
                clock.instant(), requestId -> {
                    requireDraft(invoices.lock(invoiceId).orElseThrow(),
                            "a published invoice is voided only by cancelling its order");
                    invoices.discard(invoiceId);
                });
    }

    /** The invoice, if the caller may see it: its customer, or an operator ({@code account:read-any}); else 404. */
    InvoiceRepository.Invoice visibleInvoice(CurrentUser actor, String invoiceId) {
        return invoices.find(invoiceId)
                .filter(invoice -> actor.is(invoice.userId()) || actor.can(Permissions.ACCOUNT_READ_ANY))
                .orElseThrow(() -> ApiProblem.notFound("invoice " + invoiceId + " does not exist"));
    }

    private InvoiceRepository.Invoice ownInvoice(CurrentUser actor, String invoiceId) {
        InvoiceRepository.Invoice invoice = visibleInvoice(actor, invoiceId);
        if (!actor.is(invoice.userId())) {
            throw ApiProblem.forbidden("only the customer of invoice " + invoiceId + " changes it");
        }
        return invoice;
    }

    private void requireDraft(InvoiceRepository.Invoice invoice, String why) {
        if ("DRAFT".equals(invoice.state()) && invoice.createdAt().plus(DRAFT_LIFETIME).isBefore(clock.instant())) {
            throw ApiProblem.conflict("invoice " + invoice.invoiceId() + " was abandoned: a draft lives "
                    + DRAFT_LIFETIME.toDays() + " days");
        }
        if (!"DRAFT".equals(invoice.state())) {
            throw ApiProblem.conflict("invoice " + invoice.invoiceId() + " is " + invoice.state()
                    + (invoice.number() == null ? "" : " (number " + invoice.number() + ")") + ": " + why);
        }
    }

    /** Every line's quantity times its unit amount, summed exactly: an overflow is the client's to fix (422). */
    static long total(List<InvoiceRepository.Line> lines) {
        if (lines.isEmpty()) {
            throw ApiProblem.invalid("an invoice needs at least one line to be published");
        }
        try {
            long total = 0;
            for (InvoiceRepository.Line line : lines) {
                total = Math.addExact(total, Math.multiplyExact(line.quantity(), line.unitMinor()));
            }
            return total;
        } catch (ArithmeticException overflow) {
            throw ApiProblem.invalid("the invoice's total exceeds " + Long.MAX_VALUE + " minor units");
        }
    }
}
