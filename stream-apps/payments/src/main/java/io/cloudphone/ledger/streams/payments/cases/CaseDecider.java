package io.cloudphone.ledger.streams.payments.cases;

import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.payment.AggregateKind;
import io.cloudphone.ledger.schemas.payment.CancelOrder;
import io.cloudphone.ledger.schemas.payment.CreateInvoice;
import io.cloudphone.ledger.schemas.payment.EditInvoiceLines;
import io.cloudphone.ledger.schemas.payment.GatewayOutcome;
import io.cloudphone.ledger.schemas.payment.InvoiceState;
import io.cloudphone.ledger.schemas.payment.NotificationKind;
import io.cloudphone.ledger.schemas.payment.OrderKind;
import io.cloudphone.ledger.schemas.payment.OrderState;
import io.cloudphone.ledger.schemas.payment.PayOrder;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.payment.PaymentLedgerRequests;
import io.cloudphone.ledger.schemas.payment.PaymentMethod;
import io.cloudphone.ledger.schemas.payment.PaymentState;
import io.cloudphone.ledger.schemas.payment.PlaceOrder;
import io.cloudphone.ledger.schemas.payment.ProviderNotified;
import io.cloudphone.ledger.schemas.payment.PublishInvoice;
import io.cloudphone.ledger.schemas.payment.RefundState;
import io.cloudphone.ledger.schemas.payment.RequestRefund;
import io.cloudphone.ledger.schemas.payment.VoidInvoice;
import io.cloudphone.ledger.schemas.money.Currencies;
import io.cloudphone.ledger.streams.payments.machine.InvoiceMachine;
import io.cloudphone.ledger.streams.payments.machine.OrderMachine;
import io.cloudphone.ledger.streams.payments.machine.PaymentMachine;
import io.cloudphone.ledger.streams.payments.machine.RefundMachine;
import io.cloudphone.ledger.streams.payments.machine.RejectionCode;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides one input for one order's case: reads what it means for which aggregate (a command, a provider's answer,
 * the ledger's decision, a timer), checks what the tables cannot (amounts, the refundable rest, ids), moves the
 * aggregate by its table, and runs the effects through {@link CaseEffects}. Pure: no I/O, the clock is an argument.
 */
public final class CaseDecider {

    /** WeChat Pay allows at most 50 refunds per payment; the strictest provider's limit is everyone's. */
    static final int REFUNDS_PER_PAYMENT_MAX = 50;

    private final Deadlines deadlines;

    public CaseDecider(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The decision on {@code input} for the case as stored ({@code null}: none yet), at {@code now}. */
    public CaseOutputs decide(PaymentCase stored, CaseInput input, Instant now) {
        CaseWork work = new CaseWork(stored, input.orderId(), now, input.eventId(), deadlines);
        CaseEffects effects = new CaseEffects(work);
        switch (input) {
            case CaseInput.Command command -> command(work, effects, command.command());
            case CaseInput.Outcome outcome -> GatewayOutcomes.apply(work, effects, outcome.outcome());
            case CaseInput.LedgerAnswer answer -> ledgerAnswer(work, effects, answer);
            case CaseInput.TimerFired timer -> timer(work, effects, timer);
        }
        return work.outputs();
    }

    private void command(CaseWork work, CaseEffects effects, PaymentCommand command) {
        switch (command.getCommand()) {
            case PlaceOrder place -> place(work, place);
            case PayOrder pay -> pay(work, effects, pay);
            case CancelOrder cancel -> onOrder(work, effects, OrderMachine.Event.USER_CANCEL);
            case RequestRefund refund -> refund(work, effects, refund);
            case ProviderNotified notified -> notified(work, effects, notified);
            case CreateInvoice create -> createInvoice(work, create);
            case EditInvoiceLines edit -> editInvoice(work, edit);
            case PublishInvoice publish -> publishInvoice(work, publish);
            case VoidInvoice discard -> onInvoice(work, discard.getInvoiceId(), InvoiceMachine.Event.DISCARD);
            default -> work.reject(AggregateKind.ORDER, work.orderId(), null, command.getCommand().getClass()
                    .getSimpleName(), RejectionCode.INVALID, "a command this app does not know");
        }
    }

    private void place(CaseWork work, PlaceOrder place) {
        PaymentCase current = work.current;
        String event = OrderMachine.Event.PLACE.name();
        if (current.getOrder() != null) {
            work.reject(AggregateKind.ORDER, work.orderId(), current.getOrder().getLife().getState(), event,
                    RejectionCode.ALREADY_EXISTS, "order " + work.orderId() + " exists");
            return;
        }
        String invalid = amountProblem(place.getAmountMinor(), place.getCurrency());
        if (invalid != null) {
            work.reject(AggregateKind.ORDER, work.orderId(), null, event, RejectionCode.INVALID, invalid);
            return;
        }
        work.create(AggregateKind.ORDER, work.orderId(), OrderMachine.TABLE, OrderMachine.Event.PLACE,
                place.getAmountMinor()).ifPresent(created -> current.setOrder(OrderState.newBuilder()
                .setUserId(place.getUserId()).setAccountId(place.getAccountId()).setKind(place.getKind())
                .setAmountMinor(place.getAmountMinor()).setCurrency(place.getCurrency())
                .setDescription(place.getDescription()).setRefundedMinor(0).setCreatedAt(work.now)
                .setLife(created.life()).build()));
        if (place.getInvoiceId() != null && current.getInvoice() != null
                && !current.getInvoice().getInvoiceId().equals(place.getInvoiceId())) {
            work.alert(AggregateKind.ORDER, work.orderId(), OrderMachine.State.PENDING.name(), "placed for invoice "
                    + place.getInvoiceId() + ", but the order's invoice is " + current.getInvoice().getInvoiceId());
        }
    }

    private void pay(CaseWork work, CaseEffects effects, PayOrder pay) {
        OrderState order = work.current.getOrder();
        String event = OrderMachine.Event.PAY.name();
        if (order == null) {
            work.reject(AggregateKind.ORDER, work.orderId(), null, event, RejectionCode.AGGREGATE_NOT_FOUND,
                    "no order " + work.orderId());
            return;
        }
        String invalid = null;
        if (pay.getMethod() == PaymentMethod.PROVIDER && pay.getProvider() == null) {
            invalid = "a PROVIDER payment names its provider";
        } else if (pay.getMethod() == PaymentMethod.BALANCE && pay.getProvider() != null) {
            invalid = "a BALANCE payment names no provider";
        } else if (pay.getMethod() == PaymentMethod.BALANCE && order.getKind() == OrderKind.TOP_UP) {
            invalid = "a TOP_UP adds to the balance: it cannot be paid from it";
        }
        if (invalid != null) {
            work.reject(AggregateKind.ORDER, work.orderId(), order.getLife().getState(), event, RejectionCode.INVALID,
                    invalid);
            return;
        }
        effects.payWith(pay);
        onOrder(work, effects, OrderMachine.Event.PAY);
    }

    private void refund(CaseWork work, CaseEffects effects, RequestRefund request) {
        PaymentCase current = work.current;
        String event = OrderMachine.Event.REFUND_REQUESTED.name();
        String state = current.getOrder() == null ? null : current.getOrder().getLife().getState();
        PaymentState payment = current.getPayment();
        if (current.getOrder() == null || payment == null) {
            work.reject(AggregateKind.ORDER, work.orderId(), state, event, RejectionCode.AGGREGATE_NOT_FOUND,
                    current.getOrder() == null ? "no order " + work.orderId() : "order " + work.orderId()
                            + " has no payment to refund");
            return;
        }
        if (!PaymentLedgerRequests.MERCHANT_NUMBER.matcher(request.getRefundId()).matches()) {
            work.reject(AggregateKind.REFUND, request.getRefundId(), state, event, RejectionCode.INVALID,
                    "a refund id is the provider's refund number: 6-32 of A-Z a-z 0-9 _ -");
            return;
        }
        if (current.getRefunds().stream().anyMatch(refund -> refund.getRefundId().equals(request.getRefundId()))) {
            work.reject(AggregateKind.REFUND, request.getRefundId(), state, event, RejectionCode.ALREADY_EXISTS,
                    "refund " + request.getRefundId() + " exists");
            return;
        }
        if (current.getRefunds().size() >= REFUNDS_PER_PAYMENT_MAX) {
            work.reject(AggregateKind.REFUND, request.getRefundId(), state, event, RejectionCode.TOO_MANY_REFUNDS,
                    "payment " + payment.getPaymentId() + " has had " + REFUNDS_PER_PAYMENT_MAX + " refunds");
            return;
        }
        if (request.getAmountMinor() <= 0) {
            work.reject(AggregateKind.REFUND, request.getRefundId(), state, event, RejectionCode.INVALID,
                    "a refund's amount must be positive, was " + request.getAmountMinor());
            return;
        }
        long refundable = CaseEffects.refundable(current);
        if (request.getAmountMinor() > refundable) {
            work.reject(AggregateKind.REFUND, request.getRefundId(), state, event,
                    RejectionCode.REFUND_EXCEEDS_CAPTURED, "refund of " + request.getAmountMinor()
                            + " exceeds what is left to refund of payment " + payment.getPaymentId() + ": "
                            + refundable);
            return;
        }
        effects.refundWith(request);
        onOrder(work, effects, OrderMachine.Event.REFUND_REQUESTED);
    }

    private void notified(CaseWork work, CaseEffects effects, ProviderNotified notified) {
        PaymentState payment = work.current.getPayment();
        if (notified.getKind() == NotificationKind.REFUND) {
            RefundState refund = notified.getRefundId() == null ? null : CaseEffects.refund(work.current,
                    notified.getRefundId());
            if (refund == null) {
                work.reject(AggregateKind.REFUND, notified.getRefundId(), null, "NOTIFIED_" + notified.getStatus(),
                        RejectionCode.AGGREGATE_NOT_FOUND, "no refund " + notified.getRefundId() + " of order "
                                + work.orderId());
                return;
            }
            if (!matches(work, refund.getAmountMinor(), notified)) {
                mismatch(work, AggregateKind.REFUND, refund.getRefundId(), refund.getLife().getState(), notified,
                        refund.getAmountMinor());
                return;
            }
            effects.onRefund(refund, switch (notified.getStatus()) {
                case SUCCEEDED -> RefundMachine.Event.PROVIDER_SUCCEEDED;
                case FAILED, CLOSED -> RefundMachine.Event.PROVIDER_FAILED;
            }, false);
            return;
        }
        if (payment == null) {
            work.reject(AggregateKind.PAYMENT, null, null, "NOTIFIED_" + notified.getStatus(),
                    RejectionCode.AGGREGATE_NOT_FOUND, "order " + work.orderId() + " has no payment");
            return;
        }
        if (!matches(work, work.current.getOrder().getAmountMinor(), notified)) {
            mismatch(work, AggregateKind.PAYMENT, payment.getPaymentId(), payment.getLife().getState(), notified,
                    work.current.getOrder().getAmountMinor());
            return;
        }
        effects.onPayment(switch (notified.getStatus()) {
            case SUCCEEDED -> PaymentMachine.Event.PROVIDER_SUCCEEDED;
            case FAILED -> PaymentMachine.Event.PROVIDER_FAILED;
            case CLOSED -> PaymentMachine.Event.PROVIDER_CLOSED;
        }, false);
    }

    private static boolean matches(CaseWork work, long amountMinor, ProviderNotified notified) {
        return notified.getAmountMinor() == amountMinor
                && notified.getCurrency().equals(work.current.getOrder().getCurrency());
    }

    /** A notification that does not say what we charged is believed by no one, and a person must look. */
    private static void mismatch(CaseWork work, AggregateKind kind, String id, String state, ProviderNotified notified,
                                 long expectedMinor) {
        String reason = notified.getProvider() + " notified " + notified.getStatus() + " of "
                + notified.getAmountMinor() + " " + notified.getCurrency() + ", but " + kind + " " + id + " is of "
                + expectedMinor + " " + work.current.getOrder().getCurrency();
        work.reject(kind, id, state, "NOTIFIED_" + notified.getStatus(), RejectionCode.AMOUNT_MISMATCH, reason);
        work.alert(kind, id, state, reason);
    }

    private void createInvoice(CaseWork work, CreateInvoice create) {
        PaymentCase current = work.current;
        String event = InvoiceMachine.Event.CREATE.name();
        if (current.getInvoice() != null) {
            work.reject(AggregateKind.INVOICE, create.getInvoiceId(), current.getInvoice().getLife().getState(), event,
                    RejectionCode.ALREADY_EXISTS, "order " + work.orderId() + " has invoice "
                            + current.getInvoice().getInvoiceId());
            return;
        }
        work.create(AggregateKind.INVOICE, create.getInvoiceId(), InvoiceMachine.TABLE, InvoiceMachine.Event.CREATE,
                null).ifPresent(created -> current.setInvoice(InvoiceState.newBuilder()
                .setInvoiceId(create.getInvoiceId()).setLineCount(0).setCreatedAt(work.now).setLife(created.life())
                .build()));
    }

    private void editInvoice(CaseWork work, EditInvoiceLines edit) {
        InvoiceState invoice = invoice(work, edit.getInvoiceId(), InvoiceMachine.Event.EDIT_LINES);
        if (invoice != null && work.move(AggregateKind.INVOICE, invoice.getInvoiceId(), InvoiceMachine.TABLE,
                invoice.getLife(), InvoiceMachine.Event.EDIT_LINES, false, null).isPresent()) {
            invoice.setLineCount(edit.getLineCount());
        }
    }

    private void publishInvoice(CaseWork work, PublishInvoice publish) {
        InvoiceState invoice = invoice(work, publish.getInvoiceId(), InvoiceMachine.Event.PUBLISH);
        if (invoice == null) {
            return;
        }
        // Totals and number were computed and frozen in command-api's publishing transaction; the app records them.
        if (work.move(AggregateKind.INVOICE, invoice.getInvoiceId(), InvoiceMachine.TABLE, invoice.getLife(),
                InvoiceMachine.Event.PUBLISH, false, publish.getTotalMinor()).isPresent()) {
            invoice.setNumber(publish.getNumber());
            invoice.setTotalMinor(publish.getTotalMinor());
        }
    }

    private void onInvoice(CaseWork work, String invoiceId, InvoiceMachine.Event event) {
        InvoiceState invoice = invoice(work, invoiceId, event);
        if (invoice != null) {
            work.move(AggregateKind.INVOICE, invoiceId, InvoiceMachine.TABLE, invoice.getLife(), event, false,
                    invoice.getTotalMinor());
        }
    }

    private static InvoiceState invoice(CaseWork work, String invoiceId, InvoiceMachine.Event event) {
        InvoiceState invoice = work.current.getInvoice();
        if (invoice == null || !invoice.getInvoiceId().equals(invoiceId)) {
            work.reject(AggregateKind.INVOICE, invoiceId, null, event.name(), RejectionCode.AGGREGATE_NOT_FOUND,
                    "order " + work.orderId() + " has no invoice " + invoiceId);
            return null;
        }
        return invoice;
    }

    private static void onOrder(CaseWork work, CaseEffects effects, OrderMachine.Event event) {
        if (work.current.getOrder() == null) {
            work.reject(AggregateKind.ORDER, work.orderId(), null, event.name(), RejectionCode.AGGREGATE_NOT_FOUND,
                    "no order " + work.orderId());
            return;
        }
        effects.onOrder(event, false);
    }

    private void ledgerAnswer(CaseWork work, CaseEffects effects, CaseInput.LedgerAnswer answer) {
        boolean accepted = answer.decision().getOutcome() == DecisionOutcome.ACCEPTED;
        PaymentLedgerRequests.Request request = answer.request();
        String why = answer.decision().getRejectionCode() + ": " + answer.decision().getReason();
        switch (request.purpose()) {
            case CONSUME -> {
                effects.onPayment(accepted ? PaymentMachine.Event.PROVIDER_SUCCEEDED
                        : PaymentMachine.Event.PROVIDER_FAILED, false);
                consumedTooLate(work, accepted);
            }
            case HOLD -> refundOf(work, request).ifPresent(refund -> effects.onRefund(refund, accepted
                    ? RefundMachine.Event.LEDGER_HOLD_PLACED : RefundMachine.Event.LEDGER_HOLD_REFUSED, false));
            case RETURN -> refundOf(work, request).ifPresent(refund -> effects.onRefund(refund, accepted
                    ? RefundMachine.Event.PROVIDER_SUCCEEDED : RefundMachine.Event.PROVIDER_FAILED, false));
            // Nothing waits on these: money already moved at the provider, so a refusal is for a person.
            case CREDIT, CAPTURE, RELEASE, REVERSAL -> {
                if (!accepted) {
                    work.alert(AggregateKind.ORDER, work.orderId(), work.current.getOrder() == null ? "-"
                            : work.current.getOrder().getLife().getState(), "the ledger refused "
                            + answer.decision().getRequestId() + " (" + why + ")");
                    work.touched();
                }
            }
        }
    }

    /**
     * The ledger took the money after the payment gave up on it (the ledger was down for longer than every close the
     * payment retried): the payment refuses the answer, and a person must give the money back.
     */
    private static void consumedTooLate(CaseWork work, boolean accepted) {
        PaymentState payment = work.current.getPayment();
        if (accepted && payment != null && !PaymentMachine.State.SUCCEEDED.name().equals(payment.getLife().getState())) {
            work.alert(AggregateKind.PAYMENT, payment.getPaymentId(), payment.getLife().getState(), "the ledger "
                    + "consumed the balance payment after it ended " + payment.getLife().getState()
                    + ": give the money back by an adjustment");
        }
    }

    private static Optional<RefundState> refundOf(CaseWork work, PaymentLedgerRequests.Request request) {
        String refundId = request.refundId().orElseThrow();
        RefundState refund = CaseEffects.refund(work.current, refundId);
        if (refund == null) {
            work.reject(AggregateKind.REFUND, refundId, null, "LEDGER_" + request.purpose(),
                    RejectionCode.AGGREGATE_NOT_FOUND, "no refund " + refundId + " of order " + work.orderId());
        }
        return Optional.ofNullable(refund);
    }

    private void timer(CaseWork work, CaseEffects effects, CaseInput.TimerFired timer) {
        PaymentCase current = work.current;
        long due = timer.dueAtMillis();
        switch (timer.aggregate()) {
            case ORDER -> work.dueEvent(OrderMachine.TABLE, current.getOrder() == null ? null
                    : current.getOrder().getLife(), due).ifPresent(event -> effects.onOrder(event, true));
            case PAYMENT -> work.dueEvent(PaymentMachine.TABLE, current.getPayment() == null ? null
                    : current.getPayment().getLife(), due).ifPresent(event -> effects.onPayment(event, true));
            case REFUND -> {
                RefundState refund = CaseEffects.refund(current, timer.aggregateId());
                work.dueEvent(RefundMachine.TABLE, refund == null ? null : refund.getLife(), due)
                        .ifPresent(event -> effects.onRefund(refund, event, true));
            }
            case INVOICE -> {
                InvoiceState invoice = current.getInvoice();
                work.dueEvent(InvoiceMachine.TABLE, invoice == null ? null : invoice.getLife(), due)
                        .ifPresent(event -> work.move(AggregateKind.INVOICE, invoice.getInvoiceId(),
                                InvoiceMachine.TABLE, invoice.getLife(), event, true, invoice.getTotalMinor())
                                .ifPresent(invoiceEffects -> effects.invoiceEffects(invoice, invoiceEffects)));
            }
        }
    }

    private static String amountProblem(long amountMinor, String currency) {
        if (amountMinor <= 0) {
            return "an order's amount must be positive, was " + amountMinor;
        }
        if (!Currencies.isMoney(currency)) {
            return "unknown currency " + currency;
        }
        return null;
    }
}
