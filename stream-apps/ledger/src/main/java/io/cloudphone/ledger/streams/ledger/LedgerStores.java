package io.cloudphone.ledger.streams.ledger;

/**
 * Names and key layouts of the ledger's state stores; queried by name through interactive queries. Every
 * store is partitioned like its input: by account id, so one account's state lives in one task.
 */
public final class LedgerStores {

    /** Account id to its current {@code AccountBalance}. */
    public static final String BALANCES = "ledger-balances";
    /**
     * Request id to its {@code LedgerDecision}, held on the partition of the request's account. Doubles as
     * the record of applied events: a command whose request id is here is a redelivery and is dropped.
     */
    public static final String DECISIONS = "ledger-decisions";
    /** Hold id to its {@code Hold}, on the partition of the hold's account. */
    public static final String HOLDS = "ledger-holds";
    /** {@link #expiryKey} to hold id: the open holds with an expiry, in expiry order, for the expiry punctuator. */
    public static final String HOLD_EXPIRIES = "ledger-hold-expiries";
    /** {@link #entryKey} to {@code LedgerEntry}: an account's entries in version order, for paging and as-of reads. */
    public static final String ENTRIES = "ledger-entries";

    /** Digits of Long.MAX_VALUE: every non-negative long zero-padded to this width sorts numerically as a string. */
    private static final int LONG_DIGITS = 19;

    private LedgerStores() {
    }

    /** {@code <accountId>/<versionAfter, 19 digits>/<index, 3 digits>}; '/' sorts after no account-id character used in a prefix match. */
    public static String entryKey(String accountId, long versionAfter, int index) {
        return entryPrefix(accountId) + padded(versionAfter, LONG_DIGITS) + "/" + padded(index, 3);
    }

    public static String entryPrefix(String accountId) {
        return accountId + "/";
    }

    /** The greatest key of entries at versions up to {@code versionAfter} (inclusive). */
    public static String entryKeyUpTo(String accountId, long versionAfter) {
        return entryPrefix(accountId) + padded(versionAfter, LONG_DIGITS) + "/999";
    }

    public static String expiryKey(long expiresAtMillis, String holdId) {
        return padded(Math.max(0, expiresAtMillis), LONG_DIGITS) + "/" + holdId;
    }

    /** Greater than every {@link #expiryKey} due at or before {@code nowMillis}. */
    public static String expiryKeyAfter(long nowMillis) {
        return padded(Math.max(0, nowMillis), LONG_DIGITS) + "/\uffff";
    }

    /** Zero-padded decimal; by hand because String.format was 4% of the stream thread's samples (one key per entry). */
    static String padded(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        String digits = Long.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " has more than " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
