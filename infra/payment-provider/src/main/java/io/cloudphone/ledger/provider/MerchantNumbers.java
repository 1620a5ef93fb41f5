package io.cloudphone.ledger.provider;

import java.util.regex.Pattern;

/**
 * The merchant's own numbers for a charge ({@code out_trade_no}) and a refund ({@code out_refund_no}): 6 to 32
 * characters of {@code [A-Za-z0-9_-]}, the intersection of what WeChat Pay, Alipay and Stripe's idempotency keys
 * accept, so one number works at every provider and is safe in a URL path without encoding.
 */
public final class MerchantNumbers {

    public static final int LENGTH_MIN = 6;
    public static final int LENGTH_MAX = 32;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH_MIN + "," + LENGTH_MAX + "}");

    private MerchantNumbers() {
    }

    public static boolean isValid(String number) {
        return number != null && ALLOWED.matcher(number).matches();
    }

    /** The number itself; IllegalArgumentException naming the field and the rule otherwise (never the whole value). */
    public static String requireValid(String number, String field) {
        if (number == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!isValid(number)) {
            throw new IllegalArgumentException(field + " must be " + LENGTH_MIN + " to " + LENGTH_MAX
                    + " characters of [A-Za-z0-9_-], was " + number.length() + " characters"
                    + (number.length() <= LENGTH_MAX * 2 ? ": '" + printable(number) + "'" : ""));
        }
        return number;
    }

    private static String printable(String value) {
        return value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
