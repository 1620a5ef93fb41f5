package io.cloudphone.ledger.streams.ledger;

/** Names of the ledger's state stores; queried by name through interactive queries. */
public final class LedgerStores {

    /** Account id to its current {@code AccountBalance}. */
    public static final String BALANCES = "ledger-balances";
    /**
     * Request id to its {@code LedgerDecision}, held on the partition of the request's account. Doubles as
     * the record of applied events: a command whose request id is here is a redelivery and is dropped.
     */
    public static final String DECISIONS = "ledger-decisions";

    private LedgerStores() {
    }
}
