package io.cloudphone.ledger.api.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One request against an account: a type per kind, each with exactly the fields its kind needs, so a recharge
 * cannot carry a hold id and a transfer cannot lack its destination. Every kind is in the account's currency
 * (checked against the account before it is queued). Stored flat in {@code account_request}:
 * {@link AccountRequestRow} is the one mapping both ways.
 *
 * <p>The compact constructors assert what the input rules ({@link CommandInput}) have already ensured, so a
 * request that breaks them is a bug here, never a row the table's {@code account_request_shape} has to refuse.
 */
sealed interface AccountRequest {

    /** The ledger's request id: the outbox event's id and the key of its decision. */
    UUID requestId();

    String accountId();

    /** The user (or operator) who asked; null only on requests stored before V3 recorded it. */
    UUID actorId();

    String currency();

    record Open(UUID requestId, String accountId, UUID actorId, String currency) implements AccountRequest {
        public Open {
            requireHeader(requestId, accountId, currency);
        }
    }

    record Recharge(UUID requestId, String accountId, UUID actorId, long amountMinor, String currency)
            implements AccountRequest {
        public Recharge {
            requireHeader(requestId, accountId, currency);
            requirePositive(amountMinor, "amountMinor");
        }
    }

    record Consume(UUID requestId, String accountId, UUID actorId, long amountMinor, String currency)
            implements AccountRequest {
        public Consume {
            requireHeader(requestId, accountId, currency);
            requirePositive(amountMinor, "amountMinor");
        }
    }

    /** An operator's correcting entry: signed, never zero, always with its reason. */
    record Adjust(UUID requestId, String accountId, UUID actorId, long amountMinor, String currency, String reason)
            implements AccountRequest {
        public Adjust {
            requireHeader(requestId, accountId, currency);
            if (amountMinor == 0) {
                throw new IllegalArgumentException("an adjustment of 0 moves nothing");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an adjustment needs its reason");
            }
        }
    }

    /** How far below zero the available balance may go. */
    record SetOverdraftLimit(UUID requestId, String accountId, UUID actorId, long limitMinor, String currency)
            implements AccountRequest {
        public SetOverdraftLimit {
            requireHeader(requestId, accountId, currency);
            if (limitMinor < 0) {
                throw new IllegalArgumentException("limitMinor " + limitMinor + " < 0");
            }
        }
    }

    /** Moves money to another account, which may be on another ledger partition. */
    record Transfer(UUID requestId, String accountId, UUID actorId, String toAccountId, long amountMinor,
                    String currency) implements AccountRequest {
        public Transfer {
            requireHeader(requestId, accountId, currency);
            requirePositive(amountMinor, "amountMinor");
            if (accountId.equals(Objects.requireNonNull(toAccountId, "toAccountId"))) {
                throw new IllegalArgumentException("a transfer needs two different accounts");
            }
        }
    }

    /** A request about a hold: placing, capturing or releasing it. */
    sealed interface OnHold extends AccountRequest {
        UUID holdId();
    }

    /**
     * Sets money aside until it is captured or released, or until {@code expiresAt} (when the client gave one),
     * when the ledger releases it.
     */
    record PlaceHold(UUID requestId, String accountId, UUID actorId, UUID holdId, long amountMinor, String currency,
                     Optional<Instant> expiresAt) implements OnHold {
        public PlaceHold {
            requireHeader(requestId, accountId, currency);
            Objects.requireNonNull(holdId, "holdId");
            requirePositive(amountMinor, "amountMinor");
            Objects.requireNonNull(expiresAt, "expiresAt (empty for none)");
        }
    }

    /** Takes all of the hold (no amount) or part of it; the rest is released. */
    record CaptureHold(UUID requestId, String accountId, UUID actorId, UUID holdId, OptionalLong amountMinor,
                       String currency) implements OnHold {
        public CaptureHold {
            requireHeader(requestId, accountId, currency);
            Objects.requireNonNull(holdId, "holdId");
            Objects.requireNonNull(amountMinor, "amountMinor (empty for the whole hold)");
            amountMinor.ifPresent(amount -> requirePositive(amount, "amountMinor"));
        }
    }

    record ReleaseHold(UUID requestId, String accountId, UUID actorId, UUID holdId, String currency)
            implements OnHold {
        public ReleaseHold {
            requireHeader(requestId, accountId, currency);
            Objects.requireNonNull(holdId, "holdId");
        }
    }

    /**
     * What the request asks for, without its id: a replayed Idempotency-Key with the same fingerprint gets the
     * first request's answer, with another one a 409.
     */
    default String fingerprint() {
        return AccountRequestRow.of(this).fingerprint();
    }

    /** A new request's id; each attempt gets one, a replayed Idempotency-Key is answered with the first. */
    static UUID newRequestId() {
        return UUID.randomUUID();
    }

    private static void requireHeader(UUID requestId, String accountId, String currency) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
    }

    private static void requirePositive(long amountMinor, String name) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException(name + " " + amountMinor + " <= 0");
        }
    }
}
