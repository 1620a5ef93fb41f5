package io.cloudphone.ledger.schemas.payment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request ids of the commands the payments app sends the ledger ({@code cpl.payments.ledger-commands}): one per
 * purpose, derived from the order and refund ids alone, so a command sent again (after a crash, a timer) carries the
 * same id and the ledger applies it once. A downstream consumer finds the ledger's decisions on
 * {@code cpl.ledger.decisions} by them: {@code pay:<orderId>:<purpose>} or {@code pay:<orderId>:<purpose>:<refundId>}.
 */
public final class PaymentLedgerRequests {

    /** What a command is for. */
    public enum Purpose {
        /** A paid TOP_UP credits the account. */
        CREDIT("credit", false),
        /** A BALANCE payment consumes from the account. */
        CONSUME("consume", false),
        /** A refund of top-up money holds it first. */
        HOLD("hold", true),
        /** The provider paid the refund out: the held money leaves the account. */
        CAPTURE("capture", true),
        /** The refund failed: the held money is free again. */
        RELEASE("release", true),
        /** The provider took a refund back: the top-up money returns to the account. */
        REVERSAL("reversal", true),
        /** A refund of a BALANCE payment returns the money to the account. */
        RETURN("return", true);

        private final String word;
        private final boolean ofRefund;

        Purpose(String word, boolean ofRefund) {
            this.word = word;
            this.ofRefund = ofRefund;
        }

        public boolean ofRefund() {
            return ofRefund;
        }
    }

    /** A parsed request id. */
    public record Request(String orderId, Purpose purpose, Optional<String> refundId) {
    }

    /** Order and refund ids are merchant numbers: 6 to 32 of these, never a colon. */
    public static final Pattern MERCHANT_NUMBER = Pattern.compile("[A-Za-z0-9_-]{6,32}");

    private static final String PREFIX = "pay:";
    private static final Pattern REQUEST = Pattern.compile(
            "pay:(" + MERCHANT_NUMBER + "):([a-z]+)(?::(" + MERCHANT_NUMBER + "))?");

    private PaymentLedgerRequests() {
    }

    public static String of(String orderId, Purpose purpose) {
        if (purpose.ofRefund) {
            throw new IllegalArgumentException(purpose + " names a refund");
        }
        return PREFIX + number(orderId) + ":" + purpose.word;
    }

    public static String of(String orderId, Purpose purpose, String refundId) {
        if (!purpose.ofRefund) {
            throw new IllegalArgumentException(purpose + " names no refund");
        }
        return PREFIX + number(orderId) + ":" + purpose.word + ":" + number(refundId);
    }

    /** The request an id names, or empty for any other id (a client's, the ledger's own). */
    public static Optional<Request> parse(String requestId) {
        if (requestId == null || !requestId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher matcher = REQUEST.matcher(requestId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        for (Purpose purpose : Purpose.values()) {
            if (purpose.word.equals(matcher.group(2)) && purpose.ofRefund == (matcher.group(3) != null)) {
                return Optional.of(new Request(matcher.group(1), purpose, Optional.ofNullable(matcher.group(3))));
            }
        }
        return Optional.empty();
    }

    private static String number(String id) {
        if (id == null || !MERCHANT_NUMBER.matcher(id).matches()) {
            throw new IllegalArgumentException("not a merchant number (6-32 of A-Z a-z 0-9 _ -): " + id);
        }
        return id;
    }
}
