package io.cloudphone.ledger.api.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * An {@link AccountRequest} as the columns of {@code account_request} hold it, which are shared by every kind
 * (the table's {@code account_request_shape} says which a kind fills): the one mapping between the two, and
 * the fingerprint stored with each row.
 *
 * @param amountMinor the amount; signed for ADJUST, the limit for OVERDRAFT, null for OPEN and RELEASE and for a
 *                    CAPTURE of the whole hold
 */
record AccountRequestRow(RequestKind kind, Long amountMinor, String currency, UUID holdId, String toAccountId,
                         String reason, Instant expiresAt) {

    AccountRequestRow {
        Objects.requireNonNull(kind, "kind");
    }

    static AccountRequestRow of(AccountRequest request) {
        String currency = request.currency();
        return switch (request) {
            case AccountRequest.Open open -> new AccountRequestRow(RequestKind.OPEN, null, currency, null, null, null, null);
            case AccountRequest.Recharge recharge ->
                    new AccountRequestRow(RequestKind.RECHARGE, recharge.amountMinor(), currency, null, null, null, null);
            case AccountRequest.Consume consume ->
                    new AccountRequestRow(RequestKind.CONSUME, consume.amountMinor(), currency, null, null, null, null);
            case AccountRequest.Adjust adjust -> new AccountRequestRow(RequestKind.ADJUST, adjust.amountMinor(), currency,
                    null, null, adjust.reason(), null);
            case AccountRequest.SetOverdraftLimit limit ->
                    new AccountRequestRow(RequestKind.OVERDRAFT, limit.limitMinor(), currency, null, null, null, null);
            case AccountRequest.Transfer transfer -> new AccountRequestRow(RequestKind.TRANSFER, transfer.amountMinor(),
                    currency, null, transfer.toAccountId(), null, null);
            case AccountRequest.PlaceHold hold -> new AccountRequestRow(RequestKind.HOLD, hold.amountMinor(), currency,
                    hold.holdId(), null, null, hold.expiresAt().orElse(null));
            case AccountRequest.CaptureHold capture -> new AccountRequestRow(RequestKind.CAPTURE,
                    capture.amountMinor().isPresent() ? capture.amountMinor().getAsLong() : null, currency,
                    capture.holdId(), null, null, null);
            case AccountRequest.ReleaseHold release ->
                    new AccountRequestRow(RequestKind.RELEASE, null, currency, release.holdId(), null, null, null);
        };
    }

    /** The request this row stores; a row that breaks its kind's shape fails here, loudly. */
    AccountRequest toRequest(UUID requestId, String accountId, UUID actorId) {
        return switch (kind) {
            case OPEN -> new AccountRequest.Open(requestId, accountId, actorId, currency);
            case RECHARGE -> new AccountRequest.Recharge(requestId, accountId, actorId, amount(), currency);
            case CONSUME -> new AccountRequest.Consume(requestId, accountId, actorId, amount(), currency);
            case ADJUST -> new AccountRequest.Adjust(requestId, accountId, actorId, amount(), currency, reason);
            case OVERDRAFT -> new AccountRequest.SetOverdraftLimit(requestId, accountId, actorId, amount(), currency);
            case TRANSFER -> new AccountRequest.Transfer(requestId, accountId, actorId, toAccountId, amount(), currency);
            case HOLD -> new AccountRequest.PlaceHold(requestId, accountId, actorId, holdId, amount(), currency,
                    Optional.ofNullable(expiresAt));
            case CAPTURE -> new AccountRequest.CaptureHold(requestId, accountId, actorId, holdId,
                    amountMinor == null ? OptionalLong.empty() : OptionalLong.of(amountMinor), currency);
            case RELEASE -> new AccountRequest.ReleaseHold(requestId, accountId, actorId, holdId, currency);
        };
    }

    /**
     * The stored fingerprint. Its format is what rows written before carry, so it must not change: a replayed key
     * would otherwise be a 409. A new hold's id is left out (each attempt makes one).
     */
    String fingerprint() {
        return String.join("|", kind.name(), String.valueOf(amountMinor), String.valueOf(currency),
                kind == RequestKind.HOLD ? "-" : String.valueOf(holdId), String.valueOf(toAccountId),
                String.valueOf(reason), String.valueOf(expiresAt));
    }

    /** For a 409's detail: what the first request with the key asked for. */
    String describe() {
        return amountMinor == null ? kind.name() : kind + " of " + amountMinor + " " + currency;
    }

    private long amount() {
        return Objects.requireNonNull(amountMinor, () -> kind + " row without amount_minor");
    }
}
