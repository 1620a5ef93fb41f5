package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.system.ApiProblem;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Checks of client input, done before anything touches the database. Pure, so unit-tested alone. */
final class CommandInput {

    static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int IDEMPOTENCY_KEY_LENGTH_MAX = 128;

    private CommandInput() {
    }

    static String accountId(String accountId) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw ApiProblem.invalid("accountId must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        return accountId;
    }

    /** An ISO 4217 code that Java knows, e.g. CNY. */
    static String currency(String currency) {
        if (currency == null || currency.isBlank()) {
            throw ApiProblem.invalid("currency is required (an ISO 4217 code such as CNY)");
        }
        if (!currency.matches("[A-Z]{3}") || !isKnownCurrency(currency)) {
            throw ApiProblem.invalid("unknown currency '" + currency + "' (expected an ISO 4217 code such as CNY)");
        }
        return currency;
    }

    /** A positive whole number of minor units that fits in a signed 64-bit integer. */
    static long amountMinor(BigDecimal amount) {
        if (amount == null) {
            throw ApiProblem.invalid("amount is required, in integer minor units (e.g. 1000 for 10.00 CNY)");
        }
        BigDecimal whole = amount.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw ApiProblem.invalid("amount must be an integer number of minor units, was " + amount.toPlainString());
        }
        if (whole.signum() <= 0) {
            throw ApiProblem.invalid("amount must be positive, was " + amount.toPlainString());
        }
        try {
            return whole.longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw ApiProblem.invalid("amount must be at most " + Long.MAX_VALUE + " minor units");
        }
    }

    static String idempotencyKey(String key, boolean required) {
        if (key == null || key.isEmpty()) {
            if (required) {
                throw ApiProblem.badRequest("the Idempotency-Key header is required");
            }
            return null;
        }
        if (key.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            throw ApiProblem.badRequest("Idempotency-Key must be at most " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters");
        }
        return key;
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
