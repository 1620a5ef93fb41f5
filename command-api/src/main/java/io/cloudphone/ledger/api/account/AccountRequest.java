package io.cloudphone.ledger.api.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored request against an account. Which fields a kind carries is fixed by the table's constraint
 * {@code account_request_shape}: {@code amountMinor} is signed for ADJUST, the limit for OVERDRAFT, null for
 * OPEN and RELEASE and "the whole hold" for CAPTURE; {@code holdId} for HOLD/CAPTURE/RELEASE;
 * {@code toAccountId} for TRANSFER; {@code reason} for ADJUST.
 */
record AccountRequest(UUID requestId, String accountId, RequestKind kind, Long amountMinor, String currency,
                      UUID holdId, String toAccountId, String reason, Instant expiresAt, UUID actorId) {

    AccountRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
    }

    static AccountRequest of(String accountId, RequestKind kind, Long amountMinor, String currency, UUID actorId) {
        return new AccountRequest(UUID.randomUUID(), accountId, kind, amountMinor, currency, null, null, null, null, actorId);
    }

    AccountRequest withHold(UUID holdId, Instant expiresAt) {
        return new AccountRequest(requestId, accountId, kind, amountMinor, currency, holdId, toAccountId, reason, expiresAt,
                actorId);
    }

    AccountRequest withTransferTo(String to) {
        return new AccountRequest(requestId, accountId, kind, amountMinor, currency, holdId, to, reason, expiresAt, actorId);
    }

    AccountRequest withReason(String why) {
        return new AccountRequest(requestId, accountId, kind, amountMinor, currency, holdId, toAccountId, why, expiresAt,
                actorId);
    }

    /**
     * What the request asks for, without its id: a replayed Idempotency-Key with the same fingerprint gets the
     * first request's answer, with another one a 409. A new hold's id is not part of it (each attempt makes one).
     */
    String fingerprint() {
        return String.join("|", kind.name(), String.valueOf(amountMinor), String.valueOf(currency),
                kind == RequestKind.HOLD ? "-" : String.valueOf(holdId), String.valueOf(toAccountId),
                String.valueOf(reason), String.valueOf(expiresAt));
    }
}
