package io.cloudphone.ledger.provider;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Money as the providers take it: a positive {@code long} of minor units (fen, cents) and an ISO 4217 code.
 */
public final class Amounts {

    /**
     * 10^15 minor units (10 trillion in major units): far above any real payment, and low enough that the sum of the
     * 50 refunds a charge may have can never overflow a long.
     */
    public static final long AMOUNT_MINOR_MAX = 1_000_000_000_000_000L;
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private Amounts() {
    }

    public static long requirePositive(long amountMinor, String field) {
        if (amountMinor <= 0 || amountMinor > AMOUNT_MINOR_MAX) {
            throw new IllegalArgumentException(field + " must be 1 to " + AMOUNT_MINOR_MAX + " minor units, was "
                    + amountMinor);
        }
        return amountMinor;
    }

    /** An ISO 4217 code the JDK knows, in capitals ({@code CNY}, {@code USD}). */
    public static String requireCurrency(String currency) {
        if (currency == null || !CURRENCY_CODE.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code of three capital letters, was "
                    + (currency == null ? "null" : "'" + currency.substring(0, Math.min(currency.length(), 8)) + "'"));
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code");
        }
        return currency;
    }

    /** Free text sent to a provider (a description, a refund reason): 1 to {@code lengthMax} characters, no controls. */
    public static String requireText(String text, String field, int lengthMax) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (text.length() > lengthMax) {
            throw new IllegalArgumentException(field + " must be at most " + lengthMax + " characters, was "
                    + text.length());
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return text;
    }
}
