package io.cloudphone.ledger.schemas.ledger;

/**
 * The request ids of the decisions the ledger makes by itself, beside the ones it makes on clients' requests: a
 * downstream consumer (command-api's transfer status, say) finds them on {@code cpl.ledger.decisions} by these.
 */
public final class LedgerRequestIds {

    private LedgerRequestIds() {
    }

    /** The decision that releases a hold whose expiry passed. */
    public static String holdExpiry(String holdId) {
        return "hold-expiry:" + holdId;
    }

    /** The destination's decision on a transfer's credit leg. */
    public static String transferIn(String transferId) {
        return transferId + ":in";
    }

    /** The source's decision on the refund of a transfer the destination refused. */
    public static String transferRefund(String transferId) {
        return transferId + ":refund";
    }
}
