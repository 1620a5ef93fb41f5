package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.schemas.payment.AggregateKind;

/**
 * The payments app's stores and their key layouts. Every store is partitioned by order id, so an order's case, its
 * history and its timers live in one task. Keys that sort by time or sequence are zero-padded decimals.
 */
public final class PaymentsStores {

    /** Order id to its {@code PaymentCase}. */
    public static final String CASES = "payments-cases";
    /** {@code <orderId>|<seq, 19 digits>} to the transition: an order's history, in order. */
    public static final String HISTORY = "payments-history";
    /** {@code <dueAt millis, 13 digits>|<orderId>|<aggregate>|<aggregateId>}: each waiting aggregate's deadline. */
    public static final String TIMERS = "payments-timers";
    /** Input event id to order id: the redelivery filter. */
    public static final String SEEN = "payments-seen";

    private static final char SEPARATOR = '|';

    private PaymentsStores() {
    }

    public static String historyKey(String orderId, long seq) {
        return orderId + SEPARATOR + String.format("%019d", seq);
    }

    /** The first key of an order's history; the history is every key up to {@link #historyEnd}. */
    public static String historyStart(String orderId) {
        return orderId + SEPARATOR;
    }

    public static String historyEnd(String orderId) {
        return orderId + SEPARATOR + "9999999999999999999";
    }

    public static String timerKey(long dueAtMillis, String orderId, AggregateKind aggregate, String aggregateId) {
        return String.format("%013d", dueAtMillis) + SEPARATOR + orderId + SEPARATOR + aggregate + SEPARATOR
                + aggregateId;
    }

    /** The greatest timer key due at or before {@code millis}: a range up to it holds every due timer. */
    public static String timersDueBy(long millis) {
        return String.format("%013d", millis) + SEPARATOR + '~';
    }

    /** A timer key's parts: due time, order, aggregate, its id. */
    public record TimerKey(long dueAtMillis, String orderId, AggregateKind aggregate, String aggregateId) {

        public static TimerKey parse(String key) {
            String[] parts = key.split("\\|", 4);
            if (parts.length != 4) {
                throw new IllegalStateException("not a timer key: " + key);
            }
            return new TimerKey(Long.parseLong(parts[0]), parts[1], AggregateKind.valueOf(parts[2]), parts[3]);
        }
    }
}
