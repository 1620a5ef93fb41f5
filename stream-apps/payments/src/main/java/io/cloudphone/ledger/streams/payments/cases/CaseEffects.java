package io.cloudphone.ledger.streams.payments.cases;

import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.CaptureHold;
import io.cloudphone.ledger.schemas.account.Consume;
import io.cloudphone.ledger.schemas.account.PlaceHold;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.account.ReleaseHold;
import io.cloudphone.ledger.schemas.ledger.HoldLifetime;
import io.cloudphone.ledger.schemas.payment.AggregateKind;
import io.cloudphone.ledger.schemas.payment.GatewayCall;
import io.cloudphone.ledger.schemas.payment.GatewayCallKind;
import io.cloudphone.ledger.schemas.payment.InvoiceState;
import io.cloudphone.ledger.schemas.payment.OrderKind;
import io.cloudphone.ledger.schemas.payment.OrderState;
import io.cloudphone.ledger.schemas.payment.PayOrder;
import io.cloudphone.ledger.schemas.payment.PaymentCase;
import io.cloudphone.ledger.schemas.payment.PaymentLedgerRequests;
import io.cloudphone.ledger.schemas.payment.PaymentLedgerRequests.Purpose;
import io.cloudphone.ledger.schemas.payment.PaymentMethod;
import io.cloudphone.ledger.schemas.payment.PaymentState;
import io.cloudphone.ledger.schemas.payment.RefundState;
import io.cloudphone.ledger.schemas.payment.RequestRefund;
import io.cloudphone.ledger.streams.payments.machine.InvoiceMachine;
import io.cloudphone.ledger.streams.payments.machine.OrderMachine;
import io.cloudphone.ledger.streams.payments.machine.PaymentMachine;
import io.cloudphone.ledger.streams.payments.machine.RefundMachine;
import io.cloudphone.ledger.streams.payments.machine.RejectionCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What the tables' effects mean: an event for another aggregate of the same order (decided at once, in the same
 * transaction), a call for the gateway worker, a command for the ledger, an alert. A ledger command's request id is
 * derived from the order and refund alone, so one emitted again is the same request and the ledger applies it once.
 * A gateway call's id names the transition that decided it (each retry is a call of its own), while what it asks of
 * the provider carries the provider's idempotency key (the order's or the refund's number), so a call made twice
 * charges or refunds once.
 */
final class CaseEffects {

    /** Refund states whose money is taken: in flight or paid out. FAILED and REVERSED gave it back. */
    private static final Set<String> REFUND_HOLDS_MONEY = Set.of(RefundMachine.State.REQUESTED.name(),
            RefundMachine.State.SUBMITTED.name(), RefundMachine.State.SUCCEEDED.name(),
            RefundMachine.State.SETTLED.name());

    private final CaseWork work;
    private PayOrder pay;
    private RequestRefund refundRequest;

    CaseEffects(CaseWork work) {
        this.work = work;
    }

    /** The payment the next CREATE_PAYMENT creates. */
    void payWith(PayOrder pay) {
        this.pay = pay;
    }

    /** The refund the next REQUEST_REFUND creates. */
    void refundWith(RequestRefund request) {
        this.refundRequest = request;
    }

    /** What is left to refund of the payment: captured, less every refund that holds or paid out money. */
    static long refundable(PaymentCase current) {
        long taken = 0;
        for (RefundState refund : current.getRefunds()) {
            if (REFUND_HOLDS_MONEY.contains(refund.getLife().getState())) {
                taken = Math.addExact(taken, refund.getAmountMinor());
            }
        }
        return current.getPayment().getCapturedMinor() - taken;
    }

    static RefundState refund(PaymentCase current, String refundId) {
        return current.getRefunds().stream().filter(refund -> refund.getRefundId().equals(refundId)).findFirst()
                .orElse(null);
    }

    void onOrder(OrderMachine.Event event, boolean fromTimer) {
        OrderState order = work.current.getOrder();
        work.move(AggregateKind.ORDER, work.orderId(), OrderMachine.TABLE, order.getLife(), event, fromTimer,
                order.getAmountMinor()).ifPresent(this::orderEffects);
    }

    void onPayment(PaymentMachine.Event event, boolean fromTimer) {
        PaymentState payment = work.current.getPayment();
        if (payment == null) {
            work.reject(AggregateKind.PAYMENT, null, null, event.name(), RejectionCode.AGGREGATE_NOT_FOUND,
                    "order " + work.orderId() + " has no payment");
            return;
        }
        work.move(AggregateKind.PAYMENT, payment.getPaymentId(), PaymentMachine.TABLE, payment.getLife(), event,
                fromTimer, work.current.getOrder().getAmountMinor()).ifPresent(this::paymentEffects);
    }

    void onRefund(RefundState refund, RefundMachine.Event event, boolean fromTimer) {
        work.move(AggregateKind.REFUND, refund.getRefundId(), RefundMachine.TABLE, refund.getLife(), event, fromTimer,
                refund.getAmountMinor()).ifPresent(effects -> refundEffects(refund, effects));
    }

    void invoiceEffects(InvoiceState invoice, List<InvoiceMachine.Effect> effects) {
        for (InvoiceMachine.Effect effect : effects) {
            switch (effect) {
                // Both are done by command-api's publishing transaction; the app only records the publish.
                case FREEZE_TOTALS, ASSIGN_INVOICE_NUMBER -> { }
                case EMIT_ALERT -> work.alert(AggregateKind.INVOICE, invoice.getInvoiceId(),
                        invoice.getLife().getState(), "invoice " + invoice.getInvoiceId() + " gave up waiting: "
                                + invoice.getLife().getState());
            }
        }
    }

    private void orderEffects(List<OrderMachine.Effect> effects) {
        OrderState order = work.current.getOrder();
        for (OrderMachine.Effect effect : effects) {
            switch (effect) {
                case CREATE_PAYMENT -> createPayment();
                case CLOSE_PAYMENT -> onPayment(PaymentMachine.Event.CLOSE_REQUESTED, false);
                case DELIVER -> deliver(order);
                case MARK_INVOICE_PAID -> onPendingInvoice(InvoiceMachine.Event.ORDER_PAID);
                case VOID_INVOICE -> onPendingInvoice(InvoiceMachine.Event.ORDER_CANCELLED);
                case REQUEST_REFUND -> createRefund(refundRequest.getRefundId(), refundRequest.getAmountMinor(),
                        refundRequest.getReason(), false);
                case REQUEST_AUTOMATIC_REFUND -> createRefund(automaticRefundId(work.orderId()),
                        work.current.getPayment().getCapturedMinor(),
                        "the payment succeeded after its order was cancelled", true);
                case EMIT_ALERT -> alert(AggregateKind.ORDER, work.orderId(), order.getLife().getState());
            }
        }
    }

    private void paymentEffects(List<PaymentMachine.Effect> effects) {
        PaymentState payment = work.current.getPayment();
        OrderState order = work.current.getOrder();
        for (PaymentMachine.Effect effect : effects) {
            switch (effect) {
                case CALL_PROVIDER_CHARGE -> {
                    if (payment.getMethod() == PaymentMethod.BALANCE) {
                        ledger(Purpose.CONSUME, null, Consume.newBuilder().setAmountMinor(order.getAmountMinor())
                                .setCurrency(order.getCurrency()).build());
                    } else {
                        call(GatewayCallKind.CHARGE, null, order.getAmountMinor());
                    }
                }
                // The ledger decides a consume at once and its answer always comes: nothing to query or close.
                case QUERY_PROVIDER_STATUS -> providerOnly(payment, GatewayCallKind.QUERY_CHARGE);
                case CLOSE_AT_PROVIDER -> providerOnly(payment, GatewayCallKind.CLOSE);
                case NOTIFY_ORDER_PAID -> {
                    payment.setCapturedMinor(order.getAmountMinor());
                    onOrder(OrderMachine.Event.PAYMENT_SUCCEEDED, false);
                }
                case NOTIFY_ORDER_FAILED -> onOrder(OrderMachine.Event.PAYMENT_FAILED, false);
                case EMIT_ALERT -> alert(AggregateKind.PAYMENT, payment.getPaymentId(), payment.getLife().getState());
            }
        }
    }

    private void refundEffects(RefundState refund, List<RefundMachine.Effect> effects) {
        OrderState order = work.current.getOrder();
        String refundId = refund.getRefundId();
        boolean fromBalance = work.current.getPayment().getMethod() == PaymentMethod.BALANCE;
        for (RefundMachine.Effect effect : effects) {
            switch (effect) {
                case PLACE_LEDGER_HOLD -> ledger(Purpose.HOLD, refundId, PlaceHold.newBuilder()
                        .setHoldId(holdId(refundId)).setAmountMinor(refund.getAmountMinor())
                        .setCurrency(order.getCurrency()).setExpiresAt(work.now.plus(HoldLifetime.MAX)).build());
                case SUBMIT_REFUND_TO_PROVIDER -> {
                    if (fromBalance) {
                        ledger(Purpose.RETURN, refundId, Recharge.newBuilder().setAmountMinor(refund.getAmountMinor())
                                .setCurrency(order.getCurrency()).build());
                    } else {
                        call(GatewayCallKind.REFUND, refundId, refund.getAmountMinor());
                    }
                }
                case QUERY_REFUND_STATUS -> {
                    if (!fromBalance) {
                        call(GatewayCallKind.QUERY_REFUND, refundId, refund.getAmountMinor());
                    }
                }
                case CAPTURE_LEDGER_HOLD -> heldOnly(refund, Purpose.CAPTURE,
                        CaptureHold.newBuilder().setHoldId(holdId(refundId)).setAmountMinor(null).build());
                case RELEASE_LEDGER_HOLD -> heldOnly(refund, Purpose.RELEASE,
                        ReleaseHold.newBuilder().setHoldId(holdId(refundId)).build());
                case CREDIT_LEDGER -> heldOnly(refund, Purpose.REVERSAL, Recharge.newBuilder()
                        .setAmountMinor(refund.getAmountMinor()).setCurrency(order.getCurrency()).build());
                case NOTIFY_ORDER_SUCCEEDED -> {
                    if (!refund.getAutomatic()) {
                        long refunded = Math.addExact(order.getRefundedMinor(), refund.getAmountMinor());
                        order.setRefundedMinor(refunded);
                        onOrder(refunded == work.current.getPayment().getCapturedMinor()
                                ? OrderMachine.Event.REFUND_SUCCEEDED_IN_FULL
                                : OrderMachine.Event.REFUND_SUCCEEDED_IN_PART, false);
                    }
                }
                case NOTIFY_ORDER_FAILED -> {
                    if (!refund.getAutomatic()) {
                        onOrder(OrderMachine.Event.REFUND_FAILED, false);
                    }
                }
                case EMIT_ALERT -> alert(AggregateKind.REFUND, refundId, refund.getLife().getState());
            }
        }
    }

    private void createPayment() {
        OrderState order = work.current.getOrder();
        work.create(AggregateKind.PAYMENT, pay.getPaymentId(), PaymentMachine.TABLE, PaymentMachine.Event.CREATE,
                order.getAmountMinor()).ifPresent(created -> {
                    work.current.setPayment(PaymentState.newBuilder().setPaymentId(pay.getPaymentId())
                            .setMethod(pay.getMethod()).setProvider(pay.getProvider()).setCapturedMinor(0)
                            .setCreatedAt(work.now).setLife(created.life()).build());
                    paymentEffects(created.effects());
                });
    }

    private void createRefund(String refundId, long amountMinor, String reason, boolean automatic) {
        // Only top-up money that reached the balance is held there first; an automatic refund's never did.
        boolean held = !automatic && work.current.getOrder().getKind() == OrderKind.TOP_UP;
        RefundMachine.Event event = held ? RefundMachine.Event.REQUEST_TOP_UP_REFUND
                : RefundMachine.Event.REQUEST_REFUND;
        work.create(AggregateKind.REFUND, refundId, RefundMachine.TABLE, event, amountMinor).ifPresent(created -> {
            RefundState refund = RefundState.newBuilder().setRefundId(refundId).setAmountMinor(amountMinor)
                    .setReason(reason).setAutomatic(automatic).setHeld(held).setCreatedAt(work.now)
                    .setLife(created.life()).build();
            work.current.getRefunds().add(refund);
            refundEffects(refund, created.effects());
        });
    }

    private void deliver(OrderState order) {
        // A PURCHASE is delivered by whoever follows PAID on the transitions topic (device provisioning).
        if (order.getKind() == OrderKind.TOP_UP) {
            ledger(Purpose.CREDIT, null, Recharge.newBuilder().setAmountMinor(order.getAmountMinor())
                    .setCurrency(order.getCurrency()).build());
        }
    }

    /** The invoice follows its order only once published: a draft has nothing to be paid or voided. */
    private void onPendingInvoice(InvoiceMachine.Event event) {
        InvoiceState invoice = work.current.getInvoice();
        if (invoice == null || !InvoiceMachine.State.PENDING.name().equals(invoice.getLife().getState())) {
            return;
        }
        work.move(AggregateKind.INVOICE, invoice.getInvoiceId(), InvoiceMachine.TABLE, invoice.getLife(), event, false,
                invoice.getTotalMinor()).ifPresent(effects -> invoiceEffects(invoice, effects));
    }

    private void providerOnly(PaymentState payment, GatewayCallKind kind) {
        if (payment.getMethod() == PaymentMethod.PROVIDER) {
            call(kind, null, work.current.getOrder().getAmountMinor());
        }
    }

    private void heldOnly(RefundState refund, Purpose purpose, Object command) {
        if (refund.getHeld()) {
            ledger(purpose, refund.getRefundId(), command);
        }
    }

    private void call(GatewayCallKind kind, String refundId, long amountMinor) {
        PaymentState payment = work.current.getPayment();
        // Unique per decided call: the transition that decided it (the case's seq) and the kind.
        String callId = work.orderId() + "#" + work.current.getSeq() + ":" + kind;
        work.call(GatewayCall.newBuilder().setCallId(callId).setOrderId(work.orderId()).setKind(kind)
                .setProvider(payment.getProvider()).setMerchantOrderNo(work.orderId()).setMerchantRefundNo(refundId)
                .setAmountMinor(amountMinor).setCurrency(work.current.getOrder().getCurrency()).setIssuedAt(work.now)
                .build());
    }

    private void ledger(Purpose purpose, String refundId, Object command) {
        String requestId = refundId == null ? PaymentLedgerRequests.of(work.orderId(), purpose)
                : PaymentLedgerRequests.of(work.orderId(), purpose, refundId);
        work.ledger(AccountCommand.newBuilder().setRequestId(requestId)
                .setAccountId(work.current.getOrder().getAccountId()).setOccurredAt(work.now).setCommand(command)
                .build());
    }

    private void alert(AggregateKind kind, String id, String state) {
        work.alert(kind, id, state, kind + " " + id + " is " + state + " after " + work.cause
                + ": retries ran out or a watchdog fired; a person must look");
    }

    /** The refund number of a payment that succeeded after its order gave up: one per order, derived from it. */
    static String automaticRefundId(String orderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(StandardCharsets.UTF_8));
            return "auto-" + HexFormat.of().formatHex(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** The ledger hold of a refund of top-up money: named by the refund, so placing it again is the same hold. */
    static String holdId(String refundId) {
        return "refund-" + refundId;
    }
}
