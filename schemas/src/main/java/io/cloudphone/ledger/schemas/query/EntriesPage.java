package io.cloudphone.ledger.schemas.query;

import java.util.List;

/** A page of an account's entries, newest first; pass {@code nextBeforeVersion} to get the next (null: no more). */
public record EntriesPage(List<EntryView> entries, Long nextBeforeVersion) {

    /** Bound on one page: the ledger's query API serves at most this many, and command-api asks no more. */
    public static final int ENTRIES_MAX = 200;

    public EntriesPage {
        entries = List.copyOf(entries);
    }
}
