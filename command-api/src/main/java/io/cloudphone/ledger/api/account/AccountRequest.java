package io.cloudphone.ledger.api.account;

import java.util.UUID;

/** One stored request against an account. {@code amountMinor} is null for OPEN. */
record AccountRequest(UUID requestId, String accountId, RequestKind kind, Long amountMinor, String currency,
                      String fingerprint) {

    static String fingerprint(RequestKind kind, Long amountMinor, String currency) {
        return kind + ":" + (amountMinor == null ? "-" : amountMinor) + ":" + currency;
    }
}
