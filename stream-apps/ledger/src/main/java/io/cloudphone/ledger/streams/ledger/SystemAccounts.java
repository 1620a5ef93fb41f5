package io.cloudphone.ledger.streams.ledger;

/**
 * Names of the ledger accounts that are not customers': the other side of every entry. Per currency where
 * money enters or leaves the platform, per customer account for holds (so an account's held amount is the
 * balance of its own holds account).
 */
public final class SystemAccounts {

    /** Prefix of every system account; customer account ids cannot contain it (see CommandInput). */
    public static final String PREFIX = "@";

    private SystemAccounts() {
    }

    /** Money paid in from outside (recharges). */
    public static String externalInflow(String currency) {
        return PREFIX + "external-inflow:" + currency;
    }

    /** Money spent on the platform (consumptions, captured holds). */
    public static String externalOutflow(String currency) {
        return PREFIX + "external-outflow:" + currency;
    }

    /** The other side of operators' corrections. */
    public static String adjustments(String currency) {
        return PREFIX + "adjustments:" + currency;
    }

    /** Money between the debit of a transfer's source and the credit (or refund) on another partition. */
    public static String transfersInFlight(String currency) {
        return PREFIX + "transfers-in-flight:" + currency;
    }

    /** The amounts on hold of one account. */
    public static String holds(String accountId) {
        return PREFIX + "holds:" + accountId;
    }

    public static boolean isSystem(String ledgerAccount) {
        return ledgerAccount.startsWith(PREFIX);
    }
}
