package io.cloudphone.ledger.schemas.query;

import java.util.List;

/** A page of an account's entries, newest first; pass {@code nextBeforeVersion} to get the next (null: no more). */
public record EntriesPage(List<EntryView> entries, Long nextBeforeVersion) {

    public EntriesPage {
        entries = List.copyOf(entries);
    }
}
