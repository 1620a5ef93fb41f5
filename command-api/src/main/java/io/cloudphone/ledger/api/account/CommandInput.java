package io.cloudphone.ledger.api.account;

import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.schemas.account.AccountIds;
import io.cloudphone.ledger.schemas.ledger.HoldLifetime;
import io.cloudphone.ledger.schemas.money.Currencies;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Checks of client input, done before anything touches the database. Pure, so unit-tested alone. */
public final class CommandInput {

    static final int IDEMPOTENCY_KEY_LENGTH_MAX = 128;
    static final int REASON_LENGTH_MAX = 500;

    private CommandInput() {
    }

    public static String accountId(String accountId) {
        if (!AccountIds.isValid(accountId)) {
            throw ApiProblem.invalid("accountId must be 1 to " + AccountIds.LENGTH_MAX + " characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        return accountId;
    }

    /** An ISO 4217 code of money with minor units, e.g. CNY (not XXX, XAU, XTS: see {@link Currencies}). */
    public static String currency(String currency) {
        if (currency == null || currency.isBlank()) {
            throw ApiProblem.invalid("currency is required (an ISO 4217 code such as CNY)");
        }
        if (!Currencies.isMoney(currency)) {
            throw ApiProblem.invalid("unknown currency '" + currency + "' (expected an ISO 4217 code of money, such as CNY)");
        }
        return currency;
    }

    /** A positive whole number of minor units that fits in a signed 64-bit integer. */
    public static long amountMinor(BigDecimal amount) {
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

    /** A non-zero whole number of minor units, either sign (adjustments). */
    static long signedAmountMinor(BigDecimal amount) {
        if (amount == null) {
            throw ApiProblem.invalid("amount is required, in integer minor units; negative debits the account");
        }
        long value = wholeMinorUnits(amount);
        if (value == 0 || value == Long.MIN_VALUE) {
            throw ApiProblem.invalid("amount must be non-zero and within +-" + Long.MAX_VALUE + ", was "
                    + amount.toPlainString());
        }
        return value;
    }

    /** An overdraft limit: zero or a positive whole number of minor units. */
    static long limitMinor(BigDecimal limit) {
        if (limit == null) {
            throw ApiProblem.invalid("limit is required, in integer minor units (0 for none)");
        }
        long value = wholeMinorUnits(limit);
        if (value < 0) {
            throw ApiProblem.invalid("limit must be zero or positive, was " + limit.toPlainString());
        }
        return value;
    }

    /** Why an operator corrects an account: required, free text, bounded. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason is required: say why this correction is made");
        }
        if (reason.length() > REASON_LENGTH_MAX || reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw ApiProblem.invalid("reason must be at most " + REASON_LENGTH_MAX + " characters without control characters");
        }
        return reason;
    }

    /**
     * When a hold expires: optional (the ledger then gives it the longest lifetime, {@link HoldLifetime#MAX});
     * if given, in the future and at most {@link HoldLifetime#MAX} away.
     */
    static Optional<Instant> holdExpiry(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return Optional.empty();
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(HoldLifetime.MAX))) {
            throw ApiProblem.invalid("expiresAt must be in the future and at most " + HoldLifetime.MAX.toDays()
                    + " days away, was " + expiresAt);
        }
        return Optional.of(expiresAt);
    }

    private static long wholeMinorUnits(BigDecimal amount) {
        BigDecimal whole = amount.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw ApiProblem.invalid("amounts are integer numbers of minor units, was " + amount.toPlainString());
        }
        try {
            return whole.longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw ApiProblem.invalid("amount must be within +-" + Long.MAX_VALUE + " minor units");
        }
    }

    public static String idempotencyKey(String key, boolean required) {
        if (key == null || key.isEmpty()) {
            if (required) {
                throw new ApiProblem(CommandApiProblem.IDEMPOTENCY_KEY_REQUIRED, "the Idempotency-Key header is required");
            }
            return null;
        }
        if (key.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            throw new ApiProblem(CommandApiProblem.IDEMPOTENCY_KEY_REQUIRED, "Idempotency-Key must be at most " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters");
        }
        return key;
    }
}
