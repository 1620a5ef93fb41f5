package io.cloudphone.ledger.streams.payments.query;

import java.time.Instant;
import java.util.List;

/**
 * An order's case as the query API answers it: the order, its payment, refunds and invoice, each with its state,
 * since when, its deadline and next action, and the order's history of transitions, oldest first.
 */
public record CaseView(String orderId, Order order, Payment payment, List<Refund> refunds, Invoice invoice,
                       List<Transition> history, List<Rejection> rejections) {

    /** An input the app refused (the latest 20): {@code eventId} is command-api's request id for a command. */
    public record Rejection(String eventId, String aggregate, String aggregateId, String event, String code,
                            String reason, Instant at) {
    }

    /** Where an aggregate stands: {@code deadlineAt} and {@code nextAction} are null in a terminal state. */
    public record Life(String state, Instant since, Instant deadlineAt, String nextAction, int attempts) {
    }

    public record Order(String userId, String accountId, String kind, long amountMinor, String currency,
                        String description, long refundedMinor, Instant createdAt, Life life) {
    }

    public record Payment(String paymentId, String method, String provider, long capturedMinor, Instant createdAt,
                          Life life) {
    }

    public record Refund(String refundId, long amountMinor, String reason, boolean automatic, boolean heldOnLedger,
                         Instant createdAt, Life life) {
    }

    public record Invoice(String invoiceId, String number, Long totalMinor, int lineCount, Instant createdAt,
                          Life life) {
    }

    public record Transition(long seq, String aggregate, String aggregateId, String from, String event, String to,
                             List<String> effects, String cause, Instant at) {
    }
}
